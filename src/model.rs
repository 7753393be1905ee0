//! The typed model the forms edit, and the JSON shape `folio dump` prints and `folio apply`
//! reads (documented in `docs/model.md`).
//!
//! Blocks carry the `id` they had when the page was parsed; a block without an id is new.
//! Ids are positions in the parsed page, so a model is applied to the same text it was
//! dumped from.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};

use crate::formats::Format;

/// The version of the model's shape `folio dump` prints (see `docs/model.md`): 2 since
/// shortcodes have parameters, a body and children.
pub const MODEL_VERSION: u32 = 2;

/// A portfolio page as forms see it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Portfolio {
    /// The model's shape, [`MODEL_VERSION`] when read from a page. `apply` refuses a model
    /// of a later version (made by a newer Folio); omitted, it is taken as current.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
    /// A fingerprint of the page text this model was read from. `apply` refuses a model
    /// whose revision does not match the page (the page changed since); omit it to skip
    /// that check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
    /// The front matter's format; `null` when the page has none (new keys are then YAML).
    #[serde(default)]
    pub format: Option<Format>,
    /// Front matter keys and values, in file order.
    #[serde(default)]
    pub front_matter: Map<String, Json>,
    /// The body: prose, cards and other shortcodes, in order.
    #[serde(default)]
    pub blocks: Vec<Block>,
    /// The site config's `[params]`.
    #[serde(default)]
    pub params: Map<String, Json>,
}

impl Portfolio {
    /// A model as `folio apply` reads it (JSON, `docs/model.md`), over `page`, the model
    /// of the page it is applied to: a top-level field left out or `null` (`frontMatter`,
    /// `blocks`, `params`) is the page's own, so a model of one field changes that field
    /// only; an empty one (`{}`, `[]`) empties it.
    ///
    /// # Errors
    /// The JSON's error, with its line and column, when the text is no model.
    pub fn read_over(text: &str, page: Portfolio) -> Result<Portfolio, serde_json::Error> {
        /// [`Portfolio`] with the fields that may be left out as options.
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Partial {
            #[serde(default)]
            version: Option<u32>,
            #[serde(default)]
            revision: Option<String>,
            #[serde(default)]
            format: Option<Format>,
            #[serde(default)]
            front_matter: Option<Map<String, Json>>,
            #[serde(default)]
            blocks: Option<Vec<Block>>,
            #[serde(default)]
            params: Option<Map<String, Json>>,
        }
        let read: Partial = serde_json::from_str(text)?;
        Ok(Portfolio {
            version: read.version,
            revision: read.revision,
            format: read.format,
            front_matter: read.front_matter.unwrap_or(page.front_matter),
            blocks: read.blocks.unwrap_or(page.blocks),
            params: read.params.unwrap_or(page.params),
        })
    }
}

/// One block of the body.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Block {
    /// Markdown prose (it may hold inline shortcodes such as `{{<param email>}}`).
    Markdown {
        /// The block's id: its position in the page it was dumped from (in the app, the
        /// session's block id); `None` for a new block.
        #[serde(default)]
        id: Option<usize>,
        /// The Markdown, with `\n` line endings.
        text: String,
    },
    /// A `project-card` shortcode.
    Card(Card),
    /// Any other shortcode standing on its own lines: its parameters, body and the blocks
    /// inside it, edited in place.
    Shortcode(Shortcode),
}

/// A shortcode standing on its own lines, as its site's template reads it.
///
/// Read from a page, every field is set. Written to a page: a changed `source` replaces
/// the shortcode verbatim (the other fields are then ignored); else a changed `params`
/// rewrites only the values that changed, a changed `body` rewrites the changed lines
/// between the tags, and else `children` are applied inside the body as blocks are at the
/// top level. A field left out (`null`) is left as it is; the app leaves `source` out.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Shortcode {
    /// As for [`Block::Markdown`]; inside `children`, the position among the parent's
    /// blocks.
    #[serde(default)]
    pub id: Option<usize>,
    /// The shortcode's name (`card`, `hextra/hero-badge`).
    pub name: String,
    /// `angle` for `{{< >}}`, `percent` for `{{% %}}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notation: Option<Notation>,
    /// The parameters as written, in order: named (`name`) or positional (`position`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub params: Option<Vec<ParamValue>>,
    /// For a paired shortcode, the text between the tags without the indentation the
    /// source uses (re-indented the same way when written); `null` for a standalone one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// For a paired shortcode, its body as blocks: prose, and the shortcodes standing on
    /// their own lines in it, recursively.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub children: Option<Vec<Block>>,
    /// Its whole source, from `{{` to the end of its closing tag, line endings as LF.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// One parameter of a shortcode call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ParamValue {
    /// The name of a named parameter; `None` for a positional one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The value, as Hugo reads it (quotes and escapes removed).
    pub value: String,
    /// What the template makes of it (`text`, `markdown`, `icons`…; see
    /// [`crate::templates::FieldKind`]); informational, ignored when written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<crate::templates::FieldKind>,
    /// Of a flag, whether its template takes the value as on, as Hugo types it written as
    /// it is (`x="false"` is text, which `if` takes as true:
    /// [`crate::templates::schema::FlagTest::is_on`]); informational, ignored when written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on: Option<bool>,
    /// Of a menu's value (a `choice`), whether its template takes it as the word of that
    /// text (`cols=3` is the number 3, which never equals `"3"`); given `true` where the
    /// value as written is not, the value is written again as the word.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub word: Option<bool>,
}

impl Block {
    /// The blocks inside this one (a paired shortcode's `children`).
    pub fn children(&self) -> &[Block] {
        match self {
            Block::Shortcode(Shortcode {
                children: Some(c), ..
            }) => c,
            _ => &[],
        }
    }

    /// Sets the block's id.
    pub fn set_id(&mut self, new: Option<usize>) {
        match self {
            Block::Markdown { id, .. } => *id = new,
            Block::Shortcode(s) => s.id = new,
            Block::Card(c) => c.id = new,
        }
    }

    /// The id the block had when the page was parsed.
    pub fn id(&self) -> Option<usize> {
        match self {
            Block::Markdown { id, .. } => *id,
            Block::Shortcode(s) => s.id,
            Block::Card(c) => c.id,
        }
    }

    /// `markdown`, `card` or `shortcode`.
    pub fn kind(&self) -> &'static str {
        match self {
            Block::Markdown { .. } => "markdown",
            Block::Card(_) => "card",
            Block::Shortcode(_) => "shortcode",
        }
    }
}

/// The fields any block may have, read in one pass. (serde's derive for internally tagged
/// enums buffers every block first: slower, and its errors point at the block's end rather
/// than at the bad value.)
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawBlock {
    kind: String,
    #[serde(default)]
    id: Option<usize>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    title: String,
    #[serde(default)]
    tech_icons: Vec<String>,
    #[serde(default)]
    other_tech: Vec<String>,
    #[serde(default)]
    repository: Option<String>,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    extra: Map<String, Json>,
    #[serde(default)]
    notation: Option<Notation>,
    #[serde(default)]
    name: String,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    params: Option<Vec<ParamValue>>,
    #[serde(default)]
    children: Option<Vec<Block>>,
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let raw = RawBlock::deserialize(d)?;
        match raw.kind.as_str() {
            "markdown" => Ok(Block::Markdown {
                id: raw.id,
                text: raw.text.ok_or_else(|| D::Error::missing_field("text"))?,
            }),
            "card" => Ok(Block::Card(Card {
                id: raw.id,
                title: raw.title,
                tech_icons: raw.tech_icons,
                other_tech: raw.other_tech,
                repository: raw.repository,
                body: raw.body.unwrap_or_default(),
                extra: raw.extra,
                notation: raw.notation,
            })),
            "shortcode" => {
                if raw.source.is_none() && raw.name.is_empty() {
                    return Err(D::Error::missing_field("name"));
                }
                Ok(Block::Shortcode(Shortcode {
                    id: raw.id,
                    name: raw.name,
                    notation: raw.notation,
                    params: raw.params,
                    body: raw.body,
                    children: raw.children,
                    source: raw.source,
                }))
            }
            other => Err(D::Error::unknown_variant(
                other,
                &["markdown", "card", "shortcode"],
            )),
        }
    }
}

/// A `project-card`: what its Hugo template shows.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Card {
    /// As for [`Block::Markdown`].
    #[serde(default)]
    pub id: Option<usize>,
    /// The `title` parameter.
    #[serde(default)]
    pub title: String,
    /// Font Awesome brand names, one `fab fa-NAME` icon each.
    #[serde(default)]
    pub tech_icons: Vec<String>,
    /// Other technologies, one label each.
    #[serde(default)]
    pub other_tech: Vec<String>,
    /// `owner/repo` on GitHub, or `null`.
    #[serde(default)]
    pub repository: Option<String>,
    /// The card's Markdown, without the source's indentation.
    #[serde(default)]
    pub body: String,
    /// Any other named parameters, kept as written.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub extra: Map<String, Json>,
    /// Notation the card is written in (`angle` for `{{< >}}`, `percent` for `{{% %}}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notation: Option<Notation>,
}

/// Which delimiters a tag uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Notation {
    /// `{{< … >}}`: output merged in after Markdown rendering.
    Angle,
    /// `{{% … %}}`: output rendered as Markdown.
    Percent,
}

impl Notation {
    /// The opening delimiter.
    pub fn left(self) -> &'static str {
        match self {
            Notation::Angle => "{{<",
            Notation::Percent => "{{%",
        }
    }

    /// The closing delimiter.
    pub fn right(self) -> &'static str {
        match self {
            Notation::Angle => ">}}",
            Notation::Percent => "%}}",
        }
    }
}
