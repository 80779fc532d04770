//! Reading the printed PDF back, and giving it its document information,
//! with lopdf (a maintained PDF library, MIT): its page count and size,
//! the bookmarks Chromium made from the headings, the page of each named
//! destination (what the print page's `#id` links become), and its links.

use anyhow::Context;
use lopdf::{Dictionary, Document, IncrementalDocument, Object, ObjectId};
use std::collections::{BTreeMap, HashMap, HashSet};

/// A4 in PostScript points, and the tolerance of browsers' rounding.
const A4_POINTS: (f64, f64) = (595.28, 841.89);
const A4_TOLERANCE: f64 = 2.0;

/// A PDF as Chromium printed it, parsed once.
pub struct PrintedPdf {
    document: Document,
    /// Page object → its number, from 1.
    page_numbers: HashMap<ObjectId, usize>,
}

/// A bookmark of the PDF's outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bookmark {
    /// 1 for the top level (an `<h1>` of the print page), 2 below it…
    pub level: usize,
    pub title: String,
    /// The page it lands on, from 1.
    pub page: usize,
}

impl PrintedPdf {
    /// Parses a PDF; an error says why it is not one lopdf can read.
    pub fn read(bytes: &[u8]) -> anyhow::Result<PrintedPdf> {
        let document = Document::load_mem(bytes).context("not a PDF file lopdf can read")?;
        let page_numbers = document
            .get_pages()
            .into_iter()
            .map(|(number, id)| (id, number as usize))
            .collect::<HashMap<_, _>>();
        if page_numbers.is_empty() {
            anyhow::bail!("the PDF has no page");
        }
        Ok(PrintedPdf {
            document,
            page_numbers,
        })
    }

    /// The number of pages.
    pub fn pages(&self) -> usize {
        self.page_numbers.len()
    }

    /// Width and height in points of the first page (its `/MediaBox`, or
    /// the one it inherits from its page tree).
    pub fn page_size(&self) -> Option<(f64, f64)> {
        let (_, first) = self.document.get_pages().into_iter().next()?;
        let mut node = self.document.get_dictionary(first).ok()?;
        let media_box = loop {
            if let Ok(found) = node.get(b"MediaBox") {
                break self.resolve(found)?.as_array().ok()?;
            }
            let parent = node.get(b"Parent").ok()?.as_reference().ok()?;
            node = self.document.get_dictionary(parent).ok()?;
        };
        let numbers: Vec<f64> = media_box
            .iter()
            .map(|n| self.resolve(n).and_then(|n| n.as_float().ok()))
            .collect::<Option<Vec<f32>>>()?
            .into_iter()
            .map(f64::from)
            .collect();
        match numbers[..] {
            [x0, y0, x1, y1] => Some(((x1 - x0).abs(), (y1 - y0).abs())),
            _ => None,
        }
    }

    /// The outline's bookmarks in reading order; none without an outline.
    pub fn bookmarks(&self) -> Vec<Bookmark> {
        self.document
            .get_toc()
            .map(|toc| {
                toc.toc
                    .into_iter()
                    .map(|entry| Bookmark {
                        level: entry.level,
                        title: entry.title,
                        page: entry.page,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The page each named destination lands on, by name.
    pub fn destination_pages(&self) -> BTreeMap<String, usize> {
        let mut pages = BTreeMap::new();
        for (name, destination) in self.named_destinations() {
            if let Some(page) = self.destination_page(destination) {
                pages.insert(name, page);
            }
        }
        pages
    }

    /// The link annotations of every page, and the destinations defined.
    pub fn links(&self) -> Links {
        let mut found = Links {
            targets: Vec::new(),
            destinations: self.named_destinations().into_keys().collect(),
        };
        for (_, page) in self.document.get_pages() {
            let Ok(annotations) = self.document.get_page_annotations(page) else {
                continue;
            };
            for annotation in annotations {
                if !matches!(
                    annotation.get(b"Subtype").and_then(Object::as_name),
                    Ok(b"Link")
                ) {
                    continue;
                }
                if let Some(name) = annotation
                    .get(b"Dest")
                    .ok()
                    .and_then(|d| self.resolve(d))
                    .and_then(name_or_string)
                {
                    found.targets.push(LinkTarget::Inside(name));
                } else if let Some(action) = annotation
                    .get(b"A")
                    .ok()
                    .and_then(|a| self.resolve(a))
                    .and_then(|a| a.as_dict().ok())
                {
                    if let Some(uri) = action
                        .get(b"URI")
                        .ok()
                        .and_then(|u| self.resolve(u))
                        .and_then(name_or_string)
                    {
                        found.targets.push(LinkTarget::Uri(uri));
                    } else if let Some(name) = action
                        .get(b"D")
                        .ok()
                        .and_then(|d| self.resolve(d))
                        .and_then(name_or_string)
                    {
                        found.targets.push(LinkTarget::Inside(name));
                    }
                }
            }
        }
        found
    }

    /// The named destinations: the catalog's `/Dests` dictionary (what
    /// Chromium writes) and the `/Names /Dests` name tree.
    fn named_destinations(&self) -> BTreeMap<String, &Object> {
        let mut names = BTreeMap::new();
        let Ok(catalog) = self.document.catalog() else {
            return names;
        };
        if let Some(dests) = catalog
            .get(b"Dests")
            .ok()
            .and_then(|d| self.resolve(d))
            .and_then(|d| d.as_dict().ok())
        {
            for (name, destination) in dests.iter() {
                names.insert(destination_name(name), destination);
            }
        }
        if let Some(tree) = catalog
            .get(b"Names")
            .ok()
            .and_then(|n| self.resolve(n))
            .and_then(|n| n.as_dict().ok())
            .and_then(|n| n.get(b"Dests").ok())
            .and_then(|d| self.resolve(d))
            .and_then(|d| d.as_dict().ok())
        {
            self.name_tree(tree, &mut names, 0);
        }
        names
    }

    /// The leaves of a name tree (`/Names [key value …]`, `/Kids`).
    fn name_tree<'a>(
        &'a self,
        node: &'a Dictionary,
        names: &mut BTreeMap<String, &'a Object>,
        depth: usize,
    ) {
        if depth > 32 {
            return;
        }
        if let Ok(pairs) = node.get(b"Names").and_then(Object::as_array) {
            for pair in pairs.chunks(2) {
                if let [key, value] = pair
                    && let Some(key) = self.resolve(key).and_then(name_or_string)
                {
                    names.insert(key, value);
                }
            }
        }
        if let Ok(kids) = node.get(b"Kids").and_then(Object::as_array) {
            for kid in kids {
                if let Some(kid) = self.resolve(kid).and_then(|k| k.as_dict().ok()) {
                    self.name_tree(kid, names, depth + 1);
                }
            }
        }
    }

    /// The page of a destination: `[page /XYZ …]`, or `<< /D [page …] >>`.
    fn destination_page(&self, destination: &Object) -> Option<usize> {
        let destination = self.resolve(destination)?;
        let array = match destination {
            Object::Dictionary(d) => self.resolve(d.get(b"D").ok()?)?.as_array().ok()?,
            other => other.as_array().ok()?,
        };
        let page = array.first()?.as_reference().ok()?;
        self.page_numbers.get(&page).copied()
    }

    fn resolve<'a>(&'a self, object: &'a Object) -> Option<&'a Object> {
        self.document.dereference(object).ok().map(|(_, o)| o)
    }
}

/// A destination's name (`/intro`) or string (`(intro)`) as the page's id.
fn name_or_string(object: &Object) -> Option<String> {
    match object {
        Object::Name(name) => Some(destination_name(name)),
        Object::String(..) => match lopdf::decode_text_string(object) {
            Ok(text) => Some(destination_name(text.as_bytes())),
            Err(_) => Some(destination_name(object.as_str().ok()?)),
        },
        _ => None,
    }
}

/// The HTML id a destination is named after: Chromium names it after the
/// link's URL fragment, percent-encoded (`conteneuris%C3%A9s` for the id
/// `conteneurisés`).
fn destination_name(name: &[u8]) -> String {
    match percent_encoding::percent_decode(name).decode_utf8() {
        Ok(id) => id.into_owned(),
        Err(_) => String::from_utf8_lossy(name).into_owned(),
    }
}

/// Where a link annotation of the PDF leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// A named destination inside the PDF (`/Dest /name`), as the print
    /// page's `#id` links become.
    Inside(String),
    /// An address outside (`/A << /S /URI /URI (…) >>`).
    Uri(String),
}

/// The link annotations of a PDF and the named destinations it defines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Links {
    pub targets: Vec<LinkTarget>,
    pub destinations: HashSet<String>,
}

impl Links {
    /// Links inside the PDF.
    pub fn inside(&self) -> impl Iterator<Item = &str> {
        self.targets.iter().filter_map(|t| match t {
            LinkTarget::Inside(name) => Some(name.as_str()),
            LinkTarget::Uri(_) => None,
        })
    }

    /// Addresses of the links outside.
    pub fn uris(&self) -> impl Iterator<Item = &str> {
        self.targets.iter().filter_map(|t| match t {
            LinkTarget::Uri(uri) => Some(uri.as_str()),
            LinkTarget::Inside(_) => None,
        })
    }

    /// Links inside the PDF whose destination it does not define: they
    /// jump nowhere.
    pub fn unresolved(&self) -> Vec<&str> {
        self.inside()
            .filter(|name| !self.destinations.contains(*name))
            .collect()
    }
}

/// Whether a page size in points is A4, portrait or landscape.
pub fn is_a4((w, h): (f64, f64)) -> bool {
    let close = |a: f64, b: f64| (a - b).abs() <= A4_TOLERANCE;
    (close(w, A4_POINTS.0) && close(h, A4_POINTS.1))
        || (close(w, A4_POINTS.1) && close(h, A4_POINTS.0))
}

/// What the information dictionary says, from book.toml.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// `[book] title`.
    pub title: Option<String>,
    /// `[book] authors`.
    pub authors: Vec<String>,
    /// `[book] description`.
    pub subject: Option<String>,
    /// `keywords` under the tool's table.
    pub keywords: Vec<String>,
    /// `[book] language`: the catalog's `/Lang` if Chromium left none,
    /// and `dc:language` in the XMP metadata.
    pub language: Option<String>,
    /// The printed page's headings as text. Chromium titles a bookmark
    /// with the heading as laid out, and drops the space where the heading
    /// wraps ("andorchestration"): a bookmark whose title is a heading's
    /// but for white space gets the heading's.
    pub headings: Vec<String>,
}

/// Chromium's entries that are kept as they are (its dates and names).
const KEPT: [&[u8]; 4] = [b"Creator", b"Producer", b"CreationDate", b"ModDate"];

/// The PDF with `metadata` in a new information dictionary, appended as an
/// incremental update: Chromium's bytes (its tags, outline, links and
/// `/Lang`) stay exactly as printed, and readers take the latest trailer.
pub fn with_metadata(pdf: &[u8], metadata: &Metadata) -> anyhow::Result<Vec<u8>> {
    let mut update: IncrementalDocument =
        pdf.try_into().context("not a PDF file lopdf can read")?;
    let previous = update.get_prev_documents();
    let mut info = Dictionary::new();
    let entries = [
        ("Title", metadata.title.clone().unwrap_or_default()),
        ("Author", metadata.authors.join(", ")),
        ("Subject", metadata.subject.clone().unwrap_or_default()),
        ("Keywords", metadata.keywords.join(", ")),
    ];
    for (key, value) in entries {
        if !value.is_empty() {
            info.set(key, lopdf::text_string(&value));
        }
    }
    if let Some(old) = previous
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|i| previous.dereference(i).ok())
        .and_then(|(_, i)| i.as_dict().ok())
    {
        for key in KEPT {
            if let Ok(value) = old.get(key) {
                info.set(key, value.clone());
            }
        }
    }
    let root = previous
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .context("the PDF has no catalog")?;
    let id = update.new_document.add_object(info);
    update
        .new_document
        .trailer
        .set("Info", Object::Reference(id));

    // The same in XMP, which PDF 2.0 and archiving (PDF/A) read, and the
    // only place a reader such as `pdfinfo -meta` shows the language.
    let xmp = lopdf::Stream::new(
        lopdf::dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        xmp_packet(metadata).into_bytes(),
    );
    let xmp = update.new_document.add_object(xmp);
    update
        .opt_clone_object_to_new_document(root)
        .context("cannot update the catalog")?;
    let catalog = update
        .new_document
        .get_object_mut(root)
        .and_then(Object::as_dict_mut)
        .context("the catalog is not a dictionary")?;
    catalog.set("Metadata", Object::Reference(xmp));
    if let Some(language) = &metadata.language
        && catalog.get(b"Lang").is_err()
    {
        catalog.set("Lang", lopdf::text_string(language));
    }
    let outline = catalog.get(b"Outlines").and_then(Object::as_reference).ok();
    if let Some(outline) = outline {
        retitle_bookmarks(&mut update, outline, &metadata.headings)?;
    }
    let mut out = Vec::with_capacity(pdf.len() + 1024);
    update
        .save_to(&mut out)
        .context("cannot append the document information")?;
    Ok(out)
}

/// Gives the outline's items under `outline` the headings' titles they
/// lost spaces of, in new versions of those items.
fn retitle_bookmarks(
    update: &mut IncrementalDocument,
    outline: ObjectId,
    headings: &[String],
) -> anyhow::Result<()> {
    let squeezed = |text: &str| -> String { text.split_whitespace().collect() };
    let by_letters: HashMap<String, &str> =
        headings.iter().map(|h| (squeezed(h), h.as_str())).collect();
    let mut wrong = Vec::new();
    let mut seen = HashSet::new();
    let previous = update.get_prev_documents();
    let first = |id: ObjectId| -> Option<ObjectId> {
        previous
            .get_dictionary(id)
            .ok()?
            .get(b"First")
            .ok()?
            .as_reference()
            .ok()
    };
    let mut stack: Vec<ObjectId> = first(outline).into_iter().collect();
    while let Some(id) = stack.pop() {
        // A malformed outline may loop.
        if !seen.insert(id) {
            continue;
        }
        let Ok(item) = previous.get_dictionary(id) else {
            continue;
        };
        if let Some(title) = item
            .get(b"Title")
            .ok()
            .and_then(|t| lopdf::decode_text_string(t).ok())
            && let Some(&heading) = by_letters.get(&squeezed(&title))
            && heading != title
        {
            wrong.push((id, heading.to_owned()));
        }
        stack.extend(item.get(b"Next").and_then(Object::as_reference));
        stack.extend(first(id));
    }
    for (id, title) in wrong {
        update
            .opt_clone_object_to_new_document(id)
            .context("cannot update the outline")?;
        if let Ok(item) = update
            .new_document
            .get_object_mut(id)
            .and_then(Object::as_dict_mut)
        {
            item.set("Title", lopdf::text_string(&title));
        }
    }
    Ok(())
}

/// An XMP packet with the document information and the language.
fn xmp_packet(metadata: &Metadata) -> String {
    let xml = crate::text::html::escaped;
    let list = |kind: &str, items: &[String]| {
        let items: String = items
            .iter()
            .map(|item| format!("<rdf:li>{}</rdf:li>", xml(item)))
            .collect();
        format!("<rdf:{kind}>{items}</rdf:{kind}>")
    };
    let alt = |text: &str| {
        format!(
            "<rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt>",
            xml(text)
        )
    };
    let mut fields = String::new();
    if let Some(title) = &metadata.title {
        fields.push_str(&format!("<dc:title>{}</dc:title>\n", alt(title)));
    }
    if !metadata.authors.is_empty() {
        fields.push_str(&format!(
            "<dc:creator>{}</dc:creator>\n",
            list("Seq", &metadata.authors)
        ));
    }
    if let Some(subject) = &metadata.subject {
        fields.push_str(&format!(
            "<dc:description>{}</dc:description>\n",
            alt(subject)
        ));
    }
    if let Some(language) = &metadata.language {
        fields.push_str(&format!(
            "<dc:language>{}</dc:language>\n",
            list("Bag", std::slice::from_ref(language))
        ));
    }
    if !metadata.keywords.is_empty() {
        fields.push_str(&format!(
            "<dc:subject>{}</dc:subject>\n",
            list("Bag", &metadata.keywords)
        ));
        fields.push_str(&format!(
            "<pdf:Keywords>{}</pdf:Keywords>\n",
            xml(&metadata.keywords.join(", "))
        ));
    }
    let mut packet = String::from(concat!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n",
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n",
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n",
        "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n",
    ));
    packet.push_str(&fields);
    packet.push_str("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
    packet
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Stream, dictionary};

    /// A PDF shaped like Chromium's, written by lopdf: a page tree with an
    /// intermediate node holding the media box, named destinations in the
    /// catalog's `/Dests`, link annotations, an outline and an information
    /// dictionary.
    fn sample(pages: usize) -> Vec<u8> {
        let mut doc = Document::with_version("1.4");
        let root_pages = doc.new_object_id();
        let middle = doc.new_object_id();
        let mut kids = Vec::new();
        for _ in 0..pages {
            let content = doc.add_object(Stream::new(dictionary! {}, b"BT ET".to_vec()));
            let page = doc.add_object(dictionary! {
                "Type" => "Page",
                "Parent" => middle,
                "Contents" => content,
            });
            kids.push(Object::Reference(page));
        }
        let page_ids: Vec<ObjectId> = kids.iter().map(|k| k.as_reference().unwrap()).collect();
        let links = vec![
            doc.add_object(dictionary! {
                "Type" => "Annot", "Subtype" => "Link", "Rect" => vec![0.into(), 0.into(), 1.into(), 1.into()],
                "Dest" => Object::Name(b"introduction".to_vec()),
            }),
            doc.add_object(dictionary! {
                "Type" => "Annot", "Subtype" => "Link",
                "Dest" => Object::Name("étape".as_bytes().to_vec()),
            }),
            doc.add_object(dictionary! {
                "Type" => "Annot", "Subtype" => "Link",
                "A" => dictionary! { "S" => "URI", "URI" => Object::string_literal("https://x.org/a(1).html#b") },
            }),
            doc.add_object(dictionary! {
                "Type" => "Annot", "Subtype" => "Link", "Dest" => Object::Name(b"nowhere".to_vec()),
            }),
        ];
        doc.get_dictionary_mut(page_ids[0]).unwrap().set(
            "Annots",
            links.into_iter().map(Object::Reference).collect::<Vec<_>>(),
        );
        doc.objects.insert(
            middle,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Parent" => root_pages, "Count" => pages as i64, "Kids" => kids,
                "MediaBox" => vec![0.into(), 0.into(), 594.96.into(), 841.92.into()],
            }),
        );
        doc.objects.insert(
            root_pages,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Count" => pages as i64, "Kids" => vec![middle.into()],
            }),
        );
        let last = *page_ids.last().unwrap();
        let dests = doc.add_object(dictionary! {
            "introduction" => vec![page_ids[0].into(), "XYZ".into(), 11.into(), 828.into(), 0.into()],
            "étape" => vec![last.into(), "XYZ".into(), 11.into(), 443.into(), 0.into()],
        });
        // Two bookmarks, the second one level below the first.
        let outlines = doc.new_object_id();
        let first = doc.new_object_id();
        let second = doc.new_object_id();
        doc.objects.insert(
            second,
            Object::Dictionary(dictionary! {
                "Title" => lopdf::text_string("Étape 2"), "Parent" => first,
                "Dest" => vec![last.into(), "XYZ".into(), 0.into(), 0.into(), 0.into()],
            }),
        );
        doc.objects.insert(
            first,
            Object::Dictionary(dictionary! {
                "Title" => Object::string_literal("Introduction"), "Parent" => outlines,
                "First" => second, "Last" => second, "Count" => 1,
                "Dest" => vec![page_ids[0].into(), "XYZ".into(), 0.into(), 0.into(), 0.into()],
            }),
        );
        doc.objects.insert(
            outlines,
            Object::Dictionary(dictionary! {
                "Type" => "Outlines", "First" => first, "Last" => first, "Count" => 2,
            }),
        );
        let catalog = doc.add_object(dictionary! {
            "Type" => "Catalog", "Pages" => root_pages, "Dests" => dests,
            "Outlines" => outlines, "Lang" => Object::string_literal("fr"),
        });
        let info = doc.add_object(dictionary! {
            "Title" => Object::string_literal("Old"),
            "Creator" => Object::string_literal("Chromium"),
            "Producer" => Object::string_literal("Skia/PDF m156"),
        });
        doc.trailer.set("Root", catalog);
        doc.trailer.set("Info", info);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        bytes
    }

    #[test]
    fn counts_pages_through_an_intermediate_page_tree_node() {
        assert_eq!(PrintedPdf::read(&sample(1)).unwrap().pages(), 1);
        assert_eq!(PrintedPdf::read(&sample(53)).unwrap().pages(), 53);
    }

    #[test]
    fn destinations_are_named_after_the_ids_chromium_percent_encodes() {
        assert_eq!(
            destination_name(b"services-conteneuris%C3%A9s"),
            "services-conteneurisés"
        );
        assert_eq!(destination_name(b"plain-id"), "plain-id");
        // Not UTF-8 once decoded: the name as it is.
        assert_eq!(destination_name(b"bad-%FF"), "bad-%FF");
    }

    #[test]
    fn refuses_what_is_not_a_pdf() {
        assert!(PrintedPdf::read(b"<html>").is_err());
        assert!(PrintedPdf::read(b"%PDF-1.4\n%%EOF\n").is_err());
    }

    #[test]
    fn reads_links_and_resolves_them_against_the_named_destinations() {
        let links = PrintedPdf::read(&sample(3)).unwrap().links();
        assert_eq!(
            links.targets,
            [
                LinkTarget::Inside("introduction".into()),
                LinkTarget::Inside("étape".into()),
                LinkTarget::Uri("https://x.org/a(1).html#b".into()),
                LinkTarget::Inside("nowhere".into()),
            ]
        );
        assert_eq!(links.destinations.len(), 2, "{:?}", links.destinations);
        assert_eq!(links.unresolved(), ["nowhere"]);
        assert_eq!(links.uris().count(), 1);
    }

    #[test]
    fn reads_the_pages_of_destinations_and_bookmarks() {
        let pdf = PrintedPdf::read(&sample(3)).unwrap();
        let pages = pdf.destination_pages();
        assert_eq!(pages["introduction"], 1);
        assert_eq!(pages["étape"], 3);
        assert_eq!(
            pdf.bookmarks(),
            [
                Bookmark {
                    level: 1,
                    title: "Introduction".into(),
                    page: 1
                },
                Bookmark {
                    level: 2,
                    title: "Étape 2".into(),
                    page: 3
                },
            ]
        );
    }

    #[test]
    fn reads_the_inherited_page_size() {
        let size = PrintedPdf::read(&sample(2)).unwrap().page_size().unwrap();
        assert!((size.0 - 594.96).abs() < 0.01 && (size.1 - 841.92).abs() < 0.01);
        assert!(is_a4(size));
        assert!(is_a4((841.89, 595.28)));
        assert!(!is_a4((612.0, 792.0)));
    }

    #[test]
    fn metadata_is_an_update_that_keeps_the_printed_bytes() {
        let printed = sample(2);
        let metadata = Metadata {
            title: Some("Dossier technique — Camille".into()),
            authors: vec!["Camille Moreau".into(), "Ana (tutor)".into()],
            subject: Some("RNCP Cloud DevOps Expert".into()),
            keywords: vec!["devops".into(), "cloud".into()],
            language: Some("fr".into()),
            // As if "Étape 2" were Chromium's title of a heading that wrapped.
            headings: vec!["Introduction".into(), "É tape 2".into()],
        };
        let out = with_metadata(&printed, &metadata).unwrap();
        assert!(out.starts_with(&printed), "an incremental update");
        let document = Document::load_mem(&out).unwrap();
        let info = document
            .get_dictionary(
                document
                    .trailer
                    .get(b"Info")
                    .unwrap()
                    .as_reference()
                    .unwrap(),
            )
            .unwrap();
        let text = |key: &[u8]| lopdf::decode_text_string(info.get(key).unwrap()).unwrap();
        assert_eq!(text(b"Title"), "Dossier technique — Camille");
        assert_eq!(text(b"Author"), "Camille Moreau, Ana (tutor)");
        assert_eq!(text(b"Subject"), "RNCP Cloud DevOps Expert");
        assert_eq!(text(b"Keywords"), "devops, cloud");
        assert_eq!(text(b"Producer"), "Skia/PDF m156");
        // The catalog (its language, outline) is Chromium's, untouched.
        let reread = PrintedPdf::read(&out).unwrap();
        assert_eq!(reread.pages(), 2);
        let titles: Vec<String> = reread.bookmarks().into_iter().map(|b| b.title).collect();
        assert_eq!(titles, ["Introduction", "É tape 2"]);
        let catalog = document.catalog().unwrap();
        assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"fr");
        let xmp = document
            .get_object(catalog.get(b"Metadata").unwrap().as_reference().unwrap())
            .unwrap()
            .as_stream()
            .unwrap();
        let xmp = String::from_utf8(xmp.content.clone()).unwrap();
        for expected in [
            "<dc:language><rdf:Bag><rdf:li>fr</rdf:li></rdf:Bag></dc:language>",
            "<dc:creator><rdf:Seq><rdf:li>Camille Moreau</rdf:li><rdf:li>Ana (tutor)</rdf:li></rdf:Seq></dc:creator>",
            "<rdf:li xml:lang=\"x-default\">Dossier technique — Camille</rdf:li>",
            "<pdf:Keywords>devops, cloud</pdf:Keywords>",
        ] {
            assert!(xmp.contains(expected), "{xmp}");
        }
        // A catalog without `/Lang` gets the book's.
        let mut without = Document::load_mem(&printed).unwrap();
        without.catalog_mut().unwrap().remove(b"Lang");
        let mut bytes = Vec::new();
        without.save_to(&mut bytes).unwrap();
        let out = Document::load_mem(&with_metadata(&bytes, &metadata).unwrap()).unwrap();
        assert_eq!(
            out.catalog()
                .unwrap()
                .get(b"Lang")
                .unwrap()
                .as_str()
                .unwrap(),
            b"fr"
        );
    }
}
