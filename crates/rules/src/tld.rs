//! A compact list of real top-level domains.
//!
//! Every two-letter country code in use (ISO 3166-1 plus `uk`, `eu`, `ac`, `su`), the original
//! generic domains, and the newer generic domains that spam, shorteners and betting sites use.
//! A public-suffix crate would cost far more wasm (psl adds about 900 KB) and brand domains
//! (`.google`) are never typed in comments. Country codes are a bit set, generic domains a
//! sorted array.

/// Country-code top-level domains.
const COUNTRY: &str = "ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw";

/// Generic top-level domains.
const GENERIC: [&str; 120] = [
    "academy", "agency", "app", "art", "asia", "bar", "bet", "bid", "bike", "bio", "biz", "blog",
    "bond", "buzz", "cafe", "cam", "care", "casino", "cat", "center", "cfd", "chat", "click",
    "cloud", "club", "com", "company", "cyou", "date", "deals", "dev", "digital", "edu", "email",
    "fan", "fashion", "fit", "fun", "game", "games", "gay", "gmbh", "gold", "gov", "group", "guru",
    "host", "icu", "inc", "info", "ink", "int", "io", "jobs", "life", "link", "live", "loan",
    "lol", "ltd", "market", "media", "mil", "mobi", "monster", "name", "net", "network", "news",
    "ninja", "one", "online", "org", "page", "pet", "photo", "pics", "pink", "plus", "poker",
    "porn", "pro", "pub", "racing", "red", "rest", "review", "rocks", "run", "sbs", "sex", "shop",
    "show", "site", "social", "space", "store", "stream", "studio", "support", "tech", "tel",
    "tips", "today", "top", "trade", "travel", "vip", "vote", "wang", "website", "wiki", "win",
    "work", "world", "wtf", "xin", "xxx", "xyz", "zone",
];

/// Domains so widely used that they count even after a word with Vietnamese letters, or in
/// capitals (`Google.COM`, `nhà-cái.com`).
const WELL_KNOWN: &str = "biz com edu gov info net org vn xyz";

/// The country codes as a bit set: bit `second letter` of entry `first letter`.
const COUNTRY_BITS: [u32; 26] = {
    let bytes = COUNTRY.as_bytes();
    let mut bits = [0u32; 26];
    let mut i = 0;
    while i + 1 < bytes.len() {
        bits[(bytes[i] - b'a') as usize] |= 1 << (bytes[i + 1] - b'a');
        i += 3;
    }
    bits
};

/// A label of at most 12 lower-case ASCII letters packed 5 bits each (`None` for anything
/// else), so that labels compare as integers.
const fn pack(label: &[u8]) -> Option<u64> {
    if label.len() > 12 {
        return None;
    }
    let mut packed = 0u64;
    let mut i = 0;
    while i < label.len() {
        if !label[i].is_ascii_lowercase() {
            return None;
        }
        packed = packed << 5 | (label[i] - b'a' + 1) as u64;
        i += 1;
    }
    Some(packed)
}

/// [`GENERIC`] packed, in packed order for binary search.
const GENERIC_PACKED: [u64; GENERIC.len()] = {
    let mut packed = [0u64; GENERIC.len()];
    let mut i = 0;
    while i < GENERIC.len() {
        packed[i] = match pack(GENERIC[i].as_bytes()) {
            Some(key) => key,
            None => panic!("a generic domain is lower-case letters"),
        };
        // Insertion sort, at compile time.
        let mut j = i;
        while j > 0 && packed[j - 1] > packed[j] {
            let swap = packed[j - 1];
            packed[j - 1] = packed[j];
            packed[j] = swap;
            j -= 1;
        }
        i += 1;
    }
    packed
};

/// [`WELL_KNOWN`] packed.
const WELL_KNOWN_PACKED: [u64; 9] = {
    let bytes = WELL_KNOWN.as_bytes();
    let mut packed = [0u64; 9];
    let (mut i, mut n, mut key) = (0, 0, 0u64);
    while i <= bytes.len() {
        if i == bytes.len() || bytes[i] == b' ' {
            packed[n] = key;
            n += 1;
            key = 0;
        } else {
            key = key << 5 | (bytes[i] - b'a' + 1) as u64;
        }
        i += 1;
    }
    assert!(
        n == packed.len(),
        "WELL_KNOWN_PACKED holds every well-known domain"
    );
    packed
};

/// Whether `label` (lower-case ASCII letters) is a real top-level domain.
pub(crate) fn is_tld(label: &str) -> bool {
    match label.as_bytes() {
        [first @ b'a'..=b'z', second @ b'a'..=b'z'] => {
            COUNTRY_BITS[usize::from(first - b'a')] & 1 << (second - b'a') != 0
        }
        bytes => pack(bytes).is_some_and(|key| GENERIC_PACKED.binary_search(&key).is_ok()),
    }
}

/// Whether `label` (lower-case ASCII letters) is one of the most common top-level domains.
pub(crate) fn is_well_known(label: &str) -> bool {
    pack(label.as_bytes()).is_some_and(|key| WELL_KNOWN_PACKED.contains(&key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_lowercase_and_unique() {
        for entries in [
            COUNTRY.split(' ').collect(),
            GENERIC.to_vec(),
            WELL_KNOWN.split(' ').collect::<Vec<_>>(),
        ] {
            assert!(entries.windows(2).all(|w| w[0] < w[1]), "{entries:?}");
            assert!(
                entries
                    .iter()
                    .all(|e| e.bytes().all(|b| b.is_ascii_lowercase()))
            );
        }
        assert!(WELL_KNOWN.split(' ').all(is_tld));
    }

    #[test]
    fn real_domains_only() {
        for tld in ["com", "vn", "ly", "me", "io", "xyz", "net", "zw", "ac"] {
            assert!(is_tld(tld), "{tld}");
        }
        for word in [
            "hcm", "ts", "hùng", "c", "comm", "pdf", "html", "v2", "COM", "zz",
        ] {
            assert!(!is_tld(word), "{word}");
        }
    }
}
