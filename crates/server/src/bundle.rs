//! Where the apps' built files come from: a folder (`--dist`, trunk's output), or the release
//! bundle embedded in this binary when it was built with the `embedded-bundle` feature, so
//! that one file is all a deployment needs.
//!
//! The embedded bundle is the folder named by `BINHLUAN_BUNDLE_DIR` at build time (by
//! default the workspace's `dist/`, which `scripts/run` builds), read by `rust-embed` into the
//! binary in every profile.

use std::borrow::Cow;
use std::path::PathBuf;

/// The files a server answers for paths outside `/api`.
#[derive(Clone, Debug)]
pub enum Bundle {
    /// A folder on disk, read at every request (a rebuild shows at once).
    Folder(PathBuf),
    /// The bundle built into this binary.
    #[cfg(feature = "embedded-bundle")]
    Embedded,
}

/// The release bundle, as it was when this binary was built.
#[cfg(feature = "embedded-bundle")]
#[derive(rust_embed::RustEmbed)]
#[folder = "${BINHLUAN_BUNDLE_DIR:-../../dist}"]
struct Embedded;

/// A file of the embedded bundle, with what its answer says about it.
#[cfg(feature = "embedded-bundle")]
pub struct EmbeddedFile {
    /// Its bytes.
    pub data: Cow<'static, [u8]>,
    /// Its media type, guessed from its name at build time.
    pub content_type: String,
    /// A strong validator: the start of its SHA-256, quoted.
    pub etag: String,
}

/// The file at `path` (relative, `/`-separated) of the embedded bundle, if it has it.
#[cfg(feature = "embedded-bundle")]
pub fn embedded_file(path: &str) -> Option<EmbeddedFile> {
    use base64::Engine;
    let file = Embedded::get(path)?;
    let hash = file.metadata.sha256_hash();
    Some(EmbeddedFile {
        content_type: file.metadata.mimetype().to_owned(),
        etag: format!(
            "\"{}\"",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&hash[..16])
        ),
        data: file.data,
    })
}

impl Bundle {
    /// `--dist` when given; otherwise the embedded bundle if this binary has one, else `dist`.
    pub fn choose(dist: Option<PathBuf>) -> Bundle {
        match dist {
            Some(folder) => Bundle::Folder(folder),
            #[cfg(feature = "embedded-bundle")]
            None => Bundle::Embedded,
            #[cfg(not(feature = "embedded-bundle"))]
            None => Bundle::Folder(PathBuf::from("dist")),
        }
    }

    /// The bytes of the file at `path` (relative, `/`-separated), if the bundle has it.
    pub async fn read(&self, path: &str) -> Option<Cow<'static, [u8]>> {
        match self {
            Bundle::Folder(folder) => tokio::fs::read(folder.join(path))
                .await
                .ok()
                .map(Cow::Owned),
            #[cfg(feature = "embedded-bundle")]
            Bundle::Embedded => embedded_file(path).map(|file| file.data),
        }
    }

    /// The names of the files at the bundle's top level.
    pub async fn top_level_names(&self) -> Vec<String> {
        match self {
            Bundle::Folder(folder) => {
                let mut names = Vec::new();
                if let Ok(mut files) = tokio::fs::read_dir(folder).await {
                    while let Ok(Some(file)) = files.next_entry().await {
                        names.push(file.file_name().to_string_lossy().into_owned());
                    }
                }
                names
            }
            #[cfg(feature = "embedded-bundle")]
            Bundle::Embedded => Embedded::iter()
                .filter(|path| !path.contains('/'))
                .map(Cow::into_owned)
                .collect(),
        }
    }

    /// What the bundle is, for people: the folder, or "the bundle built into this binary".
    pub fn describe(&self) -> String {
        match self {
            Bundle::Folder(folder) => folder.display().to_string(),
            #[cfg(feature = "embedded-bundle")]
            Bundle::Embedded => "the bundle built into this binary".to_owned(),
        }
    }
}
