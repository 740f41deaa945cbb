//! One comment's markup, with schema.org `Comment` microdata so crawlers can read it.

use binhluan_api::Comment;
use leptos::prelude::*;

use crate::i18n::use_texts;

/// The schema.org type of a comment.
const COMMENT_TYPE: &str = "https://schema.org/Comment";
/// The schema.org type of its author.
const PERSON_TYPE: &str = "https://schema.org/Person";

/// A comment: "Bình luận được chọn" if moderators chose it, its author, `time`, its text (as
/// text), then `children` (its actions, a reply box, its replies).
#[component]
pub fn CommentCard(
    /// The comment (its replies are the caller's to show).
    comment: Comment,
    /// When it was written: "5 phút trước" in the app, the printed time on the server.
    time: AnyView,
    /// What follows the text.
    children: Children,
) -> impl IntoView {
    let texts = use_texts();
    let Comment {
        id,
        author_name,
        content,
        created_at,
        featured,
        ..
    } = comment;
    view! {
        <article
            class="comment"
            class:is-featured=featured
            data-comment-id=id
            tabindex="-1"
            itemscope
            itemtype=COMMENT_TYPE
        >
            <meta itemprop="dateCreated" content=created_at/>
            <p class="comment-meta">
                {featured.then(|| view! { <span class="comment-featured">{move || texts().featured}</span> })}
                <strong class="comment-author" itemprop="author" itemscope itemtype=PERSON_TYPE>
                    <span itemprop="name">{author_name}</span>
                </strong>
                {time}
            </p>
            <p class="comment-content" itemprop="text">{content}</p>
            {children()}
        </article>
    }
}

/// The inside of a like button: the heart, "Thích" and the count.
#[component]
pub fn LikeLabel(
    /// How many readers like the comment.
    #[prop(into)]
    likes: Signal<u64>,
) -> impl IntoView {
    let texts = use_texts();
    view! {
        <span aria-hidden="true" class="like-icon"></span>
        {move || texts().like}
        " "
        <span class="like-count">{likes}</span>
    }
}
