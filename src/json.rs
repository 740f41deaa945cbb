//! JSON through the browser's own `JSON.parse` and `JSON.stringify`, so that the wasm carries
//! no JSON parser of its own (serde_json's is about 40 KB of it, 15 KB gzip).
//!
//! Reading goes through [`Value`], a serde `Deserializer` over what `JSON.parse` returns. Its
//! error carries no message: the app only asks whether the text is a `T`, so the messages
//! that `serde-wasm-bindgen` formats (and the float and debug formatting they pull in) would
//! be wasm bytes no reader ever sees.

use std::fmt;

use js_sys::{Array, Number, Object, Reflect};
use serde::Serialize;
use serde::de::{self, DeserializeOwned, IntoDeserializer, Visitor};
use wasm_bindgen::{JsCast, JsValue};

/// Reads `text` as a `T`; `None` if it is not JSON or not a `T`.
pub fn parse<T: DeserializeOwned>(text: &str) -> Option<T> {
    let value = js_sys::JSON::parse(text).ok()?;
    T::deserialize(Value(value)).ok()
}

/// `value` as JSON text: objects for structs and maps, `null` for `None`.
pub fn stringify<T: Serialize>(value: &T) -> Option<String> {
    let value = value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .ok()?;
    js_sys::JSON::stringify(&value).ok()?.as_string()
}

/// Why a value is not a `T`: deliberately without the details.
#[derive(Debug)]
pub struct Invalid;

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not the expected JSON")
    }
}

impl std::error::Error for Invalid {}

impl de::Error for Invalid {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Invalid
    }
}

/// A value `JSON.parse` made: `null`, a boolean, a number, a string, an array or a plain object.
struct Value(JsValue);

impl Value {
    fn is_null(&self) -> bool {
        self.0.loose_eq(&JsValue::NULL)
    }

    /// The number, if it is an integer that a double holds exactly.
    fn integer(&self) -> Option<i64> {
        Number::is_safe_integer(&self.0)
            .then(|| self.0.as_f64())
            .flatten()
            .map(|n| n as i64)
    }

    fn entries(&self) -> Option<Array> {
        self.0
            .is_object()
            .then(|| Object::entries(self.0.unchecked_ref()))
    }
}

impl<'de> IntoDeserializer<'de, Invalid> for Value {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

/// `Deserializer` methods that read their kind of value as another method does: every integer
/// as an `i64` or `u64`, text as a string, bytes and tuples as arrays, a unit struct as `null`.
macro_rules! read_as {
    ($($method:ident($($arg:ident: $type:ty),*) => $as:ident;)*) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $type,)* visitor: V) -> Result<V::Value, Invalid> {
            self.$as(visitor)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Value {
    type Error = Invalid;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Invalid> {
        if self.is_null() {
            visitor.visit_unit()
        } else if let Some(b) = self.0.as_bool() {
            visitor.visit_bool(b)
        } else if let Some(n) = self.integer() {
            visitor.visit_i64(n)
        } else if let Some(n) = self.0.as_f64() {
            visitor.visit_f64(n)
        } else if let Some(s) = self.0.as_string() {
            visitor.visit_string(s)
        } else if Array::is_array(&self.0) {
            self.deserialize_seq(visitor)
        } else {
            self.deserialize_map(visitor)
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Invalid> {
        visitor.visit_bool(self.0.as_bool().ok_or(Invalid)?)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Invalid> {
        visitor.visit_i64(self.integer().ok_or(Invalid)?)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Invalid> {
        let n = self.integer().filter(|n| *n >= 0).ok_or(Invalid)?;
        visitor.visit_u64(n as u64)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Invalid> {
        visitor.visit_f64(self.0.as_f64().ok_or(Invalid)?)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Invalid> {
        visitor.visit_string(self.0.as_string().ok_or(Invalid)?)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Invalid> {
        if self.is_null() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Invalid> {
        if self.is_null() {
            visitor.visit_unit()
        } else {
            Err(Invalid)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Invalid> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Invalid> {
        let array = self.0.dyn_into::<Array>().map_err(|_| Invalid)?;
        visitor.visit_seq(de::value::SeqDeserializer::new(array.iter().map(Value)))
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Invalid> {
        let entries = self.entries().ok_or(Invalid)?;
        visitor.visit_map(de::value::MapDeserializer::new(entries.iter().map(
            |pair| {
                let pair = pair.unchecked_into::<Array>();
                (Value(pair.get(0)), Value(pair.get(1)))
            },
        )))
    }

    /// Only the struct's own fields are read, as `serde-wasm-bindgen` does.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Invalid> {
        if !self.0.is_object() {
            return Err(Invalid);
        }
        let object = self.0;
        let present = fields.iter().filter_map(move |&field| {
            let key = JsValue::from_str(field);
            let value = Reflect::get(&object, &key).ok()?;
            let missing = value.is_undefined() && !Reflect::has(&object, &key).unwrap_or(false);
            (!missing).then_some((field, Value(value)))
        });
        visitor.visit_map(de::value::MapDeserializer::new(present))
    }

    /// `"Variant"` for a unit variant, `{"Variant": payload}` for the others.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Invalid> {
        let (tag, payload) = if self.0.is_string() {
            (self.0, JsValue::UNDEFINED)
        } else {
            let entries = self.entries().ok_or(Invalid)?;
            if entries.length() != 1 {
                return Err(Invalid);
            }
            let pair = entries.get(0).unchecked_into::<Array>();
            (pair.get(0), pair.get(1))
        };
        visitor.visit_enum(Enum { tag, payload })
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Invalid> {
        visitor.visit_unit()
    }

    read_as! {
        deserialize_i8() => deserialize_i64;
        deserialize_i16() => deserialize_i64;
        deserialize_i32() => deserialize_i64;
        deserialize_u8() => deserialize_u64;
        deserialize_u16() => deserialize_u64;
        deserialize_u32() => deserialize_u64;
        deserialize_f32() => deserialize_f64;
        deserialize_char() => deserialize_string;
        deserialize_str() => deserialize_string;
        deserialize_identifier() => deserialize_string;
        deserialize_bytes() => deserialize_seq;
        deserialize_byte_buf() => deserialize_seq;
        deserialize_unit_struct(_name: &'static str) => deserialize_unit;
        deserialize_tuple(_len: usize) => deserialize_seq;
        deserialize_tuple_struct(_name: &'static str, _len: usize) => deserialize_seq;
    }
}

/// An enum's variant name and its payload (`undefined` for a unit variant).
struct Enum {
    tag: JsValue,
    payload: JsValue,
}

impl<'de> de::EnumAccess<'de> for Enum {
    type Error = Invalid;
    type Variant = Value;

    fn variant_seed<S: de::DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Value), Invalid> {
        Ok((seed.deserialize(Value(self.tag))?, Value(self.payload)))
    }
}

impl<'de> de::VariantAccess<'de> for Value {
    type Error = Invalid;

    fn unit_variant(self) -> Result<(), Invalid> {
        de::Deserialize::deserialize(self)
    }

    fn newtype_variant_seed<S: de::DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<S::Value, Invalid> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Invalid> {
        de::Deserializer::deserialize_seq(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Invalid> {
        de::Deserializer::deserialize_struct(self, "", fields, visitor)
    }
}

/// Run in Chromium with the browser tests (`cargo test --target wasm32-unknown-unknown`): the
/// reading above is the browser's `JSON.parse` and this module's `Deserializer`.
#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::{parse, stringify};
    use binhluan_api::{ApiError, Article, Block, Comment, CommentPage, CommentStatus, Policy};
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn a_page_of_comments_reads_as_the_server_writes_it() {
        let text = r#"{"comments": [{"id": 7, "author_name": "Hùng", "content": "Hay quá",
            "created_at": "2026-11-26T08:00:00Z", "status": "published", "likes": 3,
            "replies": [{"id": 8, "parent_id": 7, "author_name": "Lan", "content": "Đúng",
            "created_at": "2026-11-26T09:00:00Z", "status": "published", "likes": 0,
            "liked": true, "unknown": [1, {"x": null}]}]}],
            "next_cursor": null, "total": 2}"#;
        let page: CommentPage = parse(text).expect("a comment page");
        assert_eq!(page.total, 2);
        assert_eq!(page.next_cursor, None);
        let comment = &page.comments[0];
        assert_eq!((comment.id, comment.parent_id, comment.likes), (7, None, 3));
        assert_eq!(comment.status, CommentStatus::Published);
        assert!(!comment.liked, "a missing default field is its default");
        let reply = &comment.replies[0];
        assert_eq!((reply.parent_id, reply.liked), (Some(7), true));
        assert_eq!(reply.content, "Đúng");
    }

    #[wasm_bindgen_test]
    fn an_article_reads_its_tagged_blocks() {
        let text = r#"{"slug": "a", "title": "T", "published_at": "2020-05-17T15:40:00+07:00",
            "views": 12, "lead": "L", "byline": "B", "body": [
            {"type": "paragraph", "text": "Một"},
            {"type": "figure", "alt": "Ảnh", "caption": "C"},
            {"type": "quote", "text": "Hai"}]}"#;
        let article: Article = parse(text).expect("an article");
        assert_eq!(article.source, None);
        assert_eq!(
            article.body,
            [
                Block::Paragraph {
                    text: "Một".into()
                },
                Block::Figure {
                    image_url: None,
                    alt: "Ảnh".into(),
                    caption: "C".into()
                },
                Block::Quote { text: "Hai".into() },
            ]
        );
        let unknown_block = text.replace("\"quote\"", "\"video\"");
        assert_eq!(parse::<Article>(&unknown_block), None);
    }

    #[wasm_bindgen_test]
    fn what_is_not_the_type_is_refused() {
        let comment = |likes: &str, status: &str| {
            format!(
                r#"{{"id": 1, "author_name": "A", "content": "B", "created_at": "C",
                "status": {status}, "likes": {likes}}}"#
            )
        };
        assert!(parse::<Comment>(&comment("0", "\"pending\"")).is_some());
        for (likes, status) in [
            ("-1", "\"pending\""),
            ("1.5", "\"pending\""),
            ("1e300", "\"pending\""),
            ("\"3\"", "\"pending\""),
            ("null", "\"pending\""),
            ("0", "\"spam\""),
            ("0", "{\"pending\": 1, \"published\": 2}"),
        ] {
            assert_eq!(
                parse::<Comment>(&comment(likes, status)),
                None,
                "{likes} {status}"
            );
        }
        assert_eq!(parse::<Comment>("{\"id\": 1}"), None, "required fields");
        assert_eq!(parse::<Comment>("[1, 2]"), None);
        assert_eq!(parse::<Comment>("not json"), None);
    }

    #[wasm_bindgen_test]
    fn what_the_app_writes_it_reads_back() {
        let policy = Policy {
            banned_words: vec!["ngu".into(), "lừa đảo".into()],
            ..Policy::default()
        };
        let text = stringify(&policy).expect("JSON");
        assert_eq!(parse::<Policy>(&text), Some(policy));
        let error = r#"{"error": "rule_violation", "message": "Sai", "message_en": "Wrong",
            "violations": [{"rule": "no_links", "message": "Có liên kết",
            "message_en": "A link", "spans": [[3, 10]]}]}"#;
        let error: ApiError = parse(error).expect("an API error");
        assert_eq!(error.violations[0].spans[0].0, 3);
        assert_eq!(error.retry_after, None);
    }
}
