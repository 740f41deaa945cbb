//! The entry point trunk builds: mounts the app on `<body>`.

fn main() {
    binhluan::mount_app();
}
