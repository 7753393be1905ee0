//! Hugo's built-in shortcodes, rendered with the elements and attributes of Hugo's own
//! templates (`tpl/tplimpl/embedded/templates/_shortcodes/` in Hugo 0.168), when the site
//! does not define one of the same name:
//!
//! - `qr`: the code as an image in the page (an SVG `data:` URL; Hugo writes a PNG file),
//!   as large as Hugo's;
//! - `comment`: nothing, with Hugo's warning that it is deprecated;
//! - `highlight`: the code highlighted as Hugo's Chroma does (`render/highlight`), with
//!   its options (`linenos`, `hl_lines`, `anchorlinenos`…);
//! - `youtube`, `vimeo`, `x`, `instagram` (and the `_simple` kinds of `vimeo` and `x`):
//!   offline, a link card to the same address saying so (the preview makes no network
//!   request; Hugo embeds the player or post);
//! - `gist`, `twitter`, `tweet`, `twitter_simple` (removed in Hugo 0.156) and
//!   `instagram_simple` (0.123): Hugo's error, as a site template's `errorf` is shown
//!   ([`crate::templates::builtin::removed`]).
//!
//! Each names the source of its rule; `figure` and `details` are templates Folio runs as
//! a site's ([`crate::templates::builtin::FIGURE`], [`crate::templates::builtin::DETAILS`]);
//! other built-ins (`param` has its own renderer) show as labelled placeholders.

use maud::{html, Markup};

use crate::templates::engine::objects::RefArgs;

/// The built-ins Folio renders as Hugo's templates do (the embeds are link cards instead).
pub(super) const AS_HUGO: &[&str] = &[
    "figure",
    "details",
    "highlight",
    "qr",
    "ref",
    "relref",
    "comment",
];

/// Hugo 0.168's warning of a `comment` call (`_shortcodes/comment.html`, which prints
/// nothing of its body), and what that means for the page.
const COMMENT_DEPRECATED: &str = "The \"comment\" shortcode was deprecated in v0.143.0 and \
     will be removed in a future release. Please use HTML comments instead (Hugo prints \
     nothing of its text: it is not on the page)";

use super::{highlight, Renderer};

/// The address and label of an embed's link card, from its shortcode's parameters
/// (`get(name, position)`), or `None` when the parameters name nothing.
fn embed(name: &str, get: impl Fn(&str, usize) -> Option<String>) -> Option<(String, String)> {
    let id = |pos| get("id", pos);
    Some(match name {
        "youtube" => {
            let id = id(0)?;
            (
                format!("https://www.youtube.com/watch?v={id}"),
                "YouTube video".into(),
            )
        }
        "vimeo" | "vimeo_simple" => {
            let id = id(0)?;
            (format!("https://vimeo.com/{id}"), "Vimeo video".into())
        }
        "x" | "x_simple" => {
            let (user, id) = (get("user", 0)?, id(1)?);
            (
                format!("https://x.com/{user}/status/{id}"),
                format!("Post by @{user} on X"),
            )
        }
        "instagram" => {
            let id = id(0)?;
            (
                format!("https://www.instagram.com/p/{id}/"),
                "Instagram post".into(),
            )
        }
        _ => return None,
    })
}

#[allow(
    clippy::indexing_slicing,
    reason = "`i` is always an index into `self.src.shortcodes.all`, which \
              `Shortcodes::parse` built from `self.src.text`"
)]
impl Renderer<'_> {
    /// A built-in shortcode's output, when `i` calls one Folio renders and the site has not
    /// replaced it with its own template.
    pub(super) fn builtin(&mut self, i: usize) -> Option<String> {
        let sc = &self.src.shortcodes.all[i];
        let name = sc.name().to_ascii_lowercase();
        if !self.src.catalogue.hugo_own_in(&name, self.lang()) {
            return None;
        }
        if let Some((file, message)) = crate::templates::builtin::removed(&name) {
            let problem = crate::templates::engine::Problem::unlocated(file, message);
            return Some(self.fallback(i, &problem));
        }
        let get = |key: &str, pos: usize| -> Option<String> {
            let tag = &sc.open;
            let p = if tag.is_named() {
                tag.get(key)
            } else {
                tag.params.get(pos)
            };
            p.map(|p| p.value.clone()).filter(|v| !v.is_empty())
        };
        // An embed the site turns off: Hugo's template writes nothing.
        if let Some(service) = crate::templates::builtin::embed_service(&name) {
            if self.embed_disabled(service) {
                return Some(String::new());
            }
        }
        let inner = self.inner(i);
        let named = sc.open.is_named();
        if let Some(message) = crate::templates::builtin::call_error(&name, named, &get, &inner) {
            let problem = crate::templates::engine::Problem::unlocated(
                format!("_shortcodes/{name}.html"),
                message,
            );
            return Some(self.fallback(i, &problem));
        }
        match name.as_str() {
            "highlight" => Some(self.highlight(i)),
            "qr" => Some(self.qr(i)),
            "ref" | "relref" => Some(self.reference(i, name == "ref")),
            // Hugo's `comment.html` warns and prints nothing of its body.
            "comment" => {
                Some(self.note_surprises(i, vec![COMMENT_DEPRECATED.to_string()], String::new()))
            }
            other => {
                let (href, label) = embed(other, get)?;
                // Said to `folio check` too (review 59a: the preview said it, check not).
                if self.depth == 0 {
                    let why = format!(
                        "Hugo embeds the {label} here from its site; the preview and the \
                         export show a link to it ({href}), as Folio makes no network request"
                    );
                    self.surprises
                        .push((sc.span.start, super::Surprise::Hugo(why)));
                }
                Some(link_card(&href, &label))
            }
        }
    }

    /// `ref` and `relref` (Hugo's `ref.html`, `relref.html`): the URL of the page the
    /// call names ([`ref_args`]), absolute for `ref`; nothing when it names none, where
    /// Hugo stops the build (`folio check` says so: of a call in the page, from the page; of
    /// one in a text a template renders, from the problem this records, which fails the
    /// call rendering the text). Another output format's link is the page's HTML, said
    /// ([`RefArgs::unfollowed_format`]).
    fn reference(&mut self, i: usize, absolute: bool) -> String {
        let args = ref_args(&self.src.shortcodes.all[i].open);
        let (Some(hugo), Some(args)) = (self.opts.hugo.as_deref(), args) else {
            return String::new();
        };
        let url = if absolute {
            hugo.absref(&args)
        } else {
            hugo.relref(&args)
        };
        let name = if absolute { "ref" } else { "relref" };
        // Said beside the block, not in the text: the call is often a link's destination.
        if let (Some(why), 0) = (args.unfollowed_format(name), self.depth) {
            let at = self.src.shortcodes.all[i].span.start;
            self.surprises.push((at, super::Surprise::Hugo(why)));
        }
        match url {
            Ok(u) => crate::text::html_template_text(&u),
            Err(e) => {
                if self.depth > 0 {
                    let problem = crate::templates::engine::Problem::unlocated(
                        name,
                        format!("REF_NOT_FOUND: {e}"),
                    );
                    let at = self.src.shortcodes.all[i].span.start;
                    self.template_problems.push((at, problem));
                }
                String::new()
            }
        }
    }

    /// Whether the site turns the embed `service` off (`.Site.Config.Privacy.X.Disable`).
    fn embed_disabled(&self, service: &str) -> bool {
        let Some(hugo) = self.opts.hugo.as_deref() else {
            return false;
        };
        let disable = ["Config", "Privacy", service, "Disable"]
            .iter()
            .try_fold(&hugo.site, |v, f| v.field(f));
        matches!(disable, Some(gotmpl::Value::Bool(true)))
    }

    /// A named parameter's value, `None` when absent or empty (Hugo's `with .Get`).
    fn named(&self, i: usize, key: &str) -> Option<String> {
        named(&self.src.shortcodes.all[i].open, key)
    }

    /// `qr` (Hugo's `qr.html`): the code of `text` (or the trimmed inner text) as an image
    /// in the page itself; what Hugo refuses (no text, an unknown level, a scale under 2)
    /// is said instead.
    fn qr(&mut self, i: usize) -> String {
        let text = self
            .named(i, "text")
            .unwrap_or_else(|| self.inner(i).trim().to_string());
        let level = self.named(i, "level").unwrap_or_else(|| "medium".into());
        let scale = self.named(i, "scale").unwrap_or_else(|| "4".into());
        // What Hugo refuses was said before ([`crate::templates::builtin::call_error`]).
        let image = qr_level(&level)
            .zip(scale.parse::<u32>().ok())
            .and_then(|(level, scale)| qr_image(&text, level, scale));
        match image {
            Some((src, size)) => html! {
                img src=(src) width=(size) height=(size) alt=[self.named(i, "alt")]
                    class=[self.named(i, "class")] id=[self.named(i, "id")]
                    title=[self.named(i, "title")] loading=[self.named(i, "loading")];
            },
            None => html! {
                span.folio-error role="note" { "the text is too long for a QR code" }
            },
        }
        .into_string()
    }

    /// `highlight LANG "OPTIONS"` (Hugo's `highlight.html`: `highlight (trim .InnerDeindent "\n\r")
    /// (.Get 0) (.Get 1)`), highlighted as Hugo highlights it (`render/highlight`). Options
    /// Hugo cannot read stop its build: the code is then shown plain, with the reason.
    fn highlight(&mut self, i: usize) -> String {
        let tag = &self.src.shortcodes.all[i].open;
        let params = &tag.params;
        // `.Get 0` of named parameters is nothing: Hugo's template reads positions only.
        let param = |n: usize| {
            params
                .get(n)
                .filter(|_| !tag.is_named())
                .map(|p| p.value.clone())
                .unwrap_or_default()
        };
        // Hugo's template passes the options only when there are exactly two parameters.
        let lang = param(0);
        let written = if params.len() == 2 {
            param(1)
        } else {
            String::new()
        };
        let inner = self.inner(i);
        let code = crate::templates::engine::objects::deindent(&inner, self.indentation(i));
        let code = code.trim_matches(['\r', '\n']);
        let settings = self.opts.markup.highlight;
        match highlight::Options::parse(settings, &written) {
            Ok(options) => highlight::highlight(code, &lang, &options, &[]),
            Err(problem) => {
                let plain = highlight::highlight(code, "", &highlight::Options::new(settings), &[]);
                let note = html! {
                    span.folio-error role="note" { "highlight: " (problem) " (Hugo stops the build)" }
                };
                format!("{}{plain}", note.into_string())
            }
        }
    }
}

/// The QR code of `text` as an SVG `data:` URL and its size in pixels: `scale` pixels a
/// module, with the four-module quiet zone Hugo's `images.QR` draws.
fn qr_image(text: &str, level: qrcode::EcLevel, scale: u32) -> Option<(String, usize)> {
    let (modules, width) = qr_modules(text, level)?;
    let size = (width + 8) * scale as usize;
    let svg = qrcode::render::Renderer::<qrcode::render::svg::Color>::new(&modules, width, 4)
        .quiet_zone(true)
        .module_dimensions(scale, scale)
        .build();
    let data = percent_encoding::utf8_percent_encode(&svg, percent_encoding::NON_ALPHANUMERIC);
    Some((format!("data:image/svg+xml,{data}"), size))
}

/// The modules of `text`'s QR code, row by row, and how many a side, as Hugo's
/// `images.QR` makes them (`rsc.io/qr`, `Encode`): the whole text in one mode (numeric,
/// else alphanumeric, else bytes), the smallest version that holds it at `level`, and
/// mask 0 (`rsc.io/qr` picks no other), where the `qrcode` crate would mix modes and pick
/// the mask of least penalty (review 59a, 8: the same size, another pattern).
fn qr_modules(text: &str, level: qrcode::EcLevel) -> Option<(Vec<qrcode::Color>, usize)> {
    use qrcode::canvas::{Canvas, MaskPattern};
    const ALPHANUMERIC: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    let bytes = text.as_bytes();
    let numeric = bytes.iter().all(u8::is_ascii_digit);
    let alphanumeric = bytes.iter().all(|b| ALPHANUMERIC.contains(b));
    (1..=40).find_map(|v| {
        let version = qrcode::Version::Normal(v);
        let mut bits = qrcode::bits::Bits::new(version);
        match (numeric, alphanumeric) {
            (true, _) => bits.push_numeric_data(bytes),
            (false, true) => bits.push_alphanumeric_data(bytes),
            _ => bits.push_byte_data(bytes),
        }
        .and_then(|()| bits.push_terminator(level))
        .ok()?;
        let (data, ec) =
            qrcode::ec::construct_codewords(&bits.into_bytes(), version, level).ok()?;
        let mut canvas = Canvas::new(version, level);
        canvas.draw_all_functional_patterns();
        canvas.draw_data(&data, &ec);
        canvas.apply_mask(MaskPattern::Checkerboard);
        Some((canvas.into_colors(), usize::try_from(version.width()).ok()?))
    })
}

/// A named parameter's value, `None` when absent or empty (Hugo's `with .Get`).
/// What a `ref` or `relref` call gives Hugo's `ref` (its `.Params`, `ref.html`): the
/// first positional value (and the second, the output format), or the named `path`,
/// `lang` and `outputFormat` (read in any case, as `mapstructure` reads them); `None` for
/// a call with no parameter.
pub(crate) fn ref_args(tag: &crate::page::lexer::Tag) -> Option<RefArgs> {
    if !tag.is_named() {
        // A list of text: the reference, then the output format (Hugo's `decodeRefArgs`).
        return tag.params.first().map(|p| RefArgs {
            output_format: tag.params.get(1).map(|f| f.value.clone()),
            ..RefArgs::path(p.value.clone())
        });
    }
    let get = |key: &str| named_in_any_case(tag, key).map(|p| p.value.clone());
    // Without a path, nothing is linked, as Hugo gives an empty reference (review 51d, 4).
    Some(RefArgs {
        path: get("path").unwrap_or_default(),
        lang: get("lang"),
        output_format: get("outputFormat"),
    })
}

/// The parameter of a `ref` or `relref` call that holds its reference ([`ref_args`]): the
/// first positional one, or the named `path`.
pub(crate) fn reference_param(tag: &crate::page::lexer::Tag) -> Option<&crate::page::lexer::Param> {
    if tag.is_named() {
        named_in_any_case(tag, "path")
    } else {
        tag.params.first()
    }
}

/// The named parameter `key` of `tag` in any case, the last of a name given twice.
fn named_in_any_case<'t>(
    tag: &'t crate::page::lexer::Tag,
    key: &str,
) -> Option<&'t crate::page::lexer::Param> {
    tag.params.iter().rev().find(|p| {
        p.key
            .as_ref()
            .is_some_and(|(k, _)| k.eq_ignore_ascii_case(key))
    })
}

fn named(tag: &crate::page::lexer::Tag, key: &str) -> Option<String> {
    let p = tag.get(key)?;
    Some(p.value.clone()).filter(|v| !v.is_empty())
}

/// Hugo's `qr` levels by name.
fn qr_level(name: &str) -> Option<qrcode::EcLevel> {
    Some(match name {
        "low" => qrcode::EcLevel::L,
        "medium" => qrcode::EcLevel::M,
        "quartile" => qrcode::EcLevel::Q,
        "high" => qrcode::EcLevel::H,
        _ => return None,
    })
}

/// An embed shown offline: a titled link to where it lives.
fn link_card(href: &str, label: &str) -> String {
    let markup: Markup = html! {
        div.folio-embed role="note" {
            a href=(href) { (label) }
            " "
            span.folio-embed-note { "(shown as a link: the preview makes no network request)" }
        }
    };
    markup.into_string()
}
