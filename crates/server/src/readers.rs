//! Reader ids the server issues and signs (`POST /api/readers`), so that a like or a view
//! counts only for an id this server made, and the ids one client key can get are bounded.
//!
//! An id is `r1.` + 16 random bytes + `.` + the first 16 bytes of their HMAC-SHA256 under the
//! server's reader secret, both base64url: 48 characters, checked without any lookup.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// What every signed id starts with (the version of the format).
const PREFIX: &str = "r1.";
/// Random bytes in an id.
pub const NONCE_BYTES: usize = 16;
/// Bytes of the HMAC an id keeps (128 bits: forging one is out of reach).
const TAG_BYTES: usize = 16;

/// The key reader ids are signed with.
#[derive(Clone)]
pub struct ReaderKey(Hmac<Sha256>);

impl std::fmt::Debug for ReaderKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ReaderKey(..)")
    }
}

impl ReaderKey {
    /// The key of `secret` (from `--reader-secret-file`, or generated and kept in the
    /// database, so that every process on one database signs alike).
    pub fn new(secret: &[u8]) -> Self {
        Self(Hmac::new_from_slice(secret).expect("HMAC takes a key of any length"))
    }

    /// A new signed id.
    pub fn issue(&self) -> anyhow::Result<String> {
        let mut nonce = [0; NONCE_BYTES];
        getrandom::fill(&mut nonce).map_err(|error| anyhow::anyhow!("no randomness: {error}"))?;
        Ok(self.sign(&nonce))
    }

    /// The signed id of `nonce` ([`ReaderKey::issue`] draws it at random; tests name readers
    /// with fixed ones).
    pub fn sign(&self, nonce: &[u8; NONCE_BYTES]) -> String {
        format!(
            "{PREFIX}{}.{}",
            URL_SAFE_NO_PAD.encode(nonce),
            URL_SAFE_NO_PAD.encode(self.tag(nonce))
        )
    }

    /// Whether `id` is one this key signed.
    pub fn verify(&self, id: &str) -> bool {
        let Some((nonce, tag)) = id
            .strip_prefix(PREFIX)
            .and_then(|rest| rest.split_once('.'))
        else {
            return false;
        };
        let (Ok(nonce), Ok(tag)) = (URL_SAFE_NO_PAD.decode(nonce), URL_SAFE_NO_PAD.decode(tag))
        else {
            return false;
        };
        let mut mac = self.0.clone();
        mac.update(&nonce);
        nonce.len() == NONCE_BYTES
            && tag.len() == TAG_BYTES
            && mac.verify_truncated_left(&tag).is_ok()
    }

    fn tag(&self, nonce: &[u8]) -> [u8; TAG_BYTES] {
        let mut mac = self.0.clone();
        mac.update(nonce);
        let full = mac.finalize().into_bytes();
        let mut tag = [0; TAG_BYTES];
        tag.copy_from_slice(&full[..TAG_BYTES]);
        tag
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_issued_id_verifies_under_its_key_only() {
        let key = ReaderKey::new(b"a secret of the server, long enough");
        let id = key.issue().unwrap();
        assert_eq!(id.len(), 48, "{id}");
        assert!(id.starts_with("r1."));
        assert!(key.verify(&id));
        assert!(!ReaderKey::new(b"another secret").verify(&id));
        assert_ne!(key.issue().unwrap(), id, "every id is new");
    }

    #[test]
    fn altered_or_made_up_ids_do_not_verify() {
        let key = ReaderKey::new(b"a secret of the server, long enough");
        let id = key.issue().unwrap();
        let mut altered = id.clone().into_bytes();
        altered[5] = if altered[5] == b'A' { b'B' } else { b'A' };
        let altered = String::from_utf8(altered).unwrap();
        let (signed, tag) = id.rsplit_once('.').unwrap();
        for forged in [
            altered.as_str(),
            "3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b",
            "r1.",
            "r1..",
            signed,
            &format!("{signed}.{}", &tag[..10]),
            &format!("{signed}.{tag}A"),
            &format!("r2.{}", &id[3..]),
        ] {
            assert!(!key.verify(forged), "{forged}");
        }
    }
}
