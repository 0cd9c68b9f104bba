//! The pages of the real course, as the app names them.

use hsc_course::course::COURSE;

/// WCAG 2.4.2: every page of the course has a title no other page has (a lesson is often named as
/// its unit is, so the titles say which is which).
#[test]
fn every_page_has_a_title_of_its_own() {
    use hsc_course::engine::route::Route;
    let mut routes = vec![
        Route::Home,
        Route::Progress,
        Route::Record,
        Route::Practice,
        Route::Glossary,
        Route::Timeline,
        Route::Sources,
        Route::Lecturers,
        Route::Display,
        Route::Search,
        Route::NotFound,
    ];
    routes.extend(COURSE.unit_ids().map(Route::Unit));
    routes.extend(COURSE.lesson_ids().map(Route::Lesson));
    routes.extend(COURSE.scenario_ids().map(Route::Scenario));
    routes.extend(COURSE.term_ids().map(Route::Term));
    routes.extend(COURSE.source_ids().map(Route::Source));
    for q in COURSE.quiz_ids() {
        routes.extend([Route::Quiz(q), Route::Results(q), Route::Review(q)]);
        routes.extend((0..COURSE.quiz(q).questions.len()).map(|n| Route::Question(q, n as u16)));
    }
    let mut seen = std::collections::BTreeMap::new();
    for r in &routes {
        if let Some(other) = seen.insert(r.title(&COURSE), r) {
            panic!("{r:?} and {other:?} are both titled {:?}", r.title(&COURSE));
        }
    }
    assert!(seen.len() > 200, "{} pages", seen.len());
}
