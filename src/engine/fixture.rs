//! A tiny hand-built course for the engine's unit tests.

use crate::model::*;

macro_rules! txt {
    ($s:expr) => {
        &[Inline::Text($s)]
    };
}

pub static SOURCES: &[Source] = &[Source {
    id: "src",
    short: "Author 2020",
    authors: "A. Author",
    title: "A title",
    venue: "A journal",
    year: "2020",
    doi: "10.1/x",
    url: "",
    licence: "CC BY 4.0",
    note: "",
}];

pub static QUESTIONS: &[Question] = &[
    Question {
        id: "single",
        quiz: QuizId(0),
        kind: QuestionKind::Single,
        prompt: txt!("Pick one"),
        cites: &[],
        body: Body::Choices(&[
            Choice {
                label: txt!("Right"),
                correct: true,
                feedback: txt!("Yes, because."),
            },
            Choice {
                label: txt!("Wrong"),
                correct: false,
                feedback: txt!("No, because."),
            },
        ]),
    },
    Question {
        id: "multi",
        quiz: QuizId(0),
        kind: QuestionKind::Multiple,
        prompt: txt!("Pick all"),
        cites: &[],
        body: Body::Choices(&[
            Choice {
                label: txt!("A"),
                correct: true,
                feedback: txt!("A is right."),
            },
            Choice {
                label: txt!("B"),
                correct: true,
                feedback: txt!("B is right."),
            },
            Choice {
                label: txt!("C"),
                correct: false,
                feedback: txt!("C is wrong."),
            },
            Choice {
                label: txt!("D"),
                correct: false,
                feedback: &[
                    Inline::Text("D is wrong "),
                    Inline::Cite(Citation {
                        source: SourceId(0),
                        locator: "p. 2",
                    }),
                ],
            },
        ]),
    },
    Question {
        id: "tf",
        quiz: QuizId(0),
        kind: QuestionKind::TrueFalse,
        prompt: txt!("True?"),
        cites: &[],
        body: Body::Choices(&[
            Choice {
                label: txt!("True"),
                correct: false,
                feedback: txt!("It is not."),
            },
            Choice {
                label: txt!("False"),
                correct: true,
                feedback: txt!("Indeed false."),
            },
        ]),
    },
    Question {
        id: "order",
        quiz: QuizId(1),
        kind: QuestionKind::Ordering,
        prompt: txt!("Order these"),
        cites: &[],
        body: Body::Ordering(&[
            Item {
                label: txt!("First"),
                key: 0,
                feedback: txt!("1"),
            },
            Item {
                label: txt!("Second"),
                key: 0,
                feedback: txt!("2"),
            },
            Item {
                label: txt!("Third"),
                key: 0,
                feedback: txt!("3"),
            },
            Item {
                label: txt!("Fourth"),
                key: 0,
                feedback: txt!("4"),
            },
        ]),
    },
    Question {
        id: "match",
        quiz: QuizId(1),
        kind: QuestionKind::Matching,
        prompt: txt!("Match"),
        cites: &[],
        body: Body::Matching {
            items: &[
                Item {
                    label: txt!("Council"),
                    key: 1,
                    feedback: txt!("Councils run social care."),
                },
                Item {
                    label: txt!("Trust"),
                    key: 0,
                    feedback: txt!("Trusts run hospitals."),
                },
            ],
            targets: &["Hospitals", "Social care"],
        },
    },
    Question {
        id: "sort",
        quiz: QuizId(1),
        kind: QuestionKind::Categorise,
        prompt: txt!("Sort"),
        cites: &[],
        body: Body::Categorise {
            items: &[
                Item {
                    label: txt!("Nursing"),
                    key: 0,
                    feedback: txt!("NHS."),
                },
                Item {
                    label: txt!("Home care"),
                    key: 1,
                    feedback: txt!("Council."),
                },
                Item {
                    label: txt!("Surgery"),
                    key: 0,
                    feedback: txt!("NHS."),
                },
            ],
            groups: &["Health", "Social"],
        },
    },
    Question {
        id: "number",
        quiz: QuizId(1),
        kind: QuestionKind::Numeric,
        prompt: txt!("How much?"),
        cites: &[],
        body: Body::Numeric(Numeric {
            answer: 38_000,
            tolerance: 500,
            units: &["billion", "bn"],
            feedback: txt!("Right: 3.8 billion."),
            otherwise: txt!("It was 3.8 billion."),
        }),
    },
    Question {
        id: "text",
        quiz: QuizId(1),
        kind: QuestionKind::ShortText,
        prompt: txt!("Who?"),
        cites: &[],
        body: Body::ShortText {
            accepts: &[
                Accept {
                    text: "Leutz",
                    feedback: txt!("Yes, Leutz."),
                },
                Accept {
                    text: "Walter Leutz",
                    feedback: txt!("Yes, Walter Leutz."),
                },
            ],
            otherwise: txt!("It was Walter Leutz."),
        },
    },
];

/// The questions after the first three (one of each other kind).
pub fn more_questions() -> &'static [Question] {
    &QUESTIONS[3..]
}

pub static SCENARIOS: &[Scenario] = &[Scenario {
    id: "scen",
    unit: UnitId(0),
    title: "A scenario",
    summary: &[],
    intro: &[],
    vars: &[
        Variable {
            id: "wellbeing",
            label: "Wellbeing",
            start: 5,
            min: 0,
            max: 10,
        },
        Variable {
            id: "trust",
            label: "Trust",
            start: 9,
            min: 0,
            max: 10,
        },
    ],
    start: NodeId(0),
    // start → middle → good when wellbeing ≥ 7 (else bad); start → bad; start → family (if trust
    // ≥ 9); middle → family (if family not yet visited); family → middle (if middle visited) or bad.
    nodes: &[
        Node {
            id: "start",
            text: &[],
            kind: NodeKind::Step {
                choices: &[
                    ScenarioChoice {
                        label: txt!("Talk"),
                        when: Condition::ALWAYS,
                        goto: &[Goto {
                            to: NodeId(1),
                            when: Condition::ALWAYS,
                        }],
                        consequence: txt!("You talk."),
                        effects: &[Effect {
                            var: VarId(1),
                            delta: 3,
                        }],
                    },
                    ScenarioChoice {
                        label: txt!("Wait"),
                        when: Condition::ALWAYS,
                        goto: &[Goto {
                            to: NodeId(3),
                            when: Condition::ALWAYS,
                        }],
                        consequence: txt!("You wait."),
                        effects: &[Effect {
                            var: VarId(0),
                            delta: -4,
                        }],
                    },
                    ScenarioChoice {
                        label: txt!("Call the family"),
                        // if: trust >= 9
                        when: Condition {
                            any: &[&[Test::Compare(VarId(1), Cmp::Ge, 9)]],
                        },
                        goto: &[Goto {
                            to: NodeId(4),
                            when: Condition::ALWAYS,
                        }],
                        consequence: txt!("You call."),
                        effects: &[
                            Effect {
                                var: VarId(0),
                                delta: 1,
                            },
                            Effect {
                                var: VarId(1),
                                delta: -2,
                            },
                        ],
                    },
                ],
            },
        },
        Node {
            id: "middle",
            text: &[],
            kind: NodeKind::Step {
                choices: &[
                    ScenarioChoice {
                        label: txt!("Plan"),
                        when: Condition::ALWAYS,
                        // goto: good if wellbeing >= 7; goto: bad
                        goto: &[
                            Goto {
                                to: NodeId(2),
                                when: Condition {
                                    any: &[&[Test::Compare(VarId(0), Cmp::Ge, 7)]],
                                },
                            },
                            Goto {
                                to: NodeId(3),
                                when: Condition::ALWAYS,
                            },
                        ],
                        consequence: txt!("You plan."),
                        effects: &[Effect {
                            var: VarId(0),
                            delta: 2,
                        }],
                    },
                    ScenarioChoice {
                        label: txt!("Ask the family again"),
                        // if: not visited family
                        when: Condition {
                            any: &[&[Test::NotVisited(NodeId(4))]],
                        },
                        goto: &[Goto {
                            to: NodeId(4),
                            when: Condition::ALWAYS,
                        }],
                        consequence: txt!("You ask again."),
                        effects: &[Effect {
                            var: VarId(0),
                            delta: -2,
                        }],
                    },
                ],
            },
        },
        Node {
            id: "good",
            text: &[],
            kind: NodeKind::Ending(Ending {
                title: "Good ending",
                debrief: &[],
                see: &[],
            }),
        },
        Node {
            id: "bad",
            text: &[],
            kind: NodeKind::Ending(Ending {
                title: "Bad ending",
                debrief: &[],
                see: &[],
            }),
        },
        Node {
            id: "family",
            text: &[],
            kind: NodeKind::Step {
                choices: &[
                    ScenarioChoice {
                        label: txt!("Meet"),
                        // if: visited middle or wellbeing > 9
                        when: Condition {
                            any: &[
                                &[Test::Visited(NodeId(1))],
                                &[Test::Compare(VarId(0), Cmp::Gt, 9)],
                            ],
                        },
                        goto: &[Goto {
                            to: NodeId(1),
                            when: Condition::ALWAYS,
                        }],
                        consequence: txt!("You meet."),
                        effects: &[Effect {
                            var: VarId(1),
                            delta: 1,
                        }],
                    },
                    ScenarioChoice {
                        label: txt!("Give up"),
                        when: Condition::ALWAYS,
                        goto: &[Goto {
                            to: NodeId(3),
                            when: Condition::ALWAYS,
                        }],
                        consequence: txt!("You give up."),
                        effects: &[Effect {
                            var: VarId(0),
                            delta: -1,
                        }],
                    },
                ],
            },
        },
    ],
    // score: 2*wellbeing + trust
    score: Some(Score {
        label: "Outcome",
        terms: &[
            Weight {
                var: VarId(0),
                times: 2,
            },
            Weight {
                var: VarId(1),
                times: 1,
            },
        ],
        min: 11,
        max: 24,
    }),
}];

pub static COURSE: Course = Course {
    schema: SCHEMA_VERSION,
    id: "test-course",
    title: "Test course",
    units: &[Unit {
        id: "unit",
        title: "Unit",
        summary: &[],
        outcomes: &[],
        lesson: LessonId(0),
        quiz: QuizId(0),
        scenarios: &[ScenarioId(0)],
        discuss: &[],
    }],
    lessons: &[Lesson {
        id: "lesson",
        unit: UnitId(0),
        title: "Lesson",
        cites: &[],
        body: &[Block::Reflect(ReflectionId(0))],
        words: 0,
    }],
    quizzes: &[
        Quiz {
            id: "quiz",
            unit: UnitId(0),
            title: "Quiz",
            intro: &[],
            pass: 50,
            questions: &[QuestionId(0), QuestionId(1), QuestionId(2)],
            mode: QuizMode::Immediate,
            tries: 0,
            confidence: false,
            shuffle: false,
            bands: &[],
        },
        Quiz {
            id: "quiz2",
            unit: UnitId(0),
            title: "Second quiz",
            intro: &[],
            pass: 60,
            questions: &[
                QuestionId(3),
                QuestionId(4),
                QuestionId(5),
                QuestionId(6),
                QuestionId(7),
            ],
            mode: QuizMode::Deferred,
            tries: 2,
            confidence: true,
            shuffle: true,
            bands: &[
                Band {
                    min: 0,
                    text: txt!("Keep going."),
                },
                Band {
                    min: 50,
                    text: txt!("Nearly."),
                },
                Band {
                    min: 80,
                    text: txt!("Well done."),
                },
            ],
        },
    ],
    questions: QUESTIONS,
    scenarios: SCENARIOS,
    sources: SOURCES,
    events: &[
        Event {
            id: "duty",
            year: 1974,
            month: 4,
            day: 0,
            title: "A duty to cooperate",
            text: txt!("Health and local authorities must work together."),
            cites: &[],
            unit: UnitId(0),
        },
        Event {
            id: "pools",
            year: 1999,
            month: 0,
            day: 0,
            title: "Pooled budgets allowed",
            text: txt!("The Health Act lets partners pool money."),
            cites: &[],
            unit: UnitId(0),
        },
        Event {
            id: "talk",
            year: 2019,
            month: 9,
            day: 13,
            title: "A talk in Oxford",
            text: &[],
            cites: &[],
            unit: UnitId(0),
        },
    ],
    terms: &[Term {
        id: "term",
        name: "A term",
        definition: &[],
        cites: &[],
        see: &[],
    }],
    reflections: &[Reflection {
        id: "think",
        lesson: LessonId(0),
        prompt: txt!("What would you do?"),
    }],
};
