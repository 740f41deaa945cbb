//! End-to-end tests: the release bundle built by trunk, served by the real server over a real
//! database, read and used in headless Chromium over WebDriver, as a reader would.

#![cfg(not(target_arch = "wasm32"))]

mod support;

mod article;
mod bundle;
mod cms;
mod comments;
mod desk;
mod diacritics;
mod embed;
mod one_binary;
mod page;
mod policy;
mod safety;
