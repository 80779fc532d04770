//! The cohort's progression: skills evidenced per block, on average per
//! student, month by month, as an inline SVG in the book's chart's style
//! (its series' colours, dashes and markers, `currentColor` for axes and
//! text, no JavaScript), followed by the same figures as a table.

use crate::cohort::model::{Cohort, Month};
use crate::referential::BlockId;
use crate::render::appendix::progression::{SERIES, marker_shape, month_label as axis_month, num};
use crate::text::html::Html;

const WIDTH: f64 = 640.0;
const PLOT_TOP: f64 = 14.0;
const PLOT_HEIGHT: f64 = 180.0;
const PLOT_LEFT: f64 = 34.0;
/// Room on the right for each series' end label ("B1 3.2/7").
const LABELS_WIDTH: f64 = 92.0;
const HEIGHT: f64 = PLOT_TOP + PLOT_HEIGHT + 34.0;

fn month_label(cohort: &Cohort, month: &Month) -> String {
    axis_month(cohort.words(), month.start.year, month.start.month)
}

/// A mean to a tenth, with the language's decimal separator.
fn mean(cohort: &Cohort, value: f64) -> String {
    cohort.words().decimal(value, 1)
}

pub fn render(cohort: &Cohort, html: &mut Html) {
    let months = &cohort.progression;
    if months.is_empty() {
        html.element("p", &[], &cohort.words().text("cohort-chart-empty"))
            .newline();
        return;
    }
    let y_max = cohort
        .referential
        .blocks
        .iter()
        .map(|b| b.skills().len())
        .max()
        .unwrap_or(1)
        .max(1);
    let plot_right = WIDTH - LABELS_WIDTH;
    let x = |n: usize| {
        PLOT_LEFT + (plot_right - PLOT_LEFT) * n as f64 / (months.len().max(2) - 1) as f64
    };
    let y = |v: f64| PLOT_TOP + PLOT_HEIGHT * (1.0 - v / y_max as f64);
    html.open("figure", &[("class", "tf-progression")])
        .newline();
    html.open(
        "svg",
        &[
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("viewBox", &format!("0 0 {} {}", num(WIDTH), num(HEIGHT))),
            ("role", "img"),
            ("class", "tf-chart"),
            ("font-size", "12"),
            ("fill", "currentColor"),
        ],
    )
    .newline();
    html.element("title", &[], &cohort.words().text("cohort-chart-title"))
        .newline();
    html.element("desc", &[], &description(cohort)).newline();
    axes(cohort, y_max, &x, &y, html);
    let ends: Vec<f64> = months[months.len() - 1]
        .mean
        .iter()
        .map(|&v| y(v) + 4.0)
        .collect();
    let labels = apart(&ends, 14.0);
    for block in cohort.referential.blocks.ids() {
        let points: Vec<(f64, f64)> = months
            .iter()
            .enumerate()
            .map(|(n, m)| (x(n), y(m.mean[block])))
            .collect();
        series(
            cohort,
            block,
            &points,
            (plot_right + 8.0, labels[block.index()]),
            html,
        );
    }
    html.close("svg").newline();
    html.element(
        "figcaption",
        &[],
        &cohort.words().text("cohort-chart-caption"),
    )
    .newline();
    html.close("figure").newline();
    table(cohort, html);
}

/// One block's line, a marker per month (its figure as a tooltip) and its
/// end label at `label`.
fn series(
    cohort: &Cohort,
    block: BlockId,
    points: &[(f64, f64)],
    label: (f64, f64),
    html: &mut Html,
) {
    let months = &cohort.progression;
    let info = &cohort.referential.blocks[block];
    let (colour, dashes, marker) = SERIES[block.index() % SERIES.len()];
    let class = format!("tf-series tf-series-{}", block.index() % SERIES.len() + 1);
    let d: Vec<String> = points
        .iter()
        .enumerate()
        .map(|(n, (px, py))| {
            format!(
                "{}{},{}",
                if n == 0 { "M" } else { "L" },
                num(*px),
                num(*py)
            )
        })
        .collect();
    html.open("g", &[("class", &class)]).newline();
    html.element(
        "path",
        &[
            ("d", &d.join("")),
            ("fill", "none"),
            ("stroke", colour),
            ("stroke-width", "2.5"),
            ("stroke-dasharray", dashes),
        ],
        "",
    )
    .newline();
    let total = info.skills().len();
    for (month, (px, py)) in months.iter().zip(points) {
        let title = cohort.words().format(
            "cohort-chart-point",
            &[
                ("block", info.id.as_str().into()),
                ("month", month_label(cohort, month).into()),
                ("mean", mean(cohort, month.mean[block]).into()),
                ("total", total.into()),
            ],
        );
        marker_shape(marker, *px, *py, 3.5, colour, Some(&title), html);
    }
    let last = months[months.len() - 1].mean[block];
    html.element(
        "text",
        &[("x", &num(label.0)), ("y", &num(label.1))],
        &format!("{} {}/{total}", info.id, mean(cohort, last)),
    )
    .newline();
    html.close("g").newline();
}

/// The end labels' heights, in the same order, pushed down so that no two
/// are closer than `gap` (the legend stays readable when blocks end level).
fn apart(ys: &[f64], gap: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..ys.len()).collect();
    order.sort_by(|&a, &b| ys[a].total_cmp(&ys[b]).then(a.cmp(&b)));
    let mut placed = ys.to_vec();
    let mut floor = f64::NEG_INFINITY;
    for i in order {
        placed[i] = ys[i].max(floor);
        floor = placed[i] + gap;
    }
    placed
}

fn axes(
    cohort: &Cohort,
    y_max: usize,
    x: &dyn Fn(usize) -> f64,
    y: &dyn Fn(f64) -> f64,
    html: &mut Html,
) {
    let months = &cohort.progression;
    let right = x(months.len().max(2) - 1);
    html.open("g", &[("class", "tf-chart-grid")]).newline();
    let step = if y_max <= 12 { 1 } else { y_max.div_ceil(6) };
    for value in (0..=y_max).step_by(step) {
        let py = num(y(value as f64));
        html.element(
            "line",
            &[
                ("x1", &num(PLOT_LEFT)),
                ("x2", &num(right)),
                ("y1", &py),
                ("y2", &py),
                ("stroke", "currentColor"),
                ("stroke-opacity", if value == 0 { "0.6" } else { "0.15" }),
            ],
            "",
        );
        html.element(
            "text",
            &[
                ("x", &num(PLOT_LEFT - 6.0)),
                ("y", &num(y(value as f64) + 4.0)),
                ("text-anchor", "end"),
            ],
            &value.to_string(),
        )
        .newline();
    }
    // A label every few months, so that at most eight show.
    let every = months.len().div_ceil(8).max(1);
    for (n, month) in months.iter().enumerate().step_by(every) {
        html.element(
            "text",
            &[
                ("x", &num(x(n))),
                ("y", &num(PLOT_TOP + PLOT_HEIGHT + 18.0)),
                ("text-anchor", "middle"),
            ],
            &month_label(cohort, month),
        )
        .newline();
    }
    html.close("g").newline();
}

fn description(cohort: &Cohort) -> String {
    let months = &cohort.progression;
    let last = &months[months.len() - 1];
    let blocks: Vec<String> = cohort
        .referential
        .blocks
        .iter_enumerated()
        .map(|(b, block)| {
            cohort.words().format(
                "cohort-chart-block-end",
                &[
                    ("block", block.id.as_str().into()),
                    ("mean", mean(cohort, last.mean[b]).into()),
                    ("total", block.skills().len().into()),
                ],
            )
        })
        .collect();
    cohort.words().format(
        "cohort-chart-description",
        &[
            ("months", months.len().into()),
            ("first", month_label(cohort, &months[0]).into()),
            ("last", month_label(cohort, last).into()),
            ("blocks", blocks.join(", ").into()),
        ],
    )
}

fn table(cohort: &Cohort, html: &mut Html) {
    html.open("details", &[("class", "tf-progression-data")])
        .newline();
    html.element("summary", &[], &cohort.words().text("cohort-chart-figures"))
        .newline();
    html.open("table", &[]).newline();
    html.open("thead", &[]).open("tr", &[]);
    html.element(
        "th",
        &[("scope", "col")],
        &cohort.words().text("cohort-chart-month"),
    );
    for block in cohort.referential.blocks.iter() {
        html.element(
            "th",
            &[("scope", "col")],
            &cohort.words().format(
                "cohort-chart-block",
                &[
                    ("block", block.id.as_str().into()),
                    ("total", block.skills().len().into()),
                ],
            ),
        );
    }
    html.close("tr").close("thead").newline();
    html.open("tbody", &[]).newline();
    for month in &cohort.progression {
        html.open("tr", &[]);
        html.element("th", &[("scope", "row")], &month_label(cohort, month));
        for value in month.mean.iter() {
            html.element("td", &[("class", "tf-number")], &mean(cohort, *value));
        }
        html.close("tr").newline();
    }
    html.close("tbody").close("table").newline();
    html.close("details").newline();
}
