//! What readers see, written once: the Leptos components that both the app mounts in the
//! browser and the server renders to HTML (`/bai-viet/{slug}`), and every string of the
//! reader's side in Vietnamese and English.
//!
//! Nothing here touches the browser: no `web_sys`, no clock, no effects. A component that
//! needs the browser (a like button that posts, "5 phút trước" that ticks) lives in the app
//! and wraps these.

pub mod article;
pub mod comment;
pub mod header;
pub mod i18n;
pub mod not_found;
pub mod rules;

pub use article::{ArticleView, newsroom_time};
pub use comment::{CommentCard, LikeLabel};
pub use header::SiteHeader;
pub use not_found::NotFoundView;
pub use rules::RulesList;
