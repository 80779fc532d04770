//! A small tree of values with byte spans, read from TOML or YAML.
//!
//! Front matter and referential files are checked key by key, so that every
//! problem can name its line. Both syntaxes are read into this one tree, and
//! the typed readers in `frontmatter` and `referential` work on it alone.

use std::ops::Range;
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// A value and where it is in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned {
    pub value: Value,
    pub span: Range<usize>,
}

/// A key of a table and where it is in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub name: String,
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    String(String),
    Integer(i64),
    Float(f64),
    Bool(bool),
    /// A TOML date or date-time, as written.
    Datetime(String),
    Array(Vec<Spanned>),
    /// Entries in the order of the text.
    Table(Vec<(Key, Spanned)>),
    Null,
}

impl Value {
    /// The name of the value's type, for messages ("expected a string, found an integer").
    /// The kind of value, as the catalogues' messages select on it.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::String(_) => "string",
            Value::Integer(_) => "integer",
            Value::Float(_) => "float",
            Value::Bool(_) => "boolean",
            Value::Datetime(_) => "date",
            Value::Array(_) => "list",
            Value::Table(_) => "table",
            Value::Null => "nothing",
        }
    }

    pub fn type_name(&self) -> &'static str {
        match self {
            Value::String(_) => "a string",
            Value::Integer(_) => "an integer",
            Value::Float(_) => "a float",
            Value::Bool(_) => "a boolean",
            Value::Datetime(_) => "a date",
            Value::Array(_) => "a list",
            Value::Table(_) => "a table",
            Value::Null => "nothing",
        }
    }
}

/// A syntax error and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub span: Range<usize>,
}

/// Reads a TOML document.
pub fn parse_toml(text: &str) -> Result<Spanned, SyntaxError> {
    match toml::de::DeTable::parse(text) {
        Ok(table) => {
            let span = table.span();
            Ok(Spanned {
                value: toml_table(table.into_inner()),
                span,
            })
        }
        Err(error) => Err(SyntaxError {
            message: error.message().trim().to_owned(),
            span: error.span().unwrap_or(0..0),
        }),
    }
}

fn toml_table(table: toml::de::DeTable<'_>) -> Value {
    let mut entries: Vec<(Key, Spanned)> = table
        .into_iter()
        .map(|(key, value)| {
            let key = Key {
                span: key.span(),
                name: key.into_inner().into_owned(),
            };
            (key, toml_value(value))
        })
        .collect();
    // The parser keeps keys sorted by name; put them back in text order.
    entries.sort_by_key(|(key, _)| key.span.start);
    Value::Table(entries)
}

fn toml_value(value: toml::Spanned<toml::de::DeValue<'_>>) -> Spanned {
    use toml::de::DeValue;
    let span = value.span();
    let value = match value.into_inner() {
        DeValue::String(s) => Value::String(s.into_owned()),
        DeValue::Integer(i) => match i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()) {
            Ok(n) => Value::Integer(n),
            Err(_) => Value::String(i.as_str().to_owned()),
        },
        DeValue::Float(f) => Value::Float(f.as_str().replace('_', "").parse().unwrap_or(f64::NAN)),
        DeValue::Boolean(b) => Value::Bool(b),
        DeValue::Datetime(d) => Value::Datetime(d.to_string()),
        DeValue::Array(items) => Value::Array(items.into_iter().map(toml_value).collect()),
        DeValue::Table(table) => toml_table(table),
    };
    Spanned { value, span }
}

/// Reads a YAML document whose top level is a mapping (or empty).
///
/// Anchors, aliases and tags are not needed in front matter and are
/// reported as errors rather than silently half-supported.
pub fn parse_yaml(text: &str) -> Result<Spanned, SyntaxError> {
    let offsets = LineStarts::new(text);
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut root: Option<Spanned> = None;
    loop {
        let (event, marker) = parser.next_token().map_err(|error| SyntaxError {
            message: error.info().to_owned(),
            span: {
                let at = offsets.offset(text, error.marker());
                at..at
            },
        })?;
        if matches!(event, Event::StreamEnd) {
            break;
        }
        let at = offsets.offset(text, &marker);
        let Some(node) = yaml_node(text, event, at, &mut stack)? else {
            continue;
        };
        match stack.last_mut() {
            Some(Frame::Sequence { items, .. }) => items.push(node),
            Some(Frame::Mapping { entries, key, .. }) => match key.take() {
                None => *key = Some(yaml_key(node, entries, &offsets)?),
                Some(k) => entries.push((k, node)),
            },
            None => {
                root.get_or_insert(node);
            }
        }
    }
    yaml_root(root)
}

/// The node that `event` completes, if any (opening a sequence or a
/// mapping pushes a frame on `stack`; closing it pops the frame).
fn yaml_node(
    text: &str,
    event: Event,
    at: usize,
    stack: &mut Vec<Frame>,
) -> Result<Option<Spanned>, SyntaxError> {
    let unsupported = |what: &str| SyntaxError {
        message: format!("{what} are not supported in front matter"),
        span: at..at,
    };
    Ok(match event {
        Event::Alias(_) => return Err(unsupported("aliases")),
        Event::Scalar(_, _, _, Some(_)) => return Err(unsupported("tags")),
        Event::Scalar(value, style, _, None) => Some(Spanned {
            value: yaml_scalar(value, style),
            span: at..scalar_end(text, at, style),
        }),
        Event::SequenceStart(..) => {
            stack.push(Frame::Sequence {
                start: at,
                items: Vec::new(),
            });
            None
        }
        Event::MappingStart(..) => {
            stack.push(Frame::Mapping {
                start: at,
                entries: Vec::new(),
                key: None,
            });
            None
        }
        Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
            Some(Frame::Sequence { start, items }) => {
                let end = items.last().map_or(at, |item| item.span.end);
                Some(Spanned {
                    value: Value::Array(items),
                    span: start..end.max(start),
                })
            }
            Some(Frame::Mapping { start, entries, .. }) => {
                let end = entries.last().map_or(at, |(_, v)| v.span.end);
                Some(Spanned {
                    value: Value::Table(entries),
                    span: start..end.max(start),
                })
            }
            None => None,
        },
        _ => None,
    })
}

/// A mapping key: a scalar, not set before in the same mapping.
fn yaml_key(
    node: Spanned,
    entries: &[(Key, Spanned)],
    offsets: &LineStarts,
) -> Result<Key, SyntaxError> {
    let name = match node.value {
        Value::String(s) => s,
        Value::Integer(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => String::new(),
        other => {
            return Err(SyntaxError {
                message: format!("a key must be a name, found {}", other.type_name()),
                span: node.span,
            });
        }
    };
    if let Some((first, _)) = entries.iter().find(|(k, _)| k.name == name) {
        let line = offsets.line_of(first.span.start) + 1;
        return Err(SyntaxError {
            message: format!("duplicate key `{name}` (first set on line {line})"),
            span: node.span,
        });
    }
    Ok(Key {
        name,
        span: node.span,
    })
}

/// The front matter as a whole: a mapping (nothing, or `null`, is an
/// empty one).
fn yaml_root(root: Option<Spanned>) -> Result<Spanned, SyntaxError> {
    match root {
        None
        | Some(Spanned {
            value: Value::Null, ..
        }) => Ok(Spanned {
            value: Value::Table(Vec::new()),
            span: 0..0,
        }),
        Some(
            node @ Spanned {
                value: Value::Table(_),
                ..
            },
        ) => Ok(node),
        Some(other) => Err(SyntaxError {
            message: format!(
                "front matter must be a set of `key: value` lines, found {}",
                other.value.type_name()
            ),
            span: other.span,
        }),
    }
}

enum Frame {
    Sequence {
        start: usize,
        items: Vec<Spanned>,
    },
    Mapping {
        start: usize,
        entries: Vec<(Key, Spanned)>,
        key: Option<Key>,
    },
}

/// YAML 1.2 core schema for plain scalars; quoted scalars are strings.
fn yaml_scalar(value: String, style: TScalarStyle) -> Value {
    if style != TScalarStyle::Plain {
        return Value::String(value);
    }
    match value.as_str() {
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        _ => {
            if let Ok(i) = value.parse::<i64>() {
                Value::Integer(i)
            } else if value.contains('.') && value.parse::<f64>().is_ok() {
                Value::Float(value.parse().unwrap_or(f64::NAN))
            } else {
                Value::String(value)
            }
        }
    }
}

/// Where a scalar that starts at `start` ends, approximately: the end of
/// its first line. Spans are only used to point at values in messages.
fn scalar_end(text: &str, start: usize, style: TScalarStyle) -> usize {
    let rest = &text[start.min(text.len())..];
    let line_end = rest.find(['\n', '\r']).unwrap_or(rest.len());
    let line = &rest[..line_end];
    let len = match style {
        TScalarStyle::Plain => plain_scalar_len(line),
        TScalarStyle::SingleQuoted => closing_quote(line, '\'', |rest| rest.starts_with("''")),
        TScalarStyle::DoubleQuoted => closing_quote(line, '"', |_| false),
        _ => line_end,
    };
    start + line[..len].trim_end().len()
}

/// The length of a plain scalar: up to a flow indicator, a comment or a
/// `key: value` separator.
fn plain_scalar_len(line: &str) -> usize {
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let next_is_space = bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace());
        match b {
            b',' | b']' | b'}' => return i,
            b':' if next_is_space => return i,
            b'#' if i > 0 && bytes[i - 1].is_ascii_whitespace() => return i,
            _ => {}
        }
    }
    line.len()
}

/// The length of a quoted scalar on its first line, closing quote included.
fn closing_quote(line: &str, quote: char, doubled: impl Fn(&str) -> bool) -> usize {
    let mut chars = line.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        if c == '\\' && quote == '"' {
            chars.next();
        } else if c == quote {
            if doubled(&line[i..]) {
                chars.next();
            } else {
                return i + c.len_utf8();
            }
        }
    }
    line.len()
}

/// Line starts, to turn the parser's line and column into byte offsets.
struct LineStarts(Vec<usize>);

impl LineStarts {
    fn new(text: &str) -> LineStarts {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineStarts(starts)
    }

    fn line_of(&self, offset: usize) -> usize {
        match self.0.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// The byte offset of a marker (1-based line, 0-based column in chars).
    fn offset(&self, text: &str, marker: &Marker) -> usize {
        let line = marker.line().saturating_sub(1).min(self.0.len() - 1);
        let start = self.0[line];
        let end = self.0.get(line + 1).copied().unwrap_or(text.len());
        text[start..end]
            .char_indices()
            .nth(marker.col())
            .map_or(end, |(i, _)| start + i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(spanned: &Spanned) -> &[(Key, Spanned)] {
        match &spanned.value {
            Value::Table(entries) => entries,
            other => panic!("not a table: {other:?}"),
        }
    }

    #[test]
    fn toml_keeps_text_order_and_spans() {
        let text = "title = \"Été\"\ndate = 2025-11-14\nskills = [\"C1.1\", \"observability\"]\n";
        let root = parse_toml(text).unwrap();
        let entries = table(&root);
        let names: Vec<_> = entries.iter().map(|(k, _)| k.name.as_str()).collect();
        assert_eq!(names, ["title", "date", "skills"]);
        assert_eq!(&text[entries[0].1.span.clone()], "\"Été\"");
        assert_eq!(entries[1].1.value, Value::Datetime("2025-11-14".into()));
        let Value::Array(items) = &entries[2].1.value else {
            panic!()
        };
        assert_eq!(&text[items[1].span.clone()], "\"observability\"");
    }

    #[test]
    fn toml_errors_have_spans() {
        let text = "title = \"x\"\ndate = \n";
        let error = parse_toml(text).unwrap_err();
        assert!(error.span.start >= 12, "{error:?}");
    }

    #[test]
    fn yaml_reads_scalars_lists_and_positions() {
        let text = "title: Déploiement \"x\"\ndate: 2025-11-14\nteam:\n  - Ana\n  - Bo\nskills: [C1.1, 'C2.2']\ndraft: false\n";
        let root = parse_yaml(text).unwrap();
        let entries = table(&root);
        assert_eq!(
            entries[0].1.value,
            Value::String("Déploiement \"x\"".into())
        );
        assert_eq!(&text[entries[0].1.span.clone()], "Déploiement \"x\"");
        assert_eq!(entries[1].1.value, Value::String("2025-11-14".into()));
        let Value::Array(team) = &entries[2].1.value else {
            panic!()
        };
        assert_eq!(&text[team[1].span.clone()], "Bo");
        let Value::Array(skills) = &entries[3].1.value else {
            panic!()
        };
        assert_eq!(&text[skills[0].span.clone()], "C1.1");
        assert_eq!(&text[skills[1].span.clone()], "'C2.2'");
        assert_eq!(entries[4].1.value, Value::Bool(false));
        assert_eq!(&text[entries[4].0.span.clone()], "draft");
    }

    #[test]
    fn yaml_errors_and_duplicates_are_located() {
        let text = "title: x\ntitle: y\n";
        let error = parse_yaml(text).unwrap_err();
        assert_eq!(error.message, "duplicate key `title` (first set on line 1)");
        assert_eq!(error.span.start, 9);
        let text = "title: [unclosed\ndate: 2025-01-01\n";
        let error = parse_yaml(text).unwrap_err();
        assert!(!error.message.is_empty());
        let text = "- just\n- a list\n";
        assert!(parse_yaml(text).unwrap_err().message.contains("key: value"));
        assert_eq!(parse_yaml("").unwrap().value, Value::Table(vec![]));
    }
}
