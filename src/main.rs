//! The entry point trunk builds: starts the app on its own page; embeds start from `embed.js`.

fn main() {
    binhluan::start();
}
