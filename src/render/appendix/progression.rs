//! The progression chart: skills evidenced per block over the reports'
//! validation dates, as an inline SVG written through the escaping HTML
//! builder (no JavaScript, so it shows in the browser, the print page and
//! the PDF alike), followed by the same data as a table.
//!
//! Nothing relies on colour: each block has its own dash pattern and
//! marker shape, axes and text use `currentColor` (the theme's text colour),
//! and the stylesheet only refines the series' colours per theme.

use super::MATRIX_MAX_REPORTS;
use crate::lang::Catalogue;
use crate::model::file::TechnicalFile;
use crate::model::progression::{Progression, Step};
use crate::referential::{BlockId, SkillId};
use crate::render::md::Markdown;
use crate::syntax::frontmatter::Date;
use crate::text::html::Html;

/// The drawing's size in user units (about pixels at the book's width).
const WIDTH: f64 = 640.0;
const PLOT_TOP: f64 = 14.0;
const PLOT_HEIGHT: f64 = 180.0;
const PLOT_LEFT: f64 = 34.0;
/// Room on the right for each series' end label ("B1 7/7").
const LABELS_WIDTH: f64 = 78.0;
/// The zone of undated reports, after the time axis: wide enough for each
/// to have a place of its own, within bounds.
fn undated_width(count: usize) -> f64 {
    (30.0 + 14.0 * count as f64).clamp(72.0, 240.0)
}
/// Numbered circles of the reports, under the axis.
const REPORT_RADIUS: f64 = 9.0;
const REPORT_LANES: usize = 3;
const LANE_HEIGHT: f64 = 2.2 * REPORT_RADIUS;
/// Shortest time axis, so a single report or reports of one week still
/// get a readable axis around them.
const MIN_SPAN_DAYS: i64 = 60;

/// Per series: a colour (Okabe–Ito, readable by colour-blind readers; the
/// stylesheet lightens them on dark themes), a dash pattern and a marker.
pub(crate) const SERIES: [(&str, &str, Marker); 4] = [
    ("#0072b2", "none", Marker::Circle),
    ("#d55e00", "7 4", Marker::Square),
    ("#009e73", "2 3", Marker::Triangle),
    ("#cc79a7", "9 3 2 3", Marker::Diamond),
];

#[derive(Debug, Clone, Copy)]
pub(crate) enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
}

/// A month on a time axis: "Oct 2026", "oct. 2026".
pub(crate) fn month_label(words: &Catalogue, year: u16, month: u8) -> String {
    words.format(
        "chart-month",
        &[("year", year.into()), ("month", month.into())],
    )
}

pub fn render(file: &TechnicalFile, md: &mut Markdown) {
    if file.reports.is_empty() {
        return;
    }
    let words = file.config.words();
    md.heading(2, &words.text("chart-title"), Some("tf-progression"));
    let progression = Progression::build(file);
    let page = file.config.appendix.as_str();
    if progression.dated().is_empty() {
        let pieces = words.pieces("chart-no-date", &[], &["key"]);
        md.paragraph(|p| {
            p.pieces(&pieces, |p, _| {
                p.code(&words.text("chart-date-key"));
            });
        });
    } else {
        md.html_block(Chart::new(file, &progression).figure(page));
    }
    notes(file, &progression, md);
    md.html_block(data_table(file, &progression, page));
}

/// Undated reports and drafts, said under the chart.
fn notes(file: &TechnicalFile, progression: &Progression, md: &mut Markdown) {
    let undated = progression.undated();
    let words = file.config.words();
    if !undated.is_empty() && !progression.dated().is_empty() {
        let args = [("count", undated.len().into())];
        let pieces = words.pieces("chart-undated-note", &args, &["reports", "key"]);
        md.paragraph(|p| {
            p.pieces(&pieces, |p, i| {
                if i == 1 {
                    p.code(&words.text("chart-date-key"));
                    return;
                }
                for (i, step) in undated.iter().enumerate() {
                    if i > 0 {
                        p.text(", ");
                    }
                    let report = &file.reports[step.report];
                    p.link(
                        &report.title,
                        &file.report_href(step.report, &file.config.appendix),
                        "",
                    );
                }
            });
        });
    }
    if file.drafts > 0 {
        md.paragraph(|p| {
            p.text(&words.format("chart-drafts", &[("drafts", file.drafts.into())]));
        });
    }
}

/// "3/7" for each block after a step.
fn covered_cells(progression: &Progression, step: &Step) -> Vec<String> {
    step.covered
        .iter()
        .zip(progression.totals.iter())
        .map(|(covered, total)| format!("{covered}/{total}"))
        .collect()
}

/// The chart's data as a table for screen readers and anyone who wants the
/// figures, folded under the chart (every report, or only those that added
/// a skill in a book too large for a row per report).
fn data_table(file: &TechnicalFile, progression: &Progression, page: &str) -> String {
    let all = file.reports.len() <= MATRIX_MAX_REPORTS;
    let words = file.config.words();
    let mut html = Html::new();
    html.open("details", &[("class", "tf-progression-data")])
        .newline();
    html.element("summary", &[], &words.text("chart-data-title"))
        .newline();
    html.open("table", &[]).newline();
    html.open("thead", &[]).open("tr", &[]);
    for header in [
        "chart-data-number",
        "chart-data-validated",
        "chart-data-report",
        "chart-data-adds",
    ] {
        html.element("th", &[("scope", "col")], &words.text(header));
    }
    for block in file.referential.blocks.iter() {
        html.element("th", &[("scope", "col")], &block.id);
    }
    html.close("tr").close("thead").newline();
    html.open("tbody", &[]).newline();
    let mut left_out = 0;
    for (n, step) in progression.steps.iter().enumerate() {
        if !all && step.new_skills.is_empty() {
            left_out += 1;
            continue;
        }
        let report = &file.reports[step.report];
        html.open("tr", &[]);
        html.element("td", &[], &(n + 1).to_string());
        html.element("td", &[], &step.when(words));
        html.open("th", &[("scope", "row")])
            .element(
                "a",
                &[("href", &file.report_href(step.report, page))],
                &report.title,
            )
            .close("th");
        let ids = file.referential.skill_ids(&step.new_skills);
        html.element(
            "td",
            &[],
            &if ids.is_empty() {
                "—".to_owned()
            } else {
                ids.join(", ")
            },
        );
        for cell in covered_cells(progression, step) {
            html.element("td", &[], &cell);
        }
        html.close("tr").newline();
    }
    html.close("tbody").newline().close("table");
    if left_out > 0 {
        html.newline().element(
            "p",
            &[],
            &words.format("chart-data-left-out", &[("count", left_out.into())]),
        );
    }
    html.newline().close("details");
    html.finish()
}

/// A number for an SVG attribute: one decimal at most.
pub(crate) fn num(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.1}")
    }
}

/// The geometry of the chart for one book.
struct Chart<'a> {
    file: &'a TechnicalFile,
    progression: &'a Progression,
    /// The time axis, in days, padded.
    first_day: i64,
    last_day: i64,
    /// Right end of the time axis, and of the undated zone if any.
    axis_right: f64,
    plot_right: f64,
    y_max: usize,
    /// The lane of each step's numbered circle under the axis; empty in
    /// books too large for a circle per report.
    lanes: Vec<usize>,
    height: f64,
}

impl<'a> Chart<'a> {
    fn new(file: &'a TechnicalFile, progression: &'a Progression) -> Chart<'a> {
        let dated = progression.dated();
        let days: Vec<i64> = dated
            .iter()
            .filter_map(|s| s.date)
            .map(Date::days)
            .collect();
        let (min, max) = (days[0], days[days.len() - 1]);
        // Pad short spans around their middle, then leave a margin at both
        // ends so no point sits on the frame.
        let span = (max - min).max(MIN_SPAN_DAYS);
        let middle = (min + max) / 2;
        let (min, max) = if max - min < MIN_SPAN_DAYS {
            (middle - span / 2, middle + span - span / 2)
        } else {
            (min, max)
        };
        let margin = (span / 20).max(5);
        let plot_right = WIDTH - LABELS_WIDTH;
        let axis_right = if progression.undated().is_empty() {
            plot_right
        } else {
            plot_right - undated_width(progression.undated().len())
        };
        let mut chart = Chart {
            file,
            progression,
            first_day: min - margin,
            last_day: max + margin,
            axis_right,
            plot_right,
            y_max: progression.totals.iter().copied().max().unwrap_or(1).max(1),
            lanes: Vec::new(),
            height: PLOT_TOP + PLOT_HEIGHT + 28.0,
        };
        if file.reports.len() <= MATRIX_MAX_REPORTS {
            chart.lanes = chart.circle_lanes();
            let used = chart.lanes.iter().max().map_or(0, |l| l + 1);
            chart.height += used as f64 * LANE_HEIGHT + 4.0;
        }
        chart
    }

    /// Reports close in time would overlap: each circle takes the first
    /// lane with room at its place (or cycles when none has).
    fn circle_lanes(&self) -> Vec<usize> {
        let mut lane_end = [f64::NEG_INFINITY; REPORT_LANES];
        self.progression
            .steps
            .iter()
            .enumerate()
            .map(|(n, step)| {
                let x = self.step_x(n, step);
                let lane = (0..REPORT_LANES)
                    .find(|&l| lane_end[l] + 2.0 * REPORT_RADIUS + 2.0 <= x)
                    .unwrap_or(n % REPORT_LANES);
                lane_end[lane] = x;
                lane
            })
            .collect()
    }

    fn x(&self, date: Date) -> f64 {
        let share = (date.days() - self.first_day) as f64 / (self.last_day - self.first_day) as f64;
        PLOT_LEFT + share * (self.axis_right - PLOT_LEFT)
    }

    /// The middle of the undated zone.
    fn undated_x(&self) -> f64 {
        (self.axis_right + self.plot_right) / 2.0
    }

    /// Where the `n`th step goes: at its date, or, undated, at a place of
    /// its own across the undated zone, in book order.
    fn step_x(&self, n: usize, step: &Step) -> f64 {
        match step.date {
            Some(date) => self.x(date),
            None => {
                let place = n - self.progression.dated().len();
                let count = self.progression.undated().len();
                let left = self.axis_right + 4.0;
                left + (self.plot_right - left) * (place + 1) as f64 / (count + 1) as f64
            }
        }
    }

    fn y(&self, value: usize) -> f64 {
        PLOT_TOP + PLOT_HEIGHT * (1.0 - value as f64 / self.y_max as f64)
    }

    /// Series drawn on the same values would hide each other: each is
    /// shifted by a little, around the true value.
    fn offset(&self, block: BlockId) -> f64 {
        let n = self.file.referential.blocks.len() as f64;
        (block.index() as f64 - (n - 1.0) / 2.0) * 2.0
    }

    /// `<figure>` with the SVG and its caption, one HTML block with no
    /// blank line in it.
    fn figure(&self, page: &str) -> String {
        let mut html = Html::new();
        html.open("figure", &[("class", "tf-progression")])
            .newline();
        let view_box = format!("0 0 {} {}", num(WIDTH), num(self.height));
        html.open(
            "svg",
            &[
                ("xmlns", "http://www.w3.org/2000/svg"),
                ("viewBox", &view_box),
                // Not "img": it holds the reports' links, and an image
                // has no interactive content.
                ("role", "group"),
                ("class", "tf-chart"),
                ("font-size", "12"),
                ("fill", "currentColor"),
            ],
        )
        .newline();
        let words = self.file.config.words();
        html.element("title", &[], &words.text("chart-svg-title"))
            .newline();
        html.element("desc", &[], &self.description()).newline();
        self.grid(&mut html);
        self.time_axis(&mut html);
        if !self.progression.undated().is_empty() {
            self.undated_zone(&mut html);
        }
        for block in self.file.referential.blocks.ids() {
            self.series(block, &mut html);
        }
        self.end_labels(&mut html);
        if !self.lanes.is_empty() {
            self.report_circles(page, &mut html);
        }
        html.close("svg").newline();
        let caption = if !self.lanes.is_empty() {
            "chart-caption-numbered"
        } else {
            "chart-caption"
        };
        html.element("figcaption", &[], &words.text(caption))
            .newline();
        html.close("figure");
        html.finish()
    }

    /// What the chart shows, in words, for `<desc>`.
    fn description(&self) -> String {
        let dated = self.progression.dated();
        let words = self.file.config.words();
        let first = dated[0].when(words);
        let last = dated[dated.len() - 1].when(words);
        let final_step = &self.progression.steps[self.progression.steps.len() - 1];
        let blocks: Vec<String> = self
            .file
            .referential
            .blocks
            .iter_enumerated()
            .map(|(b, block)| {
                words.format(
                    "chart-desc-block",
                    &[
                        ("block", block.id.as_str().into()),
                        ("covered", final_step.covered[b].into()),
                        ("total", self.progression.totals[b].into()),
                    ],
                )
            })
            .collect();
        words.format(
            "chart-desc",
            &[
                ("dated", dated.len().into()),
                ("first", first.into()),
                ("last", last.into()),
                ("undated", self.progression.undated().len().into()),
                ("blocks", blocks.join(", ").into()),
            ],
        )
    }

    /// Horizontal lines and the skill counts on the left.
    fn grid(&self, html: &mut Html) {
        let step = if self.y_max <= 12 {
            1
        } else {
            self.y_max.div_ceil(6)
        };
        html.open("g", &[("class", "tf-chart-grid")]).newline();
        for value in (0..=self.y_max).step_by(step) {
            let y = num(self.y(value));
            let opacity = if value == 0 { "0.6" } else { "0.15" };
            html.element(
                "line",
                &[
                    ("x1", &num(PLOT_LEFT)),
                    ("x2", &num(self.plot_right)),
                    ("y1", &y),
                    ("y2", &y),
                    ("stroke", "currentColor"),
                    ("stroke-opacity", opacity),
                ],
                "",
            );
            html.element(
                "text",
                &[
                    ("x", &num(PLOT_LEFT - 6.0)),
                    ("y", &num(self.y(value) + 4.0)),
                    ("text-anchor", "end"),
                ],
                &value.to_string(),
            )
            .newline();
        }
        html.close("g").newline();
    }

    /// Month (or year) ticks under the plot.
    fn time_axis(&self, html: &mut Html) {
        let span_months = (self.last_day - self.first_day) as f64 / 30.4;
        // A tick every 1, 2, 3 or 6 months, or every 1, 2 or 5 years times
        // a power of ten: at most 7 of them.
        let mut every: u32 = 1;
        for step in [1, 2, 3, 6, 12, 24, 60].into_iter().chain(
            std::iter::successors(Some(120u32), |s| s.checked_mul(10))
                .flat_map(|s| [s, s * 2, s * 5]),
        ) {
            every = step;
            if span_months / f64::from(step) <= 7.0 {
                break;
            }
        }
        let bottom = PLOT_TOP + PLOT_HEIGHT;
        // Months counted from year 0; the first tick is the first multiple
        // of `every` on the axis.
        let first = Date::from_days(self.first_day);
        let index = |d: Date| u32::from(d.year) * 12 + u32::from(d.month) - 1;
        let origin = Date {
            year: 0,
            month: 1,
            day: 1,
        };
        let mut months = index(first).div_ceil(every) * every;
        html.open("g", &[("class", "tf-chart-axis")]).newline();
        loop {
            let tick = origin.first_of_month_after(months);
            months += every;
            if tick.days() > self.last_day {
                break;
            }
            if tick.days() < self.first_day {
                continue;
            }
            let x = num(self.x(tick));
            html.element(
                "line",
                &[
                    ("x1", &x),
                    ("x2", &x),
                    ("y1", &num(bottom)),
                    ("y2", &num(bottom + 4.0)),
                    ("stroke", "currentColor"),
                ],
                "",
            );
            let label = if every >= 12 {
                tick.year.to_string()
            } else {
                month_label(self.file.config.words(), tick.year, tick.month)
            };
            html.element(
                "text",
                &[
                    ("x", &x),
                    ("y", &num(bottom + 16.0)),
                    ("text-anchor", "middle"),
                ],
                &label,
            )
            .newline();
        }
        html.close("g").newline();
    }

    /// The shaded zone of undated reports, after a dashed line.
    fn undated_zone(&self, html: &mut Html) {
        let x = num(self.axis_right + 4.0);
        html.open("g", &[("class", "tf-chart-undated")]).newline();
        html.element(
            "rect",
            &[
                ("x", &x),
                ("y", &num(PLOT_TOP)),
                ("width", &num(self.plot_right - self.axis_right - 4.0)),
                ("height", &num(PLOT_HEIGHT)),
                ("fill", "currentColor"),
                ("fill-opacity", "0.06"),
            ],
            "",
        );
        html.element(
            "line",
            &[
                ("x1", &x),
                ("x2", &x),
                ("y1", &num(PLOT_TOP)),
                ("y2", &num(PLOT_TOP + PLOT_HEIGHT + 4.0)),
                ("stroke", "currentColor"),
                ("stroke-dasharray", "4 3"),
            ],
            "",
        );
        html.element(
            "text",
            &[
                ("x", &num(self.undated_x())),
                ("y", &num(PLOT_TOP + PLOT_HEIGHT + 16.0)),
                ("text-anchor", "middle"),
                ("font-style", "italic"),
            ],
            &self.file.config.words().text("chart-undated"),
        )
        .newline();
        html.close("g").newline();
    }

    /// One block's step line, and a mark where it gains skills.
    fn series(&self, block: BlockId, html: &mut Html) {
        let (colour, dashes, marker) = SERIES[block.index() % SERIES.len()];
        let info = &self.file.referential.blocks[block];
        let dy = self.offset(block);
        let mut d = format!("M{},{}", num(PLOT_LEFT), num(self.y(0) + dy));
        let mut marks = Vec::new();
        let mut value = 0;
        for (n, step) in self.progression.steps.iter().enumerate() {
            let x = self.step_x(n, step);
            if step.date.is_none() && n == self.progression.dated().len() {
                // Across the dashed line into the undated zone.
                d.push_str(&format!("H{}", num(self.axis_right)));
            }
            if step.covered[block] != value {
                value = step.covered[block];
                let y = self.y(value) + dy;
                d.push_str(&format!("H{}V{}", num(x), num(y)));
                marks.push((x, y, n, step));
            }
        }
        d.push_str(&format!("H{}", num(self.plot_right)));
        let class = format!("tf-series tf-series-{}", block.index() % SERIES.len() + 1);
        html.open("g", &[("class", &class)]).newline();
        html.open(
            "path",
            &[
                ("d", &d),
                ("fill", "none"),
                ("stroke", colour),
                ("stroke-width", "2.5"),
                ("stroke-dasharray", dashes),
            ],
        );
        html.element(
            "title",
            &[],
            &self.file.config.words().format(
                "chart-series-title",
                &[
                    ("block", info.id.as_str().into()),
                    ("title", info.title.as_str().into()),
                    ("covered", value.into()),
                    ("total", self.progression.totals[block].into()),
                ],
            ),
        );
        html.close("path").newline();
        for (x, y, n, step) in marks {
            let report = &self.file.reports[step.report];
            let in_block: Vec<SkillId> = step
                .new_skills
                .iter()
                .copied()
                .filter(|&s| self.file.referential.skills[s].block == block)
                .collect();
            let ids = self.file.referential.skill_ids(&in_block);
            let words = self.file.config.words();
            let title = words.format(
                "chart-mark-title",
                &[
                    ("block", info.id.as_str().into()),
                    ("covered", step.covered[block].into()),
                    ("total", self.progression.totals[block].into()),
                    ("number", (n + 1).into()),
                    ("when", step.when(words).into()),
                    ("report", report.title.as_str().into()),
                    ("skills", ids.join(", ").into()),
                ],
            );
            marker_shape(marker, x, y, 4.5, colour, Some(&title), html);
            html.newline();
        }
        html.close("g").newline();
    }

    /// "B1 7/7" at the end of each line, pushed apart so none overlap,
    /// each with a sample of its line and mark: the chart's legend.
    fn end_labels(&self, html: &mut Html) {
        let last = &self.progression.steps[self.progression.steps.len() - 1];
        let mut labels: Vec<(f64, BlockId)> = self
            .file
            .referential
            .blocks
            .ids()
            .map(|b| (self.y(last.covered[b]) + self.offset(b), b))
            .collect();
        labels.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        for i in 1..labels.len() {
            labels[i].0 = labels[i].0.max(labels[i - 1].0 + 14.0);
        }
        html.open("g", &[("class", "tf-chart-legend")]).newline();
        for (y, block) in labels {
            let (colour, dashes, marker) = SERIES[block.index() % SERIES.len()];
            let x = self.plot_right + 6.0;
            let class = format!("tf-series-{}", block.index() % SERIES.len() + 1);
            html.open("g", &[("class", &class)]);
            html.element(
                "line",
                &[
                    ("x1", &num(x)),
                    ("x2", &num(x + 20.0)),
                    ("y1", &num(y)),
                    ("y2", &num(y)),
                    ("stroke", colour),
                    ("stroke-width", "2.5"),
                    ("stroke-dasharray", dashes),
                ],
                "",
            );
            marker_shape(marker, x + 10.0, y, 3.5, colour, None, html);
            let info = &self.file.referential.blocks[block];
            html.element(
                "text",
                &[("x", &num(x + 25.0)), ("y", &num(y + 4.0))],
                &format!(
                    "{} {}/{}",
                    info.id, last.covered[block], self.progression.totals[block]
                ),
            )
            .close("g")
            .newline();
        }
        html.close("g").newline();
    }

    /// A numbered circle per report under the axis, linked to its page, in
    /// lanes so that reports close in time do not overlap; a faint line
    /// up to the plot ties each to its date.
    fn report_circles(&self, page: &str, html: &mut Html) {
        let top = PLOT_TOP + PLOT_HEIGHT + 22.0 + REPORT_RADIUS;
        html.open("g", &[("class", "tf-chart-reports")]).newline();
        for (n, (step, &lane)) in self.progression.steps.iter().zip(&self.lanes).enumerate() {
            let x = self.step_x(n, step);
            let y = top + lane as f64 * LANE_HEIGHT;
            let report = &self.file.reports[step.report];
            if step.date.is_some() {
                html.element(
                    "line",
                    &[
                        ("x1", &num(x)),
                        ("x2", &num(x)),
                        ("y1", &num(PLOT_TOP)),
                        ("y2", &num(y - REPORT_RADIUS)),
                        ("stroke", "currentColor"),
                        ("stroke-opacity", "0.25"),
                        ("stroke-dasharray", "1 3"),
                    ],
                    "",
                );
            }
            let ids = self.file.referential.skill_ids(&step.new_skills);
            let words = self.file.config.words();
            let when = step.when(words);
            let adds = if ids.is_empty() {
                words.text("chart-no-new-skill")
            } else {
                words.format("chart-adds", &[("skills", ids.join(", ").into())])
            };
            html.open(
                "a",
                &[
                    ("href", &self.file.report_href(step.report, page)),
                    // The table below holds the same links for the keyboard.
                    ("tabindex", "-1"),
                ],
            );
            html.element(
                "title",
                &[],
                &format!("{}. {} ({when}): {adds}", n + 1, report.title),
            );
            html.element(
                "circle",
                &[
                    ("cx", &num(x)),
                    ("cy", &num(y)),
                    ("r", &num(REPORT_RADIUS)),
                    ("fill", "none"),
                    ("stroke", "currentColor"),
                ],
                "",
            );
            html.element(
                "text",
                &[
                    ("x", &num(x)),
                    ("y", &num(y + 3.8)),
                    ("text-anchor", "middle"),
                    ("font-size", "10"),
                ],
                &(n + 1).to_string(),
            );
            html.close("a").newline();
        }
        html.close("g").newline();
    }
}

/// A marker of the given shape centred on (x, y).
pub(crate) fn marker_shape(
    marker: Marker,
    x: f64,
    y: f64,
    r: f64,
    colour: &str,
    title: Option<&str>,
    html: &mut Html,
) {
    let point = |dx: f64, dy: f64| format!("{},{}", num(x + dx * r), num(y + dy * r));
    let polygon = |corners: &[(f64, f64)]| {
        let points: Vec<String> = corners.iter().map(|&(dx, dy)| point(dx, dy)).collect();
        vec![("points", points.join(" "))]
    };
    let (tag, geometry): (&'static str, Vec<(&'static str, String)>) = match marker {
        Marker::Circle => (
            "circle",
            vec![("cx", num(x)), ("cy", num(y)), ("r", num(r))],
        ),
        Marker::Square => (
            "rect",
            vec![
                ("x", num(x - r * 0.9)),
                ("y", num(y - r * 0.9)),
                ("width", num(r * 1.8)),
                ("height", num(r * 1.8)),
            ],
        ),
        Marker::Triangle => ("polygon", polygon(&[(0.0, -1.2), (1.1, 0.8), (-1.1, 0.8)])),
        Marker::Diamond => (
            "polygon",
            polygon(&[(0.0, -1.3), (1.0, 0.0), (0.0, 1.3), (-1.0, 0.0)]),
        ),
    };
    let mut attrs: Vec<(&'static str, &str)> = geometry
        .iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect();
    attrs.extend([("fill", colour), ("stroke", "none")]);
    html.open(tag, &attrs);
    if let Some(title) = title {
        html.element("title", &[], title);
    }
    html.close(tag);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_go_back_to_the_same_dates() {
        for text in [
            "1970-01-01",
            "2000-02-29",
            "2025-12-31",
            "2026-03-01",
            "1969-07-20",
        ] {
            let date = Date::parse(text).unwrap();
            assert_eq!(Date::from_days(date.days()), date, "{text}");
        }
    }

    #[test]
    fn numbers_have_one_decimal_at_most() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.04), "12");
        assert_eq!(num(12.25), "12.3");
        assert_eq!(num(-0.5), "-0.5");
    }
}
