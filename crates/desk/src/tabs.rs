//! The queues as tabs, with their live counts (polled every five seconds while the page is
//! visible), the reported queue's and the bans' tabs, and the audit log's tab for admins.

use std::time::Duration;

use binhluan_api::{CommentStatus, QueueCounts};
use leptos::prelude::*;

use crate::api::{self, Failure};
use crate::i18n::use_texts;
use crate::session::Auth;

/// How often the counts are asked for.
const POLL_EVERY: Duration = Duration::from_secs(5);

/// What the desk shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// A queue of comments.
    Queue(CommentStatus),
    /// The comments readers reported ("Bị báo cáo").
    Reported,
    /// The bans in force ("Bị cấm").
    Bans,
    /// The audit log (admins).
    Audit,
    /// The policy editor (admins).
    Policy,
}

/// The queues' counts, refreshed by polling and after every decision. An action rather than
/// a resource: a refresh must never suspend the page it is shown on; the last counts stay
/// until the next arrive.
#[derive(Clone, Copy)]
pub struct Counts(Action<(), Result<QueueCounts, Failure>>);

impl Counts {
    /// Provides the context and starts polling, until the calling component goes away.
    pub fn provide(auth: Auth) -> Counts {
        let counts = Counts(Action::new_local(move |_: &()| async move {
            auth.check(api::counts().await)
        }));
        counts.refresh();
        let poll = set_interval_with_handle(
            move || {
                let hidden = web_sys::window()
                    .and_then(|w| w.document())
                    .is_some_and(|d| d.hidden());
                if !hidden {
                    counts.refresh();
                }
            },
            POLL_EVERY,
        );
        if let Ok(poll) = poll {
            on_cleanup(move || poll.clear());
        }
        provide_context(counts);
        counts
    }

    /// Asks for the counts again.
    pub fn refresh(self) {
        self.0.dispatch(());
    }

    /// How many comments have open reports, once known.
    fn reported(self) -> Option<u64> {
        self.0.value().with(|counts| match counts {
            Some(Ok(counts)) => Some(counts.reported),
            _ => None,
        })
    }

    /// How many comments `status`'s queue holds, once known.
    fn of(self, status: CommentStatus) -> Option<u64> {
        self.0.value().with(|counts| match counts {
            Some(Ok(counts)) => Some(match status {
                CommentStatus::Pending => counts.pending,
                CommentStatus::Published => counts.published,
                CommentStatus::Rejected => counts.rejected,
            }),
            _ => None,
        })
    }
}

/// The counts context.
pub fn use_counts() -> Counts {
    expect_context::<Counts>()
}

/// The tabs: pending, published, rejected and reported with their counts, the bans; the
/// audit log and the policy for admins.
#[component]
pub fn Tabs(
    /// The tab shown; set when the moderator picks another.
    tab: RwSignal<Tab>,
    /// Whether the admin-only tabs are offered.
    is_admin: bool,
) -> impl IntoView {
    let texts = use_texts();
    let counts = use_counts();
    let queue_tab = move |status: CommentStatus| {
        let label = move || match status {
            CommentStatus::Pending => texts().tab_pending,
            CommentStatus::Published => texts().tab_published,
            CommentStatus::Rejected => texts().tab_rejected,
        };
        let current = move || tab.get() == Tab::Queue(status);
        view! {
            <button
                type="button"
                class="tab"
                data-status=api::status_code(status)
                aria-current=move || current().then_some("true")
                on:click=move |_| tab.set(Tab::Queue(status))
            >
                {label}
                " "
                <span class="count">{move || counts.of(status).map(|n| n.to_string())}</span>
            </button>
        }
    };
    view! {
        <nav class="tabs" aria-label=move || texts().tabs_label>
            {queue_tab(CommentStatus::Pending)}
            {queue_tab(CommentStatus::Published)}
            {queue_tab(CommentStatus::Rejected)}
            <button
                type="button"
                class="tab"
                data-status="reported"
                aria-current=move || (tab.get() == Tab::Reported).then_some("true")
                on:click=move |_| tab.set(Tab::Reported)
            >
                {move || texts().tab_reported}
                " "
                <span class="count">{move || counts.reported().map(|n| n.to_string())}</span>
            </button>
            <button
                type="button"
                class="tab"
                data-status="bans"
                aria-current=move || (tab.get() == Tab::Bans).then_some("true")
                on:click=move |_| tab.set(Tab::Bans)
            >
                {move || texts().tab_bans}
            </button>
            {is_admin
                .then(|| {
                    [(Tab::Audit, "audit"), (Tab::Policy, "policy")]
                        .map(|(admin_tab, code)| {
                            view! {
                                <button
                                    type="button"
                                    class="tab"
                                    data-status=code
                                    aria-current=move || (tab.get() == admin_tab).then_some("true")
                                    on:click=move |_| tab.set(admin_tab)
                                >
                                    {move || match admin_tab {
                                        Tab::Policy => texts().tab_policy,
                                        _ => texts().tab_audit,
                                    }}
                                </button>
                            }
                        })
                })}
        </nav>
    }
}
