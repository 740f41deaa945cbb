//! Secrets: random tokens and generated passwords from the operating system's generator, and
//! passwords hashed with Argon2id (the `argon2` crate's defaults: 19 MiB, 2 passes).

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// Letters and digits that cannot be mistaken for one another when read aloud or copied.
const PASSWORD_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";
/// The length of a generated password (about 114 bits).
const PASSWORD_CHARS: usize = 20;

fn random_bytes<const N: usize>() -> anyhow::Result<[u8; N]> {
    let mut bytes = [0; N];
    getrandom::fill(&mut bytes).map_err(|error| anyhow::anyhow!("no randomness: {error}"))?;
    Ok(bytes)
}

/// A random token of 256 bits, URL-safe (session cookies, CSRF tokens, login links).
pub fn random_token() -> anyhow::Result<String> {
    Ok(URL_SAFE_NO_PAD.encode(random_bytes::<32>()?))
}

/// A new password of 20 unambiguous letters and digits.
pub fn generated_password() -> anyhow::Result<String> {
    let bytes = random_bytes::<PASSWORD_CHARS>()?;
    // 256 is not a multiple of the alphabet's 54 letters: take each byte below the largest
    // multiple, and draw again for the rest, so every letter is equally likely.
    let limit = 256 - 256 % PASSWORD_ALPHABET.len();
    let mut password = String::with_capacity(PASSWORD_CHARS);
    let mut pending: Vec<u8> = bytes.to_vec();
    while password.len() < PASSWORD_CHARS {
        if pending.is_empty() {
            pending = random_bytes::<PASSWORD_CHARS>()?.to_vec();
        }
        let byte = usize::from(pending.pop().unwrap_or_default());
        if byte < limit {
            password.push(char::from(
                PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.len()],
            ));
        }
    }
    Ok(password)
}

/// The Argon2id hash (PHC string) of `password`.
pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::encode_b64(&random_bytes::<16>()?)
        .map_err(|error| anyhow::anyhow!("cannot make a salt: {error}"))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| anyhow::anyhow!("cannot hash the password: {error}"))
}

/// Whether `password` is the one `hash` was made from.
pub fn password_matches(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_only_against_their_own_hash() {
        let password = generated_password().unwrap();
        assert_eq!(password.chars().count(), PASSWORD_CHARS);
        assert!(password.bytes().all(|b| PASSWORD_ALPHABET.contains(&b)));
        let hash = hash_password(&password).unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(password_matches(&password, &hash));
        assert!(!password_matches("wrong", &hash));
        assert!(!password_matches(&password, "not a hash"));
        assert_ne!(hash_password(&password).unwrap(), hash, "salted");
        assert_ne!(random_token().unwrap(), random_token().unwrap());
    }
}
