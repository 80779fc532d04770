//! Putting generated chapters into mdBook's book: reports under the
//! placeholder chapter or in a new part, the appendix (and the jury grid)
//! where SUMMARY.md links them or at the end, with section numbers as mdBook would give them.

use crate::pipeline::Page;
use mdbook_preprocessor::book::{Book, BookItem, Chapter, SectionNumber};
use std::path::PathBuf;

/// mdBook's chapter for a page the tool made.
fn chapter(page: Page, number: Option<SectionNumber>, parent_names: Vec<String>) -> Chapter {
    let mut chapter = Chapter::new(
        &page.name,
        page.content,
        PathBuf::from(&page.path),
        parent_names,
    );
    chapter.source_path = Some(PathBuf::from(page.source_path.unwrap_or(page.path)));
    chapter.number = number;
    chapter
}

/// Where the reports went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    UnderPlaceholder,
    NewPart,
}

/// Inserts report chapters (in order) and the appendix into `book`.
pub fn insert(
    book: &mut Book,
    placeholder: &str,
    part_title: &str,
    reports: Vec<Page>,
    appendix: Page,
    jury_grid: Option<Page>,
) -> Placement {
    let placement = if let Some(parent) = find_chapter_mut(&mut book.items, placeholder) {
        let base = parent.number.clone();
        let mut names = parent.parent_names.clone();
        names.push(parent.name.clone());
        // Continue after the placeholder's own numbered sub-chapters.
        let mut next = parent
            .sub_items
            .iter()
            .filter_map(|item| match item {
                BookItem::Chapter(ch) => ch.number.as_ref().and_then(|n| n.last().copied()),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        for report in reports {
            let number = base.as_ref().map(|base| {
                next += 1;
                let mut n = base.clone();
                n.push(next);
                n
            });
            parent
                .sub_items
                .push(BookItem::Chapter(chapter(report, number, names.clone())));
        }
        Placement::UnderPlaceholder
    } else {
        if !reports.is_empty() {
            // A numbered part after the last numbered chapter or part,
            // before any suffix chapters; numbers continue across parts as
            // in mdBook.
            let last_numbered = book.items.iter().rposition(|item| match item {
                BookItem::Chapter(ch) => ch.number.is_some(),
                BookItem::PartTitle(_) => true,
                BookItem::Separator => false,
            });
            let mut next = book
                .items
                .iter()
                .filter_map(|item| match item {
                    BookItem::Chapter(ch) => ch.number.as_ref().and_then(|n| n.first().copied()),
                    _ => None,
                })
                .max()
                .unwrap_or(0);
            let at = last_numbered.map_or(book.items.len(), |i| i + 1);
            let mut items = vec![BookItem::PartTitle(part_title.to_owned())];
            for report in reports {
                next += 1;
                items.push(BookItem::Chapter(chapter(
                    report,
                    Some(SectionNumber::new([next])),
                    Vec::new(),
                )));
            }
            book.items.splice(at..at, items);
        }
        Placement::NewPart
    };
    // The appendix, then the jury grid: where SUMMARY.md links them, or at
    // the end.
    for page in std::iter::once(appendix).chain(jury_grid) {
        match find_chapter_mut(&mut book.items, &page.path) {
            Some(linked) => linked.content = page.content,
            None => book
                .items
                .push(BookItem::Chapter(chapter(page, None, Vec::new()))),
        }
    }
    placement
}

/// The chapter with this path (depth first), if SUMMARY.md links it.
pub fn find_chapter_mut<'a>(items: &'a mut [BookItem], path: &str) -> Option<&'a mut Chapter> {
    for item in items {
        if let BookItem::Chapter(ch) = item {
            if ch.path.as_deref().is_some_and(|p| p.to_str() == Some(path)) {
                return Some(ch);
            }
            if let Some(found) = find_chapter_mut(&mut ch.sub_items, path) {
                return Some(found);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chapter(name: &str, path: &str, number: Option<Vec<u32>>) -> BookItem {
        let mut ch = Chapter::new(name, String::new(), path, Vec::new());
        ch.number = number.map(SectionNumber::new);
        BookItem::Chapter(ch)
    }

    fn new(name: &str) -> Page {
        Page {
            name: name.to_owned(),
            path: format!("reports/{name}.md"),
            source_path: Some(format!("../reports/{name}.md")),
            content: String::new(),
        }
    }

    fn appendix() -> Page {
        Page {
            name: "Skill coverage".into(),
            path: "skill-coverage.md".into(),
            source_path: None,
            content: "# Skill coverage".into(),
        }
    }

    fn numbers(book: &Book) -> Vec<String> {
        book.iter()
            .filter_map(|item| match item {
                BookItem::Chapter(ch) => Some(ch.to_string()),
                BookItem::PartTitle(t) => Some(format!("# {t}")),
                BookItem::Separator => None,
            })
            .collect()
    }

    #[test]
    fn reports_go_under_the_placeholder_with_sub_numbers() {
        let mut book = Book::new_with_items(vec![
            chapter("Intro", "intro.md", None),
            chapter("Block 1", "b1.md", Some(vec![1])),
            chapter("Project reports", "reports.md", Some(vec![2])),
            chapter("Glossary", "glossary.md", None),
        ]);
        let placement = insert(
            &mut book,
            "reports.md",
            "Project reports",
            vec![new("a"), new("b")],
            appendix(),
            None,
        );
        assert_eq!(placement, Placement::UnderPlaceholder);
        assert_eq!(
            numbers(&book),
            [
                "Intro",
                "1. Block 1",
                "2. Project reports",
                "2.1. a",
                "2.2. b",
                "Glossary",
                "Skill coverage"
            ]
        );
        let BookItem::Chapter(reports) = &book.items[2] else {
            panic!()
        };
        let BookItem::Chapter(a) = &reports.sub_items[0] else {
            panic!()
        };
        assert_eq!(a.parent_names, ["Project reports"]);
    }

    #[test]
    fn without_placeholder_a_part_goes_before_suffix_chapters() {
        let mut book = Book::new_with_items(vec![
            chapter("Intro", "intro.md", None),
            BookItem::PartTitle("File".into()),
            chapter("Block 1", "b1.md", Some(vec![1])),
            chapter("Block 2", "b2.md", Some(vec![2])),
            chapter("Glossary", "glossary.md", None),
        ]);
        insert(
            &mut book,
            "reports.md",
            "Project reports",
            vec![new("a")],
            appendix(),
            None,
        );
        assert_eq!(
            numbers(&book),
            [
                "Intro",
                "# File",
                "1. Block 1",
                "2. Block 2",
                "# Project reports",
                "3. a",
                "Glossary",
                "Skill coverage"
            ]
        );
    }

    #[test]
    fn prefix_only_books_get_the_part_at_the_end_and_a_linked_appendix_is_filled() {
        let mut book = Book::new_with_items(vec![
            chapter("Intro", "intro.md", None),
            chapter("Coverage", "skill-coverage.md", None),
        ]);
        insert(
            &mut book,
            "reports.md",
            "Project reports",
            vec![new("a")],
            appendix(),
            None,
        );
        assert_eq!(
            numbers(&book),
            ["Intro", "Coverage", "# Project reports", "1. a"]
        );
        let BookItem::Chapter(coverage) = &book.items[1] else {
            panic!()
        };
        assert_eq!(coverage.content, "# Skill coverage");
    }
}
