//! Property tests: generated pages round-trip byte for byte; an edit, re-parsed, reads back
//! as the edit; arbitrary text never panics the parser.

use folio::{Block, Page};
use proptest::prelude::*;

fn words(max: usize) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec("[a-z][a-z0-9+#]{0,7}", 0..max)
}

/// A line of prose that cannot open a shortcode.
fn prose_line() -> impl Strategy<Value = String> {
    "[A-Za-z0-9 ,.*_`'\"()-]{1,40}"
        .prop_map(|s| s.trim_start().to_string())
        .prop_filter("not blank", |s| !s.trim().is_empty())
}

fn body() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop_oneof![
            prose_line(),
            Just(String::new()),
            Just("- item".to_string())
        ],
        0..5,
    )
}

#[derive(Debug, Clone)]
struct CardSrc {
    percent: bool,
    spaced: bool,
    title: String,
    icons: Vec<String>,
    other: Vec<String>,
    repo: Option<String>,
    indent: &'static str,
    body: Vec<String>,
}

fn card() -> impl Strategy<Value = CardSrc> {
    (
        any::<bool>(),
        any::<bool>(),
        "[A-Za-z0-9 /.-]{0,20}",
        words(4),
        words(3),
        prop::option::of("[a-z]{1,6}/[a-z-]{1,8}"),
        prop_oneof![Just(""), Just("  "), Just("\t")],
        body(),
    )
        .prop_map(
            |(percent, spaced, title, icons, other, repo, indent, body)| CardSrc {
                percent,
                spaced,
                title,
                icons,
                other,
                repo,
                indent,
                body,
            },
        )
}

impl CardSrc {
    fn source(&self, eol: &str) -> String {
        let (l, r) = if self.percent {
            ("{{%", "%}}")
        } else {
            ("{{<", ">}}")
        };
        let sp = if self.spaced { " " } else { "" };
        let mut s = format!(
            "{l}{sp}project-card title=\"{}\" tech-icons=\"{}\" other-tech=\"{}\"",
            self.title,
            self.icons.join(" "),
            self.other.join(" ")
        );
        if let Some(r) = &self.repo {
            s.push_str(&format!(" repository=\"{r}\""));
        }
        s.push_str(&format!("{sp}{r}{eol}"));
        for line in &self.body {
            if !line.is_empty() {
                s.push_str(self.indent);
                s.push_str(line);
            }
            s.push_str(eol);
        }
        s.push_str(&format!("{l}{sp}/project-card{sp}{r}"));
        s
    }
}

#[derive(Debug, Clone)]
enum Piece {
    Prose(Vec<String>),
    Card(CardSrc),
    Other(String),
}

fn piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        prop::collection::vec(prose_line(), 1..4).prop_map(Piece::Prose),
        card().prop_map(Piece::Card),
        prop_oneof![
            Just("{{< youtube w7Ft2ymGmfc >}}".to_string()),
            Just("{{< figure src=\"/a.png\" />}}".to_string()),
            Just("{{% notice %}}Note *this*{{% /notice %}}".to_string()),
            Just("{{</* project-card title=\"x\" */>}}".to_string()),
        ]
        .prop_map(Piece::Other),
    ]
}

fn page_text() -> impl Strategy<Value = String> {
    (
        prop_oneof![Just("\n"), Just("\r\n")],
        0..4usize,
        "[A-Za-z ]{1,12}",
        prop::collection::vec(piece(), 0..6),
        prop_oneof![Just(""), Just("\n"), Just("\n\n")],
    )
        .prop_map(|(eol, fm, title, pieces, tail)| {
            let mut s = match fm {
                0 => format!("---{eol}title: '{title}'{eol}weight: 3{eol}---{eol}"),
                1 => format!("+++{eol}title = \"{title}\"{eol}+++{eol}"),
                2 => format!("{{\"title\": \"{title}\"}}{eol}"),
                // Without front matter a page must not start with `{` (Hugo would read JSON).
                _ => format!("Intro.{eol}"),
            };
            for p in &pieces {
                s.push_str(eol);
                match p {
                    Piece::Prose(lines) => s.push_str(&lines.join(eol)),
                    Piece::Card(c) => s.push_str(&c.source(eol)),
                    Piece::Other(o) => s.push_str(o),
                }
                s.push_str(eol);
            }
            s.push_str(tail);
            if s.trim().is_empty() {
                s.push_str("text");
            }
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_pages_round_trip(text in page_text()) {
        let page = Page::parse(&text).unwrap();
        prop_assert_eq!(page.to_string(), text.clone());
        prop_assert_eq!(page.apply(&page.to_model()).unwrap().to_string(), text);
    }

    #[test]
    fn an_edited_card_reads_back_as_the_edit(
        text in page_text(),
        title in "[A-Za-z0-9 \"\\\\`'{}<>%/\n\u{e9}]{0,16}",
        icons in words(4),
        body in prop::collection::vec(prose_line(), 0..4),
        pick in any::<prop::sample::Index>(),
    ) {
        let page = Page::parse(&text).unwrap();
        let mut m = page.to_model();
        let cards: Vec<usize> = m.blocks.iter().enumerate().filter(|(_, b)| matches!(b, Block::Card(_))).map(|(i, _)| i).collect();
        prop_assume!(!cards.is_empty());
        let i = cards[pick.index(cards.len())];
        let Block::Card(c) = &mut m.blocks[i] else { unreachable!() };
        c.title = title.clone();
        c.tech_icons = icons;
        c.body = body.join("\n");
        let want = c.clone();
        match page.apply(&m) {
            Ok(out) => {
                let again = Page::parse(&out.to_string()).unwrap().to_model();
                let Block::Card(got) = &again.blocks[i] else { panic!("block {i} is no longer a card") };
                prop_assert_eq!(&got.title, &want.title);
                prop_assert_eq!(&got.tech_icons, &want.tech_icons);
                prop_assert_eq!(&got.body, &want.body);
            }
            Err(e) => {
                // Only a value Hugo's lexer cannot read back may be refused.
                prop_assert!(title.contains('`'), "refused {:?}: {} {}", title, e.at, e.message);
                prop_assert_eq!(e.at, format!("blocks[{i}].title"));
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics_and_parsed_text_round_trips(
        text in "(---\n|\\+\\+\\+\n|\\{)?[-+{}<>%/*\"`\\\\ a-z=\n\r\t#:\\[\\]]{0,200}"
    ) {
        if let Ok(page) = Page::parse(&text) {
            prop_assert_eq!(page.to_string(), text.clone());
            prop_assert_eq!(page.apply(&page.to_model()).unwrap().to_string(), text);
        }
    }

    #[test]
    fn any_markdown_renders_without_panicking_and_keeps_its_links_well_formed(
        md in r#"([-a-z<>()"'_*~.,;:&@/#?!\\\[\]` \n]|https://|www\.|ftp://|\.com|<<|>>|é|“){0,80}"#,
        hooks in any::<bool>(),
    ) {
        let markup = folio::site::Markup { link_hook: hooks, image_hook: hooks, ..Default::default() };
        let html = folio::render::Markdown { markup, rewrite_url: None, hooks: None, hook_urls: None, for_toc: false }.render(&md);
        prop_assert_eq!(html.matches("<a ").count(), html.matches("</a>").count());
    }
}
