//! `folio.toml` at the site root: optional corrections to what Folio inferred from the
//! site's templates. Never required; documented in `docs/folio-toml.md`.
//!
//! ```toml
//! [shortcodes.card.fields.desc]
//! label = "Description"     # the field's label in the forms
//! widget = "markdown"       # text, markdown, words, commaList, url, image, flag, icons, choice
//! hidden = false            # true: no field for it (its value is kept as written)
//!
//! [shortcodes.card.fields.size]
//! widget = "choice"
//! choices = ["small", "large"]  # the words a choice offers (with any the template compares)
//!
//! [shortcodes.experience.fields.0]  # a positional parameter, by position
//! label = "Company logo"
//! ```
//!
//! A field the template does not read (one read through `.Params` as a whole, say) is
//! added by naming it.

use std::path::Path;

use serde_json::Value as Json;

use super::schema::{FieldKind, ParamKey, ParamSchema};
use super::Catalogue;
use crate::error::{Error, Result};

/// The file's name, at the site root.
pub const FILE: &str = "folio.toml";

/// The widgets `widget` may name.
const WIDGETS: [(&str, FieldKind); 9] = [
    ("text", FieldKind::Text),
    ("markdown", FieldKind::Markdown),
    ("words", FieldKind::Words),
    ("commaList", FieldKind::CommaList),
    ("url", FieldKind::Url),
    ("image", FieldKind::Image),
    ("flag", FieldKind::Flag),
    ("icons", FieldKind::Icons),
    ("choice", FieldKind::Choice),
];

/// Applies the site's `folio.toml`, when it has one, to `catalogue`.
///
/// # Errors
/// A syntax error in the file, or a value of the wrong type or an unknown widget, located
/// at `folio.toml:line:col`.
pub fn apply(root: &Path, catalogue: &mut Catalogue) -> Result<()> {
    let path = root.join(FILE);
    if !path.is_file() {
        return Ok(());
    }
    let src = crate::fs::read_text(&path)?;
    let doc = crate::formats::Tree::parse(&src, 0..src.len(), crate::formats::Format::Toml)
        .map_err(|e| e.at(&path, &src))?;
    let file = File { src, doc };
    let Some(shortcodes) = file.doc.get(&["shortcodes"]) else {
        return Ok(());
    };
    let Json::Object(names) = shortcodes.to_json() else {
        return Err(at(
            &path,
            &file.src,
            shortcodes.span.start,
            "`shortcodes` must be a table of shortcode names",
        ));
    };
    let mut count = 0usize;
    for (name, value) in names {
        let table = |k: &[&str]| file.doc.get(k).map_or(0, |n| n.span.start);
        if !value.is_object() {
            return Err(at(
                &path,
                &file.src,
                table(&["shortcodes", &name]),
                &format!("`shortcodes.{name}` must be a table (with a `fields` table)"),
            ));
        }
        let Some(fields) = file.doc.get(&["shortcodes", &name, "fields"]) else {
            continue;
        };
        let Json::Object(fields) = fields.to_json() else {
            return Err(at(
                &path,
                &file.src,
                fields.span.start,
                "`fields` must be a table of field names",
            ));
        };
        for (field, value) in fields {
            let key_path = ["shortcodes", name.as_str(), "fields", field.as_str()];
            if !value.is_object() {
                return Err(at(
                    &path,
                    &file.src,
                    table(&key_path),
                    &format!("`{field}` must be a table: label, widget, choices, hidden"),
                ));
            }
            count += 1;
            if count > MAX_FIELDS {
                return Err(at(&path, &file.src, table(&key_path), &format!("more than {MAX_FIELDS} fields: folio.toml corrects a few fields, it does not list them all")));
            }
            apply_field(&path, &file, &key_path, catalogue)?;
        }
    }
    Ok(())
}

/// Fields a `folio.toml` may correct, at most.
pub const MAX_FIELDS: usize = 1000;

/// The parsed file.
struct File {
    src: String,
    doc: crate::formats::Tree,
}

fn apply_field(
    path: &Path,
    file: &File,
    key_path: &[&str; 4],
    catalogue: &mut Catalogue,
) -> Result<()> {
    let [_, name, _, field] = *key_path;
    let get = |k: &str| {
        let mut p = key_path.to_vec();
        p.push(k);
        file.doc.get(&p).map(|n| (n.span.start, n.to_json()))
    };
    let Some(template) = catalogue.get_mut(name) else {
        // A shortcode the site does not have: nothing to correct (`folio check` reports
        // calls of unknown shortcodes).
        return Ok(());
    };
    let key = match field.parse::<usize>() {
        Ok(i) => ParamKey::Positional(i),
        Err(_) => ParamKey::Named(field.to_string()),
    };
    let param = param_mut(&mut template.schema, key);
    let wrong = |offset: usize, message: &str| at(path, &file.src, offset, message);
    if let Some((offset, v)) = get("label") {
        let Json::String(label) = v else {
            return Err(wrong(offset, "`label` must be a string"));
        };
        param.label = Some(label);
    }
    if let Some((offset, v)) = get("hidden") {
        let Json::Bool(hidden) = v else {
            return Err(wrong(offset, "`hidden` must be true or false"));
        };
        param.hidden = hidden;
    }
    if let Some((offset, v)) = get("choices") {
        let words =
            string_list(v).ok_or_else(|| wrong(offset, "`choices` must be a list of strings"))?;
        // The site's words first, then any other the template compares with.
        let learned = std::mem::replace(&mut param.choices, words);
        for w in learned {
            if !param.choices.contains(&w) {
                param.choices.push(w);
            }
        }
    }
    if let Some((offset, v)) = get("widget") {
        let kind = v
            .as_str()
            .and_then(|w| WIDGETS.iter().find(|(n, _)| *n == w))
            .map(|(_, k)| *k)
            .ok_or_else(|| {
                let names: Vec<&str> = WIDGETS.iter().map(|(n, _)| *n).collect();
                wrong(
                    offset,
                    &format!("`widget` must be one of {}", names.join(", ")),
                )
            })?;
        if kind == FieldKind::Choice && param.choices.is_empty() {
            return Err(wrong(
                offset,
                "a `choice` widget needs `choices`, the words it offers",
            ));
        }
        param.kind = kind;
    }
    Ok(())
}

/// A JSON list of strings, or `None` for anything else.
fn string_list(v: Json) -> Option<Vec<String>> {
    match v {
        Json::Array(list) => list
            .into_iter()
            .map(|w| match w {
                Json::String(w) => Some(w),
                _ => None,
            })
            .collect(),
        _ => None,
    }
}

/// The schema's parameter `key`, added (as text) when the template does not read it.
fn param_mut(schema: &mut super::Schema, key: ParamKey) -> &mut ParamSchema {
    let at = match schema.params.iter().position(|p| p.key == key) {
        Some(at) => at,
        None => {
            schema.params.push(ParamSchema {
                key,
                kind: FieldKind::Text,
                default: None,
                label: None,
                variable: None,
                hidden: false,
                boolean: false,
                number: false,
                choices: Vec::new(),
                test: super::schema::FlagTest::TRUTH,
                unset_on: false,
            });
            schema.params.len() - 1
        }
    };
    #[allow(
        clippy::indexing_slicing,
        reason = "`at` is a position in `params` or the index of the one just pushed"
    )]
    &mut schema.params[at]
}

fn at(path: &Path, src: &str, offset: usize, message: &str) -> Error {
    crate::error::SyntaxError::new(offset, message).at(path, src)
}
