//! SQLite's group commit for posts. SQLite lets one connection write at a time, and every
//! commit syncs the WAL to disk (`synchronous=FULL`), so posts queued one behind another's
//! sync. Here the posts that arrive while a commit syncs wait together; the next transaction
//! stores all of them, each in a savepoint of its own (a refused post rolls back only itself),
//! and syncs once. Every post is answered after that commit: an acknowledged comment is as
//! durable as before, and posts cost one sync per group instead of one each.

use anyhow::anyhow;
use tokio::sync::{mpsc, oneshot};

use super::Db;
use super::posting::{NewCommentRecord, PostOutcome, store_post};

/// The most posts one commit stores: a group's transaction holds the write lock while it
/// runs, and other writers (likes, the desk) wait their turn behind it.
const MAX_GROUP: usize = 64;

/// How many posts may wait for a commit before more posters wait to queue.
const MAX_WAITING: usize = 1024;

/// A post waiting for its group's commit, and where its outcome goes.
struct Waiting {
    record: NewCommentRecord,
    now: i64,
    answer: oneshot::Sender<anyhow::Result<PostOutcome>>,
}

/// The queue of posts to the one task that commits them in groups; cheap to clone.
#[derive(Clone, Debug)]
pub(super) struct PostQueue {
    posts: mpsc::Sender<Waiting>,
}

impl PostQueue {
    /// Starts the task that stores the queued posts through `db` (a handle without a queue of
    /// its own: the task ends when the last queue handle is dropped).
    pub(super) fn start(db: Db) -> Self {
        let (posts, waiting) = mpsc::channel(MAX_WAITING);
        tokio::spawn(commit_in_groups(db, waiting));
        Self { posts }
    }

    /// Queues `record`, posted at `now`, and waits until its group is committed.
    pub(super) async fn store(
        &self,
        record: NewCommentRecord,
        now: i64,
    ) -> anyhow::Result<PostOutcome> {
        let (answer, outcome) = oneshot::channel();
        self.posts
            .send(Waiting {
                record,
                now,
                answer,
            })
            .await
            .map_err(|_| anyhow!("the task that stores posts has stopped"))?;
        outcome
            .await
            .map_err(|_| anyhow!("the task that stores posts dropped the post"))?
    }
}

/// Takes whatever posts are waiting, up to [`MAX_GROUP`], stores them in one transaction, and
/// again, until every queue handle is gone.
async fn commit_in_groups(db: Db, mut waiting: mpsc::Receiver<Waiting>) {
    let mut group = Vec::with_capacity(MAX_GROUP);
    while waiting.recv_many(&mut group, MAX_GROUP).await > 0 {
        db.commit_group(&mut group).await;
    }
}

impl Db {
    /// Stores the posts of `group` in one transaction, then answers each: its own outcome if
    /// the transaction committed, an error otherwise. Empties `group`.
    async fn commit_group(&self, group: &mut Vec<Waiting>) {
        let _turn = self.write_turn().await;
        let mut outcomes = Vec::with_capacity(group.len());
        let committed = async {
            let mut transaction = self.pool.begin().await?;
            for post in group.iter() {
                outcomes.push(store_post(&mut transaction, &post.record, post.now).await);
            }
            transaction.commit().await
        }
        .await;
        match committed {
            Ok(()) => {
                crate::measure::post_group(group.len());
                for (post, outcome) in group.drain(..).zip(outcomes) {
                    // A poster who left (a closed connection) still has its comment stored;
                    // a retry with its key replays it.
                    let _ = post.answer.send(outcome.map_err(anyhow::Error::from));
                }
            }
            Err(error) => {
                tracing::error!(%error, posts = group.len(), "a group of posts was not committed");
                for post in group.drain(..) {
                    let _ = post
                        .answer
                        .send(Err(anyhow!("the post's group was not committed: {error}")));
                }
            }
        }
    }
}
