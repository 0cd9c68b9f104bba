//! The course, compiled from `seeds/` by `build.rs` and embedded as static data.

use crate::model::*;

include!(concat!(env!("OUT_DIR"), "/course.rs"));
