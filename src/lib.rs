//! Integrating health and social care in England: an interactive teaching module.
//!
//! Layers point one way: [`model`] (course types) ← [`engine`] (pure logic) ← [`ui`] (Yew).
//! [`compiler`] runs at build time only (from `build.rs`) and in native tests; [`packager`] writes
//! SCORM packages from a release build (native only, `src/bin/package.rs`).

#![forbid(unsafe_code)]

pub mod course;
pub mod engine;
pub mod model;
pub mod ui;

#[cfg(not(target_arch = "wasm32"))]
pub mod compiler;

#[cfg(not(target_arch = "wasm32"))]
pub mod packager;

#[cfg(not(target_arch = "wasm32"))]
pub mod export;

#[cfg(not(target_arch = "wasm32"))]
pub mod dist;
