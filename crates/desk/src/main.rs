//! The entry point trunk builds: the desk owns its page.

fn main() {
    binhluan_desk::start();
}
