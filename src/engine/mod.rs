//! Pure course logic: grading, scenario stepping, progress, routes and the app's state reducer.
//! No Yew, no web-sys: everything here runs and is tested natively.

pub mod cbm;
pub mod day;
pub mod display;
pub mod embed;
pub mod grade;
pub mod order;
pub mod outcome;
pub mod package;
pub mod phase;
pub mod practice;
pub mod progress;
pub mod quiz;
pub mod record;
pub mod route;
pub mod scenario;
pub mod scorm;
pub mod search;
pub mod settings;
pub mod state;
pub mod steps;
pub mod summary;
pub mod text;
pub mod timeline;

#[cfg(test)]
pub(crate) mod fixture;
