//! The route at a scenario's ending drawn as a diagram: one column per decision, a circle per
//! option offered then, the one taken filled and joined to the next decision, the others open and
//! joined by dashed lines, so the branches not taken show at a glance. The list of decisions beside
//! it says the same in words; the diagram's title says how to read it.

use yew::prelude::*;

/// Across, between decisions; down, between options; around the drawing.
const GAP: usize = 64;
const ROW: usize = 28;
const PAD: usize = 16;

/// One decision as drawn: how many options were offered and which of them (by place) was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    pub offered: usize,
    pub taken: usize,
}

fn at(col: usize, row: usize) -> (usize, usize) {
    (PAD + GAP * (col + 1), PAD + ROW * row)
}

fn line((x1, y1): (usize, usize), (x2, y2): (usize, usize), taken: bool) -> Html {
    let class = if taken { "taken" } else { "not-taken" };
    html! { <line {class} x1={x1.to_string()} y1={y1.to_string()} x2={x2.to_string()} y2={y2.to_string()} /> }
}

/// The diagram for these decisions; `ending` is drawn as a square after the last one.
pub fn route_map(columns: &[Column], ending: bool) -> Html {
    let rows = columns.iter().map(|c| c.offered).max().unwrap_or(1).max(1);
    let width = PAD * 2 + GAP * (columns.len() + 1);
    let height = PAD * 2 + ROW * (rows - 1) + 18;
    let start = (PAD, PAD);
    let mut from = start;
    let mut parts = Vec::new();
    for (n, c) in columns.iter().enumerate() {
        for row in 0..c.offered {
            parts.push(line(from, at(n, row), row == c.taken));
        }
        from = at(n, c.taken);
    }
    let end = (PAD + GAP * (columns.len() + 1), from.1);
    if ending {
        parts.push(line(from, end, true));
    }
    for (n, c) in columns.iter().enumerate() {
        for row in 0..c.offered {
            let (x, y) = at(n, row);
            let class = if row == c.taken { "taken" } else { "not-taken" };
            parts.push(html! { <circle {class} cx={x.to_string()} cy={y.to_string()} r="7" /> });
        }
        let (x, _) = at(n, 0);
        parts.push(html! { <text x={x.to_string()} y={(height - 4).to_string()}>{ n + 1 }</text> });
    }
    let title = format!(
        "Diagram of your route: {} decision{}, one column each, numbered along the bottom. The option you took at each is a filled circle joined to the next decision by a solid line; the options you did not take are open circles at the end of dashed lines.{}",
        columns.len(),
        if columns.len() == 1 { "" } else { "s" },
        if ending { " The square is the ending you reached." } else { "" }
    );
    html! {
        <svg class="route-map" role="img" aria-labelledby="route-map-title" focusable="false"
            viewBox={format!("0 0 {width} {height}")} width={width.to_string()} height={height.to_string()}>
            <title id="route-map-title">{ title }</title>
            <circle class="start" cx={start.0.to_string()} cy={start.1.to_string()} r="5" />
            { for parts }
            if ending {
                <rect class="end" x={(end.0 - 8).to_string()} y={(end.1 - 8).to_string()} width="16" height="16" />
            }
        </svg>
    }
}
