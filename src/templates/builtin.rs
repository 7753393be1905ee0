//! Hugo's built-in shortcodes (Hugo 0.168, `tpl/tplimpl/embedded/templates/_shortcodes/`
//! and `highlight`, `ref` written in Go), with the parameters Hugo's documentation gives
//! (gohugo.io, "Shortcodes"). A site's template of the same name overrides them.

use super::schema::{FieldKind, FlagTest, FlagWords, InnerKind, ParamKey, ParamSchema, Schema};

/// `(name, paired, parameters)`; a parameter is `"name:kind"` or `"#N:kind"` (positional).
/// A flag of Hugo's own templates is `flag+`, on only for `true`, `"true"` or `1`, or
/// `flag-`, on (its default) unless `false`, `"false"` or `0`: `in (slice "true" true 1)`
/// then `in (slice "false" false 0)` (`_shortcodes/youtube.html`, `details.html`).
const BUILT_IN: &[(&str, bool, &[&str])] = &[
    ("comment", true, &[]),
    (
        "details",
        true,
        &[
            "summary:markdown",
            "open:flag+",
            "class:text",
            "name:text",
            "title:text",
        ],
    ),
    (
        "figure",
        false,
        &[
            "src:image",
            "link:url",
            "target:text",
            "rel:text",
            "alt:text",
            "title:text",
            "caption:markdown",
            "class:text",
            "height:text",
            "width:text",
            "loading:text",
            "attr:markdown",
            "attrlink:url",
        ],
    ),
    ("gist", false, &["#0:text", "#1:text", "#2:text"]),
    ("highlight", true, &["#0:text", "#1:text"]),
    ("instagram", false, &["#0:text"]),
    ("param", false, &["#0:text"]),
    (
        "qr",
        true,
        &[
            "text:text",
            "level:text",
            "scale:text",
            "targetDir:text",
            "alt:text",
            "class:text",
            "id:text",
            "loading:text",
            "title:text",
        ],
    ),
    (
        "ref",
        false,
        &[
            "#0:text",
            "#1:text",
            "path:text",
            "lang:text",
            "outputFormat:text",
        ],
    ),
    (
        "relref",
        false,
        &[
            "#0:text",
            "#1:text",
            "path:text",
            "lang:text",
            "outputFormat:text",
        ],
    ),
    (
        "vimeo",
        false,
        &[
            "#0:text",
            "id:text",
            "class:text",
            "title:text",
            "loading:text",
            "allowFullScreen:flag-",
        ],
    ),
    ("x", false, &["user:text", "id:text"]),
    // Removed (see `removed`): kept so that calls of them pair and name their parameters.
    ("tweet", false, &["user:text", "id:text"]),
    ("twitter", false, &["user:text", "id:text"]),
    ("x_simple", false, &["user:text", "id:text"]),
    ("twitter_simple", false, &["user:text", "id:text"]),
    ("vimeo_simple", false, &["#0:text", "id:text", "class:text"]),
    ("instagram_simple", false, &["#0:text", "#1:text"]),
    (
        "youtube",
        false,
        &[
            "#0:text",
            "id:text",
            "title:text",
            "class:text",
            "autoplay:flag+",
            "controls:flag-",
            "loop:flag+",
            "mute:flag+",
            "start:text",
            "end:text",
            "loading:text",
            "allowFullScreen:flag-",
        ],
    ),
];

/// Hugo's error for a built-in shortcode it removed: its embedded template is only this
/// `errorf`, so a page that calls it does not build (`_shortcodes/gist.html`,
/// `_shortcodes/twitter.html` and `twitter_simple.html`, with `tweet` an alias of
/// `twitter`: `tpl/tplimpl/templates.go`; `_shortcodes/instagram_simple.html`). With the file Hugo reports it in.
pub fn removed(name: &str) -> Option<(&'static str, &'static str)> {
    const TWITTER: &str = "The \"twitter\", \"tweet\", and \"twitter_simple\" shortcodes were \
        deprecated in v0.142.0 and removed in v0.156.0. Please use the \"x\" shortcode instead.";
    match name {
        "gist" => Some((
            "_shortcodes/gist.html",
            "The \"gist\" shortcode was deprecated in v0.143.0 and removed in v0.156.0.",
        )),
        "twitter" | "tweet" => Some(("_shortcodes/twitter.html", TWITTER)),
        "twitter_simple" => Some(("_shortcodes/twitter_simple.html", TWITTER)),
        "instagram_simple" => Some((
            "_shortcodes/instagram_simple.html",
            "The \"instagram_simple\" shortcode was removed in v0.123.0. Use the \"instagram\" shortcode instead.",
        )),
        _ => None,
    }
}

/// Why Hugo 0.168's own shortcode `name` stops the build for a call (the `errorf`s of its
/// `_shortcodes/NAME.html`, in its words less "See POSITION"), or `None`. `get(key,
/// position)` gives the call's named parameter `key` when it is named, else its
/// positional one, `None` when empty; `named` says which; `inner` is its body. The embeds'
/// errors are not made when the site turns the service off (`privacy.youtube.disable`:
/// Hugo's template then writes nothing, see [`embed_service`]).
pub fn call_error(
    name: &str,
    named: bool,
    get: &dyn Fn(&str, usize) -> Option<String>,
    inner: &str,
) -> Option<String> {
    let id = || get("id", 0);
    Some(match name {
        "youtube" if id().is_none() => {
            "The \"youtube\" shortcode requires an id argument".to_string()
        }
        "vimeo" if id().is_none() => "The \"vimeo\" shortcode requires a video id, either as \
            the first positional argument or an argument named id"
            .to_string(),
        "vimeo_simple" if id().is_none() => format!(
            "The \"vimeo_simple\" shortcode requires a single {} parameter, the ID of the \
             Vimeo video",
            if named { "named" } else { "positional" }
        ),
        "instagram" if named || id().is_none() => "The \"instagram\" shortcode requires a \
            single positional parameter, the ID of the Instagram post"
            .to_string(),
        "x" | "x_simple" if !named || get("user", 0).is_none() || id().is_none() => {
            format!("The \"{name}\" shortcode requires two named parameters: user and id")
        }
        "qr" => {
            let text = get("text", usize::MAX).unwrap_or_else(|| inner.trim().to_string());
            let level = get("level", usize::MAX).unwrap_or_else(|| "medium".into());
            let scale = get("scale", usize::MAX).unwrap_or_else(|| "4".into());
            if text.is_empty() {
                "The \"qr\" shortcode requires a \"text\" argument".to_string()
            } else if !QR_LEVELS.contains(&level.as_str()) {
                "The \"level\" argument passed to the \"qr\" shortcode must be one of low, \
                 medium, quartile, or high"
                    .to_string()
            } else if scale.parse::<u32>().map_or(true, |s| s < 2) {
                "The \"scale\" argument passed to the \"qr\" shortcode must be an integer \
                 greater than or equal to 2"
                    .to_string()
            } else {
                return None;
            }
        }
        _ => return None,
    })
}

/// The levels of error correction Hugo's `qr` takes (`_shortcodes/qr.html`).
pub const QR_LEVELS: &[&str] = &["low", "medium", "quartile", "high"];

/// The `privacy` service of an embed (`youtube` → `YouTube`), as `.Site.Config.Privacy`
/// names it; `None` for a shortcode that is no embed.
pub fn embed_service(name: &str) -> Option<&'static str> {
    Some(match name {
        "youtube" => "YouTube",
        "vimeo" | "vimeo_simple" => "Vimeo",
        "instagram" => "Instagram",
        "x" | "x_simple" => "X",
        _ => return None,
    })
}

/// Every built-in shortcode and its schema, in name order.
pub fn all() -> impl Iterator<Item = (&'static str, Schema)> {
    BUILT_IN.iter().map(|(name, paired, params)| {
        let params = params.iter().map(|p| param(p)).collect();
        (
            *name,
            Schema {
                paired: *paired,
                params,
                reads_all_params: false,
                legacy_markup: false,
                // `details` renders its body with `.Page.RenderString`; `highlight` is
                // Go code that highlights it; `qr` encodes it, `comment` drops it.
                inner: match *name {
                    "details" => Some(InnerKind::Markdown),
                    "highlight" => Some(InnerKind::Code),
                    _ => None,
                },
                parent_params: Vec::new(),
                reads_ancestor_params: false,
            },
        )
    })
}

/// Folio's Go template for Hugo's `figure` (run by Folio's engine as a site's template
/// is): the output of Hugo 0.168's `_shortcodes/figure.html` byte for byte, its white
/// space too (a `{{% %}}` call's output is Markdown, where a newline matters, and one is
/// the space between a caption and its `attrlink`). `src` is the page's resource or the
/// `assets/` file of its path (query and fragment dropped) when there is one; the `alt`
/// made from the caption is its text as HTML. Checked against Hugo 0.168 in the tests.
pub const FIGURE: &str = concat!(
    r#"<figure{{ with .Get "class" }} class="{{ . }}"{{ end }}>"#,
    r#"{{ with .Get "link" }}<a href="{{ . }}"{{ with $.Get "target" }} target="{{ . }}"{{ end }}"#,
    r#"{{ with $.Get "rel" }} rel="{{ . }}"{{ end }}>{{ end }}"#,
    r#"{{ $url := urls.Parse (.Get "src") }}{{ $src := $url.String }}"#,
    r#"{{ if not $url.IsAbs }}{{ with or (.Page.Resources.Get $url.Path) (resources.Get $url.Path) }}"#,
    r#"{{ $src = .RelPermalink }}{{ end }}{{ end }}"#,
    r#"<img src="{{ $src }}"{{ if or (.Get "alt") (.Get "caption") }}"#,
    "\n\t\t\t",
    r#"alt="{{ with .Get "alt" }}{{ . }}{{ else }}{{ .Get "caption" | markdownify | plainify }}{{ end }}""#,
    r#"{{ end }}{{ with .Get "width" }} width="{{ . }}"{{ end }}"#,
    r#"{{ with .Get "height" }} height="{{ . }}"{{ end }}"#,
    r#"{{ with .Get "loading" }} loading="{{ . }}"{{ end }}>{{ if .Get "link" }}</a>{{ end }}"#,
    r#"{{ if or (.Get "title") (.Get "caption") (.Get "attr") }}<figcaption>"#,
    "\n\t\t\t",
    r#"{{ with .Get "title" }}<h4>{{ . }}</h4>{{ end }}"#,
    r#"{{ if or (.Get "caption") (.Get "attr") }}<p>{{ .Get "caption" | markdownify }}"#,
    r#"{{ with .Get "attrlink" }}"#,
    "\n\t\t\t\t\t\t",
    r#"<a href="{{ . }}">{{ end }}{{ .Get "attr" | markdownify }}"#,
    r#"{{ if .Get "attrlink" }}</a>{{ end }}</p>{{ end }}"#,
    "\n\t\t</figcaption>{{ end }}\n</figure>\n",
);

/// Folio's Go template for Hugo's `details`, giving Hugo 0.168's `_shortcodes/details.html`
/// output byte for byte: it starts with a newline and indents its summary and body with a
/// tab, which matter where the output is Markdown (a `{{% %}}` call in a list item: hunt
/// AP, 4). `open` is on for `true`, `"true"` or `1`; the summary (default "Details") and
/// the body are rendered as the page's Markdown. Checked against Hugo 0.168 in the tests.
pub const DETAILS: &str = concat!(
    "\n<details",
    r#"{{ with .Get "class" }} class="{{ . }}"{{ end }}"#,
    r#"{{ with .Get "name" }} name="{{ . }}"{{ end }}"#,
    r#"{{ if in (slice "true" true 1) (.Get "open") }} open{{ end }}"#,
    r#"{{ with .Get "title" }} title="{{ . }}"{{ end }}>"#,
    "\n\t<summary>",
    r#"{{ or (.Get "summary") "Details" | .Page.RenderString }}</summary>"#,
    "\n\t",
    r#"{{ .Inner | .Page.RenderString (dict "display" "block") }}</details>"#,
    "\n",
);

/// The source Folio runs for Hugo's built-in shortcode `name`, as Hugo names its file
/// (`_shortcodes/figure.html`); `None` for those Folio renders in Rust (`render/builtins.rs`).
pub fn source(name: &str) -> Option<crate::templates::engine::TemplateFile> {
    let text = match name {
        "figure" => FIGURE,
        "details" => DETAILS,
        _ => return None,
    };
    Some(crate::templates::engine::TemplateFile {
        path: std::path::PathBuf::from(format!("_shortcodes/{name}.html")),
        source: text.into(),
    })
}

/// A flag of Hugo's templates on only for `true`, `"true"` or `1` (`flag+`).
pub const HUGO_ON: FlagTest = FlagTest {
    truth: false,
    on_when: FlagWords::ALL,
    off_when: FlagWords::NONE,
    as_text: false,
    default: None,
    default_by_or: false,
    isset: false,
};

/// A flag of Hugo's templates on unless `false`, `"false"` or `0` (`flag-`).
const HUGO_OFF: FlagTest = FlagTest {
    truth: false,
    on_when: FlagWords::NONE,
    off_when: FlagWords::ALL,
    as_text: false,
    default: None,
    default_by_or: false,
    isset: false,
};

fn param(spec: &str) -> ParamSchema {
    let (key, kind) = spec.split_once(':').unwrap_or((spec, "text"));
    let key = match key.strip_prefix('#').and_then(|n| n.parse().ok()) {
        Some(i) => ParamKey::Positional(i),
        None => ParamKey::Named(key.to_string()),
    };
    let kind_of = match kind {
        "markdown" => FieldKind::Markdown,
        "image" => FieldKind::Image,
        "url" => FieldKind::Url,
        "flag" | "flag+" | "flag-" => FieldKind::Flag,
        _ => FieldKind::Text,
    };
    let test = match kind {
        "flag+" => HUGO_ON,
        "flag-" => HUGO_OFF,
        _ => FlagTest::TRUTH,
    };
    ParamSchema {
        key,
        kind: kind_of,
        default: (kind == "flag-").then(|| "true".to_string()),
        label: None,
        variable: None,
        hidden: false,
        // `true` bare, as Hugo's documentation writes it.
        boolean: kind_of == FieldKind::Flag,
        number: false,
        choices: Vec::new(),
        test,
        unset_on: kind_of == FieldKind::Flag && test.is_on_unset(),
    }
}
