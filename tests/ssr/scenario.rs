//! Scenario pages: from the introduction to an ending, Back, and the path map.

use super::*;

#[test]
fn scenario_from_intro_to_an_ending() {
    let sid = first_unit().scenarios[0];
    let sc = COURSE.scenario(sid);
    let hash = format!("#/scenario/{}", sc.id);
    let mut s = state_at(&hash);
    let t = text(&render(s.clone()));
    assert!(t.contains("Start the scenario"));
    for v in sc.vars {
        assert!(t.contains(v.label), "variable {} not described", v.id);
    }
    s.reduce(&COURSE, Action::StartScenario(sid));
    let html = render(s.clone());
    assert!(text(&html).contains("Decision 1"));
    let n = COURSE.scenario(sid).node(sc.start).choices().len();
    assert_eq!(count(&html, r#"class="button choice""#), n);
    // Always take the first choice until an ending.
    let mut steps = 0;
    while s.run(sid).is_some_and(|r| !r.at_ending(sc)) {
        s.reduce(
            &COURSE,
            Action::Choose {
                scenario: sid,
                choice: 0,
            },
        );
        steps += 1;
        assert!(steps < 50);
    }
    let html = render(s.clone());
    let t = text(&html);
    let run = s.run(sid).expect("a run");
    let ending = sc.node(run.node).ending().expect("an ending");
    assert!(t.contains(&format!("Ending: {}", ending.title)), "{t}");
    assert!(t.contains("Debrief") && t.contains("Your route through the scenario"));
    assert!(t.contains("What happened"));
    let decisions = html.split(r#"id="route-heading""#).nth(1).unwrap_or("");
    let list = decisions.split("</ol>").next().unwrap_or("");
    assert_eq!(count(list, r#"<li class="decision">"#), steps);
    assert_eq!(count(list, "✓ Your choice: "), steps);
    assert!(t.contains("Play again from the start"));
}

#[test]
fn scenario_back_undoes_the_last_decision() {
    let sid = first_unit().scenarios[0];
    let sc = COURSE.scenario(sid);
    let mut s = state_at(&format!("#/scenario/{}", sc.id));
    s.reduce(&COURSE, Action::StartScenario(sid));
    let start_html = render(s.clone());
    assert!(
        !text(&start_html).contains("Back one step"),
        "nothing to undo yet"
    );
    choose_by_label(&mut s, sid, "Put the care home bed to Mrs Hale");
    let html = render(s.clone());
    let t = text(&html);
    assert!(
        t.contains("Decision 2") && t.contains("What happened"),
        "{t}"
    );
    assert_eq!(count(&html, "Back one step"), 1);
    assert!(html.contains(r#"class="button secondary back""#));

    s.reduce(&COURSE, Action::BackScenario(sid));
    let html = render(s.clone());
    let t = text(&html);
    assert!(t.contains("Decision 1") && !t.contains("Decision 2"), "{t}");
    assert!(
        !html.contains("scenario-happened"),
        "no consequence after going back"
    );
    assert!(!t.contains("Back one step"));
    // The variables are as they were at the start.
    for v in sc.vars {
        assert!(
            t.contains(&format!("{} {} (scale", v.label, v.start)),
            "{} reset",
            v.id
        );
    }
    assert_eq!(
        html, start_html,
        "the page is as it was at the first decision"
    );
}

#[test]
fn scenario_ending_shows_score_and_path_map_with_the_options_offered() {
    let sid = first_unit().scenarios[0];
    let sc = COURSE.scenario(sid);
    let mut s = state_at(&format!("#/scenario/{}", sc.id));
    s.reduce(&COURSE, Action::StartScenario(sid));
    choose_by_label(&mut s, sid, "Put the care home bed to Mrs Hale");
    choose_by_label(&mut s, sid, "Go along with the ward");
    // What matters to Mrs Hale was never asked: the choice that builds on it is not offered here.
    let html = render(s.clone());
    assert!(!text(&html).contains("Put your record of what Mrs Hale told you"));
    choose_by_label(
        &mut s,
        sid,
        "Recommend that the placement becomes permanent",
    );
    let run = s.run(sid).expect("a run").clone();
    assert!(run.at_ending(sc));

    let html = render(s.clone());
    let t = text(&html);
    let score = sc.score.as_ref().expect("scored");
    let value = run.score(sc).expect("a score");
    assert!(t.contains(&format!("{}: {value}", score.label)), "{t}");
    assert!(t.contains(&format!(
        "scores at the endings range from {} to {}",
        score.min, score.max
    )));
    assert!(
        t.contains("Worked out as 3 × Mrs Hale's wellbeing + "),
        "{t}"
    );

    let map = html.split(r#"id="route-heading""#).nth(1).unwrap_or("");
    let list = map.split("</ol>").next().unwrap_or("");
    let items: Vec<&str> = list.split(r#"<li class="decision">"#).skip(1).collect();
    assert_eq!(items.len(), 3);
    for (n, (item, before)) in items.iter().zip(run.history(sc)).enumerate() {
        let it = text(item);
        assert!(it.starts_with(&format!("Decision {}", n + 1)), "{it}");
        assert_eq!(count(item, "✓ Your choice: "), 1, "{it}");
        assert_eq!(
            count(item, "Not chosen: "),
            before.offered(sc).len() - 1,
            "{it}"
        );
    }
    assert!(text(items[2]).contains("Your choice: Recommend that the placement becomes permanent"));
    assert!(
        !list.contains("Put your record of what Mrs Hale told you"),
        "a choice not offered is not listed"
    );
    let ending = sc.node(run.node).ending().expect("ending");
    assert!(text(map).contains(&format!("Where it led: {}.", ending.title)));
    assert!(t.contains("Back one step") && t.contains("Play again from the start"));
}
