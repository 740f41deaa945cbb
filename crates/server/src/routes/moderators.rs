//! Moderation accounts, managed by admins: the list, adding one (its generated password is
//! answered once), removing one.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use binhluan_api::{CreatedModerator, ModeratorAccount, NewModerator};

use crate::auth::Admin;
use crate::clock::rfc3339;
use crate::error::ApiFailure;
use crate::extract::JsonBody;
use crate::moderators::{add_to, is_account_name};
use crate::state::AppState;

/// Every account, by name.
pub async fn list(
    _: Admin,
    State(state): State<Arc<AppState>>,
) -> Result<Json<Vec<ModeratorAccount>>, ApiFailure> {
    let accounts = state.db.moderators().await?;
    Ok(Json(
        accounts
            .into_iter()
            .map(|account| ModeratorAccount {
                name: account.name,
                role: account.role,
                created_at: rfc3339(account.created_at),
                last_login_at: account.last_login_at.map(rfc3339),
            })
            .collect(),
    ))
}

/// Adds an account (`201`, with its generated password, shown once); `409 name_taken` when
/// the name is.
pub async fn add(
    Admin(admin): Admin,
    State(state): State<Arc<AppState>>,
    JsonBody(new): JsonBody<NewModerator>,
) -> Result<(StatusCode, Json<CreatedModerator>), ApiFailure> {
    if !is_account_name(&new.name) {
        return Err(ApiFailure::invalid(
            "name",
            "Tên tài khoản cần từ 2 đến 50 ký tự: chữ không dấu, số, . _ -",
            "An account name is 2 to 50 of A-Z a-z 0-9 . _ -",
        ));
    }
    let password = add_to(&state.db, &new.name, new.role)
        .await?
        .ok_or(ApiFailure::NameTaken)?;
    tracing::info!(name = %new.name, role = ?new.role, by = %admin.name, "moderation account added");
    Ok((
        StatusCode::CREATED,
        Json(CreatedModerator {
            name: new.name,
            role: new.role,
            password,
        }),
    ))
}

/// Removes an account and ends its sessions.
pub async fn remove(
    Admin(admin): Admin,
    State(state): State<Arc<AppState>>,
    Path(name): Path<String>,
) -> Result<StatusCode, ApiFailure> {
    if state.db.remove_moderator(&name).await? {
        tracing::info!(%name, by = %admin.name, "moderation account removed");
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiFailure::NotFound {
            message: "Không có tài khoản này.",
            message_en: "No such account.",
        })
    }
}
