//! The functions and methods that read the page being rendered (the [`Frame`]): Hugo's
//! shortcode context (`.Get`, `hugolib/shortcode.go`), scratches (`.Scratch`, `.Store`,
//! `newScratch`: `common/maps/scratch.go`), `.Param`, `.RenderString`, `markdownify`,
//! `partial`, `i18n`, `site`, `hugo`, URLs against the site's `baseURL` (`tpl/urls`), time
//! (`tpl/time`), and `errorf`/`warnf` (`tpl/fmt`).
//!
//! [`Frame`]: crate::templates::engine::Frame

use std::sync::Arc;

use gotmpl::Value;

use super::super::objects;
use super::super::rewrite;
use super::super::time::Moment;
use super::super::values::{self, items, kind_of, map, string, to_string};
use super::{arg, go_string_arg, str_arg, strings, Func};
use crate::templates::engine::{self as engine, exec_error, HighlightOptions};
use crate::text;

/// Why a shortcode's container cannot be read: Hugo's nil pointer, as it words it
/// (`herrors`' "is nil; wrap it in if or with").
const NO_CONTAINER: &str =
    ".Parent is nil: this call is not inside another shortcode; wrap it in if or with";

pub(super) const FUNCS: &[(&str, Func)] = &[
    (".Get", get),
    (".Set", |a| {
        let (k, v) = (go_string_arg(a, 1, ".Set")?, arg(a, 2, ".Set")?.clone());
        engine::with_scratch(arg(a, 0, ".Set")?, |s| s.insert(k.into(), v))?;
        Ok(string(""))
    }),
    (".Add", |a| {
        // A time's `.Add DURATION` (Go's `time.Time.Add`); a scratch's `.Add KEY VALUE`.
        if kind_of(arg(a, 0, ".Add")?) == Some("time") {
            let zone = engine::frame()?.time_zone.clone();
            let m = time_arg(a, 0, ".Add")?;
            let d = arg(a, 1, ".Add")?;
            let nanos = match (kind_of(d), d) {
                (Some("duration"), _) => d.field("Nanoseconds").and_then(values::to_int),
                (_, Value::Int(n)) => Some(*n),
                _ => None,
            }
            .ok_or_else(|| exec_error(format!(".Add: {} is not a duration", to_string(d))))?;
            return m
                .add(i128::from(nanos), &zone)
                .map(Moment::to_value)
                .ok_or_else(|| exec_error(".Add: the date is out of range"));
        }
        let (k, v) = (go_string_arg(a, 1, ".Add")?, arg(a, 2, ".Add")?.clone());
        engine::with_scratch(arg(a, 0, ".Add")?, |s| {
            let next = match s.get(k.as_str()) {
                None => Ok(v),
                Some(Value::List(l)) => {
                    let mut l = l.to_vec();
                    match v {
                        Value::List(more) => l.extend(more.iter().cloned()),
                        v => l.push(v),
                    }
                    Ok(Value::List(l.into()))
                }
                // Not a list: Hugo's `DoArithmetic` (`1` and `"x"` stop the build).
                Some(existing) => super::collections::add_as(existing.clone(), v, ".Add"),
            }?;
            s.insert(k.into(), next);
            Ok::<_, gotmpl::TemplateError>(())
        })??;
        Ok(string(""))
    }),
    (".SetInMap", |a| {
        let (k, mk, v) = (
            go_string_arg(a, 1, ".SetInMap")?,
            go_string_arg(a, 2, ".SetInMap")?,
            arg(a, 3, ".SetInMap")?.clone(),
        );
        engine::with_scratch(arg(a, 0, ".SetInMap")?, |s| {
            let mut m = match s.get(k.as_str()) {
                Some(Value::Map(m)) => (**m).clone(),
                _ => Default::default(),
            };
            m.insert(mk.into(), v);
            s.insert(k.into(), Value::Map(Arc::new(m)));
        })?;
        Ok(string(""))
    }),
    (".DeleteInMap", |a| {
        let (k, mk) = (
            go_string_arg(a, 1, ".DeleteInMap")?,
            go_string_arg(a, 2, ".DeleteInMap")?,
        );
        engine::with_scratch(arg(a, 0, ".DeleteInMap")?, |s| {
            if let Some(Value::Map(m)) = s.get(k.as_str()) {
                let mut m = (**m).clone();
                m.remove(mk.as_str());
                s.insert(k.into(), Value::Map(Arc::new(m)));
            }
        })?;
        Ok(string(""))
    }),
    (".Delete", |a| {
        let k = go_string_arg(a, 1, ".Delete")?;
        engine::with_scratch(arg(a, 0, ".Delete")?, |s| s.remove(k.as_str()))?;
        Ok(string(""))
    }),
    (".Values", |a| {
        let m = engine::with_scratch(arg(a, 0, ".Values")?, |s| s.clone())?;
        Ok(Value::Map(Arc::new(m)))
    }),
    ("newScratch", |_| Ok(engine::frame()?.new_scratch())),
    (".Filename", |a| position_part(a, "Filename")),
    (".LineNumber", |a| position_part(a, "LineNumber")),
    (".ColumnNumber", |a| position_part(a, "ColumnNumber")),
    (".Param", param),
    (".RenderString", |a| {
        let (opts, md) = match a {
            [_, opts @ Value::Map(_), md] => (Some(opts), md),
            // Hugo's options are a map (`hugolib/page__content.go`): `"block"` stops it
            // (review 62d, r4).
            [_, _, _] => return Err(exec_error(".RenderString: first argument must be a map")),
            [_, md] => (None, md),
            _ => return Err(exec_error(".RenderString: want 1 or 2 arguments")),
        };
        let block = opts
            .and_then(|o| o.field("display"))
            .is_some_and(|d| to_string(d) == "block");
        if let Some(markup) = opts.and_then(|o| o.field("markup")) {
            render_string_markup(&to_string(markup))?;
        }
        let md = values::cast_string(md);
        let html = engine::frame()?
            .host
            .render_string(&md, block)
            .map_err(|e| exec_error(format!(".RenderString: {e}")))?;
        raw_html_omitted(&md, &html)?;
        Ok(values::html(html))
    }),
    // Rendered as the home page's text (`Site.Home().RenderString`): its render hooks see
    // the home page as `.Page`.
    ("markdownify transform.Markdownify", |a| {
        let md = values::cast_string(arg(a, 0, "markdownify")?);
        let frame = engine::frame()?;
        let html = frame
            .as_home_page_text(|| frame.host.markdownify(&md))
            .map_err(|e| exec_error(format!("markdownify: {e}")))?;
        raw_html_omitted(&md, &html)?;
        Ok(values::html(html))
    }),
    // `transform.Highlight CODE [LANG] [OPTIONS]`: a lone second argument is the options
    // when it is a map or holds `=` or `,` (tpl/transform/transform.go).
    ("highlight transform.Highlight", |a| {
        let code = str_arg(a, 0, "highlight")?;
        let as_options = |v: &Value| match v {
            Value::Map(_) => match values::to_json(v) {
                serde_json::Value::Object(m) => HighlightOptions::Map(m),
                _ => HighlightOptions::Written(String::new()),
            },
            v => HighlightOptions::Written(to_string(v)),
        };
        let (lang, options) = match a {
            [_] => (String::new(), HighlightOptions::Written(String::new())),
            [_, one] => {
                let text = to_string(one);
                if matches!(one, Value::Map(_)) || text.contains(['=', ',']) {
                    (String::new(), as_options(one))
                } else {
                    (text, HighlightOptions::Written(String::new()))
                }
            }
            [_, lang, options] => (to_string(lang), as_options(options)),
            _ => {
                return Err(exec_error(
                    "transform.Highlight: expects at most 3 arguments",
                ))
            }
        };
        let html = engine::frame()?
            .host
            .highlight(&code, &lang, options, &[])
            .map_err(|e| exec_error(format!("highlight: {e}")))?;
        engine::highlighted(&lang)?;
        Ok(values::html(html))
    }),
    ("transform.HighlightCodeBlock", highlight_code_block),
    ("transform.CanHighlight", |a| {
        let lang = str_arg(a, 0, "transform.CanHighlight")?;
        Ok(Value::Bool(crate::render::highlight::highlights(&lang)))
    }),
    // `page`: the page being rendered, as `.Page` (Hugo's global `page` function).
    ("page", |_| Ok(engine::frame()?.page.clone())),
    ("anchorize urls.Anchorize", |a| {
        Ok(string(engine::frame()?.host.anchorize(&str_arg(
            a,
            0,
            "anchorize",
        )?)))
    }),
    ("partial partials.Include", |a| {
        let name = str_arg(a, 0, "partial")?;
        engine::partial(&name, a.get(1).unwrap_or(&Value::Nil))
    }),
    ("partialCached partials.IncludeCached", |a| {
        let name = str_arg(a, 0, "partialCached")?;
        engine::partial_cached(
            &name,
            a.get(1).unwrap_or(&Value::Nil),
            a.get(2..).unwrap_or_default(),
        )
    }),
    ("return", |a| {
        engine::give_back(a.first().cloned().unwrap_or(Value::Nil))
    }),
    ("i18n T lang.Translate", |a| match a.len() {
        0..=2 => translate(a),
        n => Err(exec_error(format!(
            "i18n: wrong number of arguments, expecting at most 2, got {n}"
        ))),
    }),
    ("site", |_| Ok(engine::frame()?.site.clone())),
    ("hugo", hugo),
    ("ref urls.Ref", |a| reference(a, "ref", true)),
    ("relref urls.RelRef", |a| reference(a, "relref", false)),
    // A page's own `.Ref`/`.RelRef`: the page is the receiver, the reference the argument.
    (".Ref", |a| reference(a, ".Ref", true)),
    (".RelRef", |a| reference(a, ".RelRef", false)),
    (".GetPage", get_page),
    ("relURL urls.RelURL", |a| {
        Ok(string(site_url(&str_arg(a, 0, "relURL")?, false, false)?))
    }),
    ("absURL urls.AbsURL", |a| {
        Ok(string(site_url(&str_arg(a, 0, "absURL")?, true, false)?))
    }),
    ("relLangURL urls.RelLangURL", |a| {
        Ok(string(site_url(
            &str_arg(a, 0, "relLangURL")?,
            false,
            true,
        )?))
    }),
    ("absLangURL urls.AbsLangURL", |a| {
        Ok(string(site_url(&str_arg(a, 0, "absLangURL")?, true, true)?))
    }),
    ("lang.FormatNumber", |a| {
        let precision = locale_precision(a, "lang.FormatNumber")?;
        let n = number(a, 1, "lang.FormatNumber")?;
        Ok(string(format_number(n, precision, &page_locale()?)?))
    }),
    ("lang.FormatNumberCustom", |a| {
        let precision =
            usize::try_from(super::int_arg(a, 0, "lang.FormatNumberCustom")?).unwrap_or(0);
        // Hugo rounds by 10^precision, which past 308 is infinite: the number is NaN, and
        // its code slices "NaN" short of its decimals (`tpl/lang/lang.go`).
        if 10f64
            .powi(i32::try_from(precision).unwrap_or(i32::MAX))
            .is_infinite()
        {
            return Err(exec_error(format!(
                "lang.FormatNumberCustom: runtime error: slice bounds out of range [:-{}]",
                precision - 2
            )));
        }
        let n = number(a, 1, "lang.FormatNumberCustom")?;
        let opts = a.get(2).map_or_else(|| "- . ,".to_string(), to_string);
        let mut parts = opts.split(' ');
        let (minus, decimal, group) = (
            parts.next().unwrap_or("-"),
            parts.next().unwrap_or("."),
            parts.next().unwrap_or(""),
        );
        let text = grouped(n.abs(), precision, group, decimal);
        Ok(string(if n < 0.0 {
            format!("{minus}{text}")
        } else {
            text
        }))
    }),
    ("lang.FormatPercent", |a| {
        let precision = locale_precision(a, "lang.FormatPercent")?;
        let n = number(a, 1, "lang.FormatPercent")?;
        let locale = page_locale()?;
        let numbers = super::super::locale::numbers(&locale);
        Ok(string(
            numbers.percent(&format_number(n, precision, &locale)?),
        ))
    }),
    ("urls.Parse", |a| {
        let s = str_arg(a, 0, "urls.Parse")?;
        if let Some(e) = url_error(&s) {
            return Err(exec_error(format!("urls.Parse: parse \"{s}\": {e}")));
        }
        Ok(parse_url(&s))
    }),
    ("now time.Now", |_| Ok(Moment::now().to_value())),
    // `duration UNIT N`: N (an integer) of the unit (Hugo's `time.Duration`).
    ("duration time.Duration", |a| {
        let unit = str_arg(a, 0, "duration")?;
        let n = values::to_int(arg(a, 1, "duration")?)
            .ok_or_else(|| exec_error("duration: the number is not an integer"))?;
        let nanos = super::super::time::unit_nanos(&unit).ok_or_else(|| {
            exec_error(format!("duration: \"{unit}\" is not a valid duration unit"))
        })?;
        let total = i128::from(n) * nanos;
        if i64::try_from(total).is_err() {
            return Err(exec_error(format!(
                "duration: {n} {unit} is more than a duration holds (about 292 years)"
            )));
        }
        Ok(super::super::time::duration_value(total))
    }),
    ("time.ParseDuration", |a| {
        let text = str_arg(a, 0, "time.ParseDuration")?;
        super::super::time::parse_duration(&text)
            .map(super::super::time::duration_value)
            .map_err(|e| exec_error(format!("time.ParseDuration: {e}")))
    }),
    ("time", |a| as_time(a, "time")),
    ("time.AsTime", |a| as_time(a, "time.AsTime")),
    ("dateFormat", |a| format_time(a, "dateFormat")),
    ("time.Format", |a| format_time(a, "time.Format")),
    (".Format", |a| {
        // Of a map (a dict, params), its key `Format`, as Go reads `.Format` there; of
        // nothing, nothing.
        let recv = arg(a, 0, ".Format")?;
        if matches!(recv, Value::Nil) && a.len() == 1 {
            return Ok(Value::Nil);
        }
        if matches!(recv, Value::Map(_))
            && kind_of(recv).is_none()
            && objects::hugo_type(recv).is_none()
        {
            return match a.len() {
                1 => Ok(values::map_key(recv, "Format", "time").unwrap_or(Value::Nil)),
                _ => Err(exec_error("Format is not a method but has arguments")),
            };
        }
        if a.len() != 2 {
            return Err(exec_error(format!(
                "wrong number of args for Format: want 1 got {}",
                a.len().saturating_sub(1)
            )));
        }
        let m = Moment::from_value(arg(a, 0, ".Format")?, &engine::frame()?.time_zone)
            .ok_or_else(|| exec_error(".Format: not a time"))?;
        // Go's `Time.Format` takes a string: Go's template stops on anything else.
        let layout = match arg(a, 1, ".Format")? {
            Value::String(s) => s.to_string(),
            Value::Safe { s, .. } => s.to_string(),
            other => {
                return Err(exec_error(format!(
                    "expected string; found {}",
                    super::super::values::to_string(other)
                )))
            }
        };
        Ok(string(m.format(&layout)))
    }),
    (".AddDate", |a| {
        let m = time_arg(a, 0, ".AddDate")?;
        let n = |i| super::int_arg(a, i, ".AddDate");
        m.add_date(n(1)?, n(2)?, n(3)?, &engine::frame()?.time_zone)
            .map(Moment::to_value)
            .ok_or_else(|| exec_error(".AddDate: the date is out of range"))
    }),
    (".Before", |a| {
        Ok(Value::Bool(
            time_arg(a, 0, ".Before")?.instant() < time_arg(a, 1, ".Before")?.instant(),
        ))
    }),
    (".After", |a| {
        Ok(Value::Bool(
            time_arg(a, 0, ".After")?.instant() > time_arg(a, 1, ".After")?.instant(),
        ))
    }),
    (".Equal", |a| {
        Ok(Value::Bool(
            time_arg(a, 0, ".Equal")?.instant() == time_arg(a, 1, ".Equal")?.instant(),
        ))
    }),
    (".Sub", |a| {
        let (t, u) = (time_arg(a, 0, ".Sub")?, time_arg(a, 1, ".Sub")?);
        Ok(super::super::time::duration_value(
            t.instant() - u.instant(),
        ))
    }),
    (rewrite::PRINT, print_stringer),
    (rewrite::RUN_TIME_PRINTF, |a| {
        Ok(string(printf_at_run_time(a)?))
    }),
    (rewrite::NIL, |_| Ok(Value::Nil)),
    (rewrite::TEMPLATE_ELSEWHERE, |a| {
        let name = str_arg(a, 0, "template")?;
        Err(exec_error(format!(
            "{}template \"{name}\"` here: it runs a template of another file inside a tag, a \
             script, a style, a title or a textarea, whose text Go escapes for that place; \
             Folio runs one only in HTML text",
            super::CANNOT_RUN
        )))
    }),
    (rewrite::TEMPLATE, |a| {
        let name = str_arg(a, 0, "template")?;
        engine::run_template(&name, a.get(1).unwrap_or(&Value::Nil))
    }),
    (rewrite::TRUTH, |a| {
        let v = a.last().cloned().unwrap_or(Value::Nil);
        Ok(if values::is_zero_time(&v) {
            Value::Nil
        } else {
            v
        })
    }),
    // What `range` goes through: a params map's keys once each. Go stops at text, a float
    // and a bool (`walkRange` in `text/template/exec.go`), here at the value. (Of Hugo's
    // objects that Folio holds as maps, a date say, Go ranges over none: unsaid.)
    (rewrite::ENTRIES, |a| {
        let v = a.last().unwrap_or(&Value::Nil);
        let variables = a.first().filter(|_| a.len() > 1).and_then(values::to_int);
        match v {
            // A number gives one value a turn (Go 1.22's range over an integer).
            Value::Int(_) | Value::Uint(_) if variables.is_some_and(|n| n > 1) => {
                Err(exec_error(format!(
                    "can't use {} to iterate over more than one variable",
                    values::to_string(v)
                )))
            }
            Value::List(_) | Value::Map(_) | Value::Int(_) | Value::Uint(_) | Value::Nil => {
                Ok(values::without_aliases(v, false))
            }
            _ => Err(exec_error(format!(
                "range can't iterate over {}",
                values::to_string(v)
            ))),
        }
    }),
    // A command Go refuses to run, with Go's message ([`rewrite::NON_FUNCTION`]).
    (rewrite::NON_FUNCTION, |a| {
        Err(exec_error(
            a.first().map(values::to_string).unwrap_or_default(),
        ))
    }),
    (rewrite::FIELD, hugo_field),
    // A shortcode's container, to read a field of: Hugo's nil pointer fails there. Any
    // other holder's `Parent` is read as a field is ([`hugo_field`]).
    (rewrite::PARENT, |a| {
        let holder = arg(a, 0, rewrite::PARENT)?;
        if kind_of(holder) != Some("shortcode") {
            return hugo_field(&[string("Parent"), holder.clone()]);
        }
        match holder.field("Parent") {
            Some(Value::Nil) | None => Err(exec_error(NO_CONTAINER)),
            Some(parent) => Ok(parent.clone()),
        }
    }),
    // A variable holding a shortcode's container, to read a field of.
    (rewrite::CONTAINER, |a| {
        let field = str_arg(a, 0, rewrite::CONTAINER)?;
        match arg(a, 1, rewrite::CONTAINER)? {
            Value::Nil => Err(exec_error(format!(
                "nil pointer evaluating *hugolib.ShortcodeWithPage.{field}: {NO_CONTAINER}"
            ))),
            container => Ok(container.clone()),
        }
    }),
    // (A duration alone is a `fmt.Stringer` to Go's escaper: its text.)
    (rewrite::JS_VALUE, |a| {
        let v = a.last().unwrap_or(&Value::Nil);
        Ok(match kind_of(v) {
            Some("duration") => string(values::go_stringer(v).unwrap_or_default()),
            _ => js_value(v),
        })
    }),
    // Hugo's `TryValue`: `.Value`, and `.Err`, the error the call gave as Go's template
    // writes it (the head [`rewrite::head_tries`] wrote, then the function's own message).
    (rewrite::TRY, |a| {
        let name = str_arg(a, 0, rewrite::TRY)?;
        let head = str_arg(a, 1, rewrite::TRY)?;
        let args = a.get(2..).unwrap_or_default();
        let frame = engine::frame()?;
        let failed_before = frame.has_failure();
        let result = match super::all().get(name.as_str()) {
            Some(f) => f(args),
            None => Err(exec_error(super::why_not(&name))),
        };
        let message = match result {
            Ok(value) => return Ok(map([("Value", value), ("Err", Value::Nil)])),
            Err(gotmpl::TemplateError::Exec(message)) => message,
            Err(e) => e.to_string(),
        };
        // Not caught: what Folio cannot run (Hugo would have run it, so the page must say
        // so), and `errorf` (Hugo logs it and fails the build; it is no error to `try`).
        let folio_cannot =
            message.contains(super::CANNOT_RUN) || message.contains("Folio does not have Hugo's");
        if folio_cannot || message.contains("errorf: ") {
            return Err(exec_error(message));
        }
        if !failed_before {
            frame.forget_failure();
        }
        let own = message
            .split_once(": ")
            .filter(|(f, _)| super::all().contains_key(*f))
            .map_or(message.as_str(), |(_, rest)| rest);
        Ok(map([
            ("Value", Value::Nil),
            ("Err", string(format!("{head}{own}"))),
        ]))
    }),
    ("try", |a| {
        let value = arg(a, 0, "try")?.clone();
        Ok(map([("Value", value), ("Err", Value::Nil)]))
    }),
    (rewrite::FORMAT, |a| {
        let spec = str_arg(a, 0, rewrite::FORMAT)?;
        let value = a.get(1).cloned().unwrap_or(Value::Nil);
        Ok(string(directive(&spec, value)?))
    }),
    (rewrite::MONTH, |a| {
        let v = a.last().cloned().unwrap_or(Value::Nil);
        let month = v.field("Month").cloned().unwrap_or(Value::Nil);
        Ok(match (kind_of(&v), &month) {
            (Some("time"), Value::Int(m)) => {
                let names = super::super::locale::english().months;
                usize::try_from(*m - 1)
                    .ok()
                    .and_then(|i| names.get(i))
                    .map_or(month.clone(), |name| string(*name))
            }
            _ => month,
        })
    }),
    // Go's own `print` and `println` (`fmt.Sprint`, `fmt.Sprintln`), with floats written
    // as Go writes them: `gotmpl`'s write Rust's `2500000` for `2.5e+06`.
    ("print", |a| Ok(string(values::go_sprint(a, false)))),
    ("println", |a| Ok(string(values::go_sprint(a, true)))),
    (".UTC", |a| in_timezone(a, ".UTC", &jiff::tz::TimeZone::UTC)),
    (".Local", |a| {
        in_timezone(a, ".Local", &Moment::local_zone())
    }),
    ("errorf fmt.Errorf", |a| {
        Err(exec_error(format!("errorf: {}", sprintf(a))))
    }),
    // `erroridf ID FORMAT ARGS…`: an error the site may silence by its id (`ignoreLogs`),
    // and then the build goes on.
    ("erroridf fmt.Erroridf", |a| {
        arg(a, 1, "erroridf")?;
        if engine::frame()?.ignores(&to_string(arg(a, 0, "erroridf")?)) {
            return Ok(string(""));
        }
        Err(exec_error(format!(
            "erroridf: {}",
            sprintf(a.get(1..).unwrap_or_default())
        )))
    }),
    ("warnf fmt.Warnf", |a| {
        engine::warn(format!("the template warns (warnf): {}", sprintf(a)))?;
        Ok(string(""))
    }),
    // `warnidf ID FORMAT ARGS…`: the id names the warning for `ignoreLogs`, and is not
    // part of the message.
    ("warnidf fmt.Warnidf", |a| {
        arg(a, 1, "warnidf")?;
        if engine::frame()?.ignores(&to_string(arg(a, 0, "warnidf")?)) {
            return Ok(string(""));
        }
        let message = sprintf(a.get(1..).unwrap_or_default());
        engine::warn(format!("the template warns (warnidf): {message}"))?;
        Ok(string(""))
    }),
];

/// The Hugo version Folio follows (the parity tests' oracle).
pub const HUGO_VERSION: &str = "0.168.0";

/// The commit and build date of the Hugo release Folio follows (`hugo version` of 0.168.0):
/// `hugo.CommitHash` and `hugo.BuildDate`.
const HUGO_COMMIT: &str = "e27a6760c5547237f87d353aebe0580feadb20f4";
const HUGO_BUILD_DATE: &str = "2026-10-13T16:42:50Z";

/// The id of Hugo's warning "Raw HTML omitted while rendering" (`constants.WarnGoldmarkRawHTML`),
/// which a site silences in `ignoreLogs`: Folio's own words for it go with it.
pub(crate) const RAW_HTML_LOG: &str = "warning-goldmark-raw-html";

/// What Goldmark writes in place of raw HTML it omits (`unsafe` off).
pub(crate) const RAW_HTML_OMITTED: &str = "<!-- raw HTML omitted -->";

/// What the preview and `folio check` say of a call whose template rendered Markdown with
/// raw HTML that Goldmark omitted ([`raw_html_omitted`]).
pub(crate) const RAW_HTML_IN_MARKDOWN: &str = "Hugo omits the raw HTML in the text this call's \
     template renders as Markdown (markdownify, .RenderString), as \
     markup.goldmark.renderer.unsafe is off (its build warns \"Raw HTML omitted\"): write it \
     in Markdown, or set unsafe = true";

/// `.RenderString`'s `markup` option (hunt AQ-8), as Hugo resolves it
/// (`markup/markup.go`, `ResolveMarkup`, then its converters by name, in any case):
/// Markdown's names render here; Hugo's other converters (Org, and AsciiDoc, Pandoc and
/// reStructuredText, which run external tools) Folio cannot run, said as such (Hugo may
/// render them); any other name stops Hugo's build, in its words.
fn render_string_markup(markup: &str) -> gotmpl::Result<()> {
    let name = markup.to_lowercase();
    match name.as_str() {
        "markdown" | "goldmark" | "md" | "mdown" => Ok(()),
        "org" | "asciidoc" | "asciidocext" | "adoc" | "pandoc" | "pdc" | "rst" => {
            Err(exec_error(format!(
                "{}.RenderString`: it renders `{name}` with Hugo's {name} converter, which Folio \
                 does not have (it renders Markdown)",
                super::CANNOT_RUN
            )))
        }
        _ => Err(exec_error(format!(
            ".RenderString: no content renderer found for markup \"{markup}\""
        ))),
    }
}

/// Says, for the call being rendered, that Goldmark omitted raw HTML of the Markdown `md`
/// rendered as `html` (by `markdownify` or `.RenderString`; `unsafe` off: Hugo warns "Raw
/// HTML omitted while rendering" and writes `<!-- raw HTML omitted -->` in its place).
fn raw_html_omitted(md: &str, html: &str) -> gotmpl::Result<()> {
    if engine::frame()?.ignores(RAW_HTML_LOG) {
        return Ok(());
    }
    // More than the text itself holds (a user may type the marker). Counted with
    // `memmem`: every card's `markdownify` asks.
    static MARKER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(RAW_HTML_OMITTED));
    let count = |text: &str| MARKER.find_iter(text.as_bytes()).count();
    if count(html) > count(md) {
        engine::warn(RAW_HTML_IN_MARKDOWN.to_string())?;
    }
    Ok(())
}

/// `.Get KEY` on a shortcode (Hugo's rules, `ShortcodeWithPage.Get`: an index into
/// positional parameters, a name into named ones; a call with none, or the wrong kind of
/// key, gives nil; a missing index or name ""), a scratch, a page's files, `urls.Parse`'s
/// query; on a string, a number or a list, Go's error ("can't evaluate field Get in type
/// string"), and on Hugo's objects that have none (a page: "… in type page.Page"). A
/// plain map (a `dict`, params, data) stops as in Go ("Get is not a method but has
/// arguments"), but for an empty map or one of lists of text, which Folio cannot tell from
/// `url.Values` (`(urls.Parse $u).Query.Get "v"`, whose key's first value it gives).
fn get(a: &[Value]) -> gotmpl::Result<Value> {
    let (recv, key) = (arg(a, 0, ".Get")?, arg(a, 1, ".Get")?);
    match kind_of(recv) {
        Some("shortcode") => {
            let params = recv.field("Params").cloned().unwrap_or(Value::Nil);
            Ok(match (&params, key) {
                (Value::List(l), Value::Int(_) | Value::Uint(_)) if !l.is_empty() => {
                    let i = values::to_int(key).unwrap_or(-1);
                    usize::try_from(i)
                        .ok()
                        .and_then(|i| l.get(i))
                        .cloned()
                        .unwrap_or_else(|| string(""))
                }
                (Value::Map(m), Value::String(k)) if !m.is_empty() => {
                    m.get(&**k).cloned().unwrap_or_else(|| string(""))
                }
                _ => Value::Nil,
            })
        }
        // The page's files, or a list of them held in a variable, a `dict` or a partial's
        // context (`$res := .Page.Resources`: Hugo's `resource.Resources`, a slice that has
        // the methods too).
        Some("resources") => {
            let name = to_string(key);
            let found = super::resources::bundle_named(recv, &name)?;
            Ok(found.unwrap_or(Value::Nil))
        }
        None if is_resource_list(recv) => {
            let found = super::resources::bundle_named(recv, &to_string(key))?;
            Ok(found.unwrap_or(Value::Nil))
        }
        // Go's `Scratch.Get(key string)`: text only.
        Some("scratch") => {
            let k = go_string_arg(a, 1, ".Get")?;
            engine::with_scratch(recv, |s| s.get(k.as_str()).cloned().unwrap_or(Value::Nil))
        }
        // Go's `url.Values.Get` (`urls.Parse`'s `.Query`, a map of lists of strings): the
        // key's first value, "" when it has none.
        _ if is_query(recv) => Ok(recv
            .field(&to_string(key))
            .and_then(|v| items(v).into_iter().next())
            .unwrap_or_else(|| string(""))),
        _ => without_get(recv, key),
    }
}

/// `.Get KEY` on a value that has no `Get` method ([`get`]'s last case).
fn without_get(recv: &Value, key: &Value) -> gotmpl::Result<Value> {
    let no_field = |name: &str| {
        Err(exec_error(format!(
            "can't evaluate field Get in type {name}"
        )))
    };
    match recv {
        // A string, a number or a list has no `Get`: Hugo stops the build (`{{ with .Get
        // "link" }}{{ .Get "text" }}{{ end }}`, where the dot is the link). An empty list
        // may be a page's files (`resource.Resources`, which has it).
        Value::String(_)
        | Value::Safe { .. }
        | Value::Int(_)
        | Value::Uint(_)
        | Value::Float(_)
        | Value::Bool(_) => no_field(recv.type_name()),
        Value::List(l) if !l.is_empty() => no_field(recv.type_name()),
        // Hugo's other objects (a page, the site, `hugo`, a date, a language) have no
        // `Get` either.
        Value::Map(_) if let Some((name, _)) = objects::hugo_type(recv) => no_field(name),
        Value::Map(_) if kind_of(recv).is_some() || objects::struct_type(recv).is_some() => {
            no_field(values::go_type(recv))
        }
        // A map (a `dict`, params, data) has no `Get` method: Go takes `.Get` for its key
        // and stops on the argument.
        Value::Map(_) => Err(exec_error("Get is not a method but has arguments")),
        _ => Ok(recv.field(&to_string(key)).cloned().unwrap_or(Value::Nil)),
    }
}

/// Whether `v` is a list of a page's files (`resource.Resources`), not empty.
fn is_resource_list(v: &Value) -> bool {
    matches!(v, Value::List(l) if !l.is_empty() && l.iter().all(|r| kind_of(r) == Some("resource")))
}

/// Whether `v` is shaped as Go's `url.Values`: a map whose values are all lists of strings.
fn is_query(v: &Value) -> bool {
    match v {
        Value::Map(m) => m.values().all(|l| match l {
            Value::List(l) => l.iter().all(|s| matches!(s, Value::String(_))),
            _ => false,
        }),
        _ => false,
    }
}

/// `.Param KEY` on a page: the page's param, else the site's, as Hugo's
/// `maps.GetNestedParam` reads them (`common/hmaps/params.go`): the whole key in each map
/// first, where a key the page sets to nothing (`image:`) is the page's nil, not a call
/// for the site's; then a dotted key through nested maps, skipping nil. Keys are
/// case-insensitive, as in Hugo's `maps.Params`.
fn param(a: &[Value]) -> gotmpl::Result<Value> {
    let (recv, key) = (arg(a, 0, ".Param")?, str_arg(a, 1, ".Param")?);
    let key = key.to_lowercase();
    let frame = engine::frame()?;
    let candidates = [recv.field("Params"), frame.site.field("Params")];
    if let Some(v) = candidates.iter().flatten().find_map(|m| m.field(&key)) {
        return Ok(v.clone());
    }
    let nested = |root: &Value| -> Option<Value> {
        let mut cur = root;
        for k in key.split('.') {
            cur = cur.field(k)?;
        }
        Some(cur.clone()).filter(|v| !matches!(v, Value::Nil))
    };
    Ok(candidates
        .iter()
        .flatten()
        .find_map(|m| nested(m))
        .unwrap_or(Value::Nil))
}

/// `i18n ID [CONTEXT]`: the page language's translation; a plural form by the context's
/// count, by the language's CLDR rules as go-i18n picks it ([`plural_form`]), `other`
/// when the translation lacks that form; "" when there is none.
fn translate(a: &[Value]) -> gotmpl::Result<Value> {
    let id = str_arg(a, 0, "i18n")?;
    let frame = engine::frame()?;
    // Ids are read as written (go-i18n's are case-sensitive).
    let text = match frame.translations.get(&id) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Object(forms)) => {
            // The forms' own language's rules (the default language's, for forms it lent).
            let lang = forms
                .get(crate::site::FORMS_LANGUAGE)
                .and_then(|l| l.as_str())
                .map_or_else(site_lang, str::to_string);
            let form = a
                .get(1)
                .and_then(plural_count)
                .and_then(|count| plural_form(&count, &lang))
                .filter(|form| forms.contains_key(*form))
                .unwrap_or("other");
            forms
                .get(form)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string()
        }
        // A missing one: "" (Hugo's), or `[i18n] ID` where the site asks for it.
        _ if frame.translations.contains_key(crate::site::PLACEHOLDERS) => {
            return Ok(string(format!("[i18n] {id}")));
        }
        _ => String::new(),
    };
    if !text.contains("{{") {
        return Ok(string(text));
    }
    let data = a.get(1).cloned().unwrap_or(Value::Nil);
    match translated(&text, &data) {
        Ok(text) => Ok(string(text)),
        Err(error) => {
            // Hugo writes nothing, and warns ("Failed to get translated string").
            let uint = if matches!(data, Value::Uint(_)) {
                ": a whole number from YAML is a uint64 to Hugo, which has no `.Count`; \
                 pass `(int …)`"
            } else {
                ""
            };
            engine::warn(format!(
                "Hugo writes nothing for `i18n \"{id}\"`: its translation did not run \
                 ({error}){uint}"
            ))?;
            Ok(string(""))
        }
    }
}

/// A translation `text` run as the template it is, its dot `data`. A signed whole
/// number is both `.` and `.Count` (go-i18n v1's way, which Hugo keeps for Go's signed
/// integer kinds: `intCount`, `langs/i18n/i18n.go`); a `uint64` is not.
fn translated(text: &str, data: &Value) -> Result<String, String> {
    let number = matches!(data, Value::Int(_));
    let (mut list, defines) =
        crate::templates::parse::parse(text).map_err(|(_, _, message)| message)?;
    if number {
        rewrite::count_as_dot(&mut list);
    }
    let mut template = gotmpl::Template::new("i18n")
        .funcs(count_funcs())
        .parse("{{template \"t\" .}}")
        .map_err(|e| e.to_string())?;
    // The templates it defines (a `block` too), each read the same way.
    for mut d in defines {
        if number {
            rewrite::count_as_dot(&mut d.body);
        }
        template = template.add_parse_tree(&d.name, d.body);
    }
    template
        .add_parse_tree("t", list)
        .execute_to_string(data)
        .map_err(|e| e.to_string())
}

/// Argument `i` of a time method, which must be a time (Go: a `time.Time`).
fn time_arg(a: &[Value], i: usize, method: &str) -> gotmpl::Result<Moment> {
    let v = arg(a, i, method)?;
    if values::kind_of(v) != Some("time") {
        return Err(exec_error(format!(
            "{method}: {} is not a time",
            to_string(v)
        )));
    }
    Moment::from_value(v, &engine::frame()?.time_zone)
        .ok_or_else(|| exec_error(format!("{method}: not a time")))
}

/// `.UTC` and `.Local` of a time: the same instant in that zone. Of any other map, its
/// key of that name, as Go reads `.UTC` of a map.
fn in_timezone(a: &[Value], method: &str, zone: &jiff::tz::TimeZone) -> gotmpl::Result<Value> {
    let receiver = arg(a, 0, method)?;
    if let Some(key) = values::map_key(receiver, method, "time") {
        return Ok(key);
    }
    let m = Moment::from_value(receiver, &engine::frame()?.time_zone)
        .ok_or_else(|| exec_error(format!("{method}: not a time")))?;
    let moved = m
        .in_timezone(zone)
        .ok_or_else(|| exec_error(format!("{method}: the time is out of range")))?;
    Ok(moved.to_value())
}

/// What a translation given a number calls for a variable's `.Count`
/// ([`rewrite::COUNT`]): the number itself when the variable holds one (Hugo's `intCount`
/// has a `Count` method), a map's `Count`, and an error for anything else.
fn count_funcs() -> gotmpl::FuncMap {
    let count: gotmpl::ValueFunc = Arc::new(|a: &[Value]| {
        let v = arg(a, 0, ".Count")?;
        match v {
            Value::Int(_) | Value::Uint(_) => Ok(v.clone()),
            Value::Map(_) => Ok(v.field("Count").cloned().unwrap_or(Value::Nil)),
            // Go cannot read a field of a string or a float: the translation fails.
            _ => Err(exec_error(format!(
                "can't evaluate field Count in type {}",
                v.type_name()
            ))),
        }
    });
    [(rewrite::COUNT.to_string(), count)].into_iter().collect()
}

/// `time VALUE` (`time.AsTime`, called `func`): the value as a time
/// ([`Moment::from_argument`]).
fn as_time(a: &[Value], func: &str) -> gotmpl::Result<Value> {
    let v = arg(a, 0, func)?;
    // A zone given after the value (Go's `time.LoadLocation` name) reads it there.
    let zone = match a.get(1) {
        Some(name) => {
            let name = to_string(name);
            super::super::time::load_location(&name)
                .ok_or_else(|| exec_error(format!("{func}: unknown time zone {name}")))?
        }
        None => engine::frame()?.time_zone.clone(),
    };
    Moment::from_argument(v, &zone)
        .map(Moment::to_value)
        .ok_or_else(|| no_time(func, v))
}

/// `func`'s refusal of `v` as a time: Hugo's words for a value of a Go type no time is
/// made of (spf13/cast's `unable to cast … of type toml.LocalTime to time.Time`), else
/// for text that reads as no date.
fn no_time(func: &str, v: &Value) -> gotmpl::TemplateError {
    match super::super::time::local::go_syntax(v) {
        Some(syntax) => exec_error(format!(
            "{func}: unable to cast {syntax} of type {} to time.Time",
            values::go_type(v)
        )),
        None => exec_error(format!("{func}: unable to parse date: {}", to_string(v))),
    }
}

/// `time.Format LAYOUT VALUE` (`dateFormat`, called `func`): the value as a time, in the
/// layout and the page's locale, as Hugo's `time.Format` writes (Go's `.Format` does not).
fn format_time(a: &[Value], func: &str) -> gotmpl::Result<Value> {
    let layout = str_arg(a, 0, func)?;
    let v = arg(a, 1, func)?;
    let m =
        Moment::from_argument(v, &engine::frame()?.time_zone).ok_or_else(|| no_time(func, v))?;
    let lang = page_locale()?;
    let locale = super::super::locale::of(&lang);
    let text = m.format_in(&layout, locale);
    let names = locale.is_named(&layout) || ["Jan", "Mon"].iter().any(|t| layout.contains(t));
    if !super::super::locale::has_names(&lang) {
        if super::super::locale::names_a_date(&text) || locale.is_named(&layout) {
            engine::warn(format!(
                "Folio has no month and day names or date formats for the language `{lang}`: \
                 the preview writes English ones where Hugo writes the language's"
            ))?;
        }
    } else if !super::super::locale::dates_checked(&lang) && names {
        let base = super::super::locale::base_language(&lang);
        engine::warn(format!(
            "Folio writes dates for the locale `{lang}` as for `{base}`: the preview's names \
             and date formats may differ from Hugo's, which follows CLDR's `{lang}`"
        ))?;
    }
    Ok(string(text))
}

/// `relURL`/`absURL` (and their `Lang` forms) against the site's `baseURL`, as Hugo's
/// `helpers/url.go` (`RelURL`, `AbsURL`): a URL with a host, or with a scheme (for
/// `relURL`, unless it starts with the base URL) is as it is; a path from the root is
/// joined to the host, any other to the base URL's path, cleaned as Go's `path.Join`
/// cleans (`./x` is `x`, `../x` leaves the base path, `#top` is `/base/#top`), a
/// trailing slash kept; `absURL` keeps the query and fragment apart from the path.
fn site_url(input: &str, absolute: bool, lang: bool) -> gotmpl::Result<String> {
    // A URL Go's `url.Parse` refuses (`100%.jpg`: a `%` not starting an escape) is as it is.
    if has_bad_escape(input) {
        return Ok(input.to_string());
    }
    // Hugo's `IsAbsURL`: a URL with a scheme (`https:`, `mailto:`) or a host is as it is.
    let scheme = text::split_scheme(input).is_some();
    let base = frame_base()?;
    if input.starts_with("//") || (scheme && (absolute || !input.starts_with(&base))) {
        return Ok(input.to_string());
    }
    let frame = engine::frame()?;
    let (origin, base_path) = (objects::origin(&base), objects::base_path(&base));
    // With `canonifyURLs`, `relURL` is from the host's root; the canonifying puts the base
    // URL (its path with it) before it.
    let base_path = if frame.canonify_urls && !absolute {
        ""
    } else {
        base_path
    };
    // A path from the root is from the host's root, any other from the base URL's path
    // (`getBaseURLRoot`); the base URL itself is taken off a URL that starts with it.
    let (root, rel) = match input.strip_prefix(base.as_str()) {
        Some(rest) => (base_path, rest),
        None if input.starts_with('/') => ("", input),
        None => (base_path, input),
    };
    // The page language's prefix for the `Lang` forms (`de`, none for the default one),
    // unless the URL has it.
    let prefix = match lang {
        true => values::url_prefix(&frame.site),
        false => String::new(),
    };
    let prefix = prefix.trim_matches('/');
    let (path, rest) = if absolute {
        // `MakePermalink`: the query and fragment are kept apart from the path.
        rel.find(['?', '#']).map_or((rel, ""), |i| rel.split_at(i))
    } else {
        (rel, "")
    };
    let path = with_prefix(path, input, prefix);
    // `AddContextRoot` and `MakePermalink`: joined and cleaned as Go's `path.Join`, a
    // trailing slash kept.
    let joined = match (root, path.as_str()) {
        ("", "") => String::new(),
        _ => strings::clean_path(&format!("{root}/{path}")),
    };
    let slash = (path.ends_with('/') || (input.is_empty() && base.ends_with('/')))
        && !joined.ends_with('/');
    let joined = format!("{joined}{}", if slash { "/" } else { "" });
    Ok(if absolute {
        let joined = if joined == "." { "" } else { joined.as_str() };
        format!(
            "{origin}{}{}",
            go_escaped(joined, GO_PATH),
            escaped_rest(rest)
        )
    } else if joined.starts_with('/') {
        joined
    } else {
        format!("/{joined}")
    })
}

/// `path` under the language prefix `prefix` (none: as it is), unless `input` already
/// starts with it; a trailing slash kept.
fn with_prefix(path: &str, input: &str, prefix: &str) -> String {
    let own = input.trim_start_matches('/');
    if prefix.is_empty() || own == prefix || own.starts_with(&format!("{prefix}/")) {
        return path.to_string();
    }
    let slash = if path.is_empty() || path.ends_with('/') {
        "/"
    } else {
        ""
    };
    format!(
        "{}{slash}",
        strings::clean_path(&format!("{prefix}/{path}"))
    )
}

/// The bytes Go's `url.URL.String` escapes in a path (`shouldEscape`, `encodePath`): all
/// but letters, digits, `-_.~` and `$&+,/:;=@`.
pub(super) const GO_PATH: &percent_encoding::AsciiSet = &super::encoding::PATH_SEGMENT
    .remove(b',')
    .remove(b'/')
    .remove(b';');

/// The bytes it escapes in a fragment (`encodeFragment`): a path's, but for `?` and
/// `!()*`.
const GO_FRAGMENT: &percent_encoding::AsciiSet = &GO_PATH
    .remove(b'?')
    .remove(b'!')
    .remove(b'(')
    .remove(b')')
    .remove(b'*');

/// `text` as Go's `url.URL.String` writes it after `url.Parse` read it: unescaped, then
/// escaped by `set` (`a b` and `a%20b` are `a%20b`, `ü` is `%C3%BC`, `a%2Fb` is `a/b`).
pub(super) fn go_escaped(text: &str, set: &'static percent_encoding::AsciiSet) -> String {
    let bytes: Vec<u8> = percent_encoding::percent_decode_str(text).collect();
    percent_encoding::percent_encode(&bytes, set).to_string()
}

/// What `absURL` writes after the path, `MakePermalink`'s way: the query as written, the
/// fragment escaped ([`GO_FRAGMENT`]); an empty one of either is dropped, as Hugo copies
/// only the parsed URL's `RawQuery` and `Fragment` (`s.svg#` is `s.svg`).
fn escaped_rest(rest: &str) -> String {
    let (query, fragment) = rest.split_once('#').unwrap_or((rest, ""));
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut out = String::new();
    if !query.is_empty() {
        out.push('?');
        out.push_str(query);
    }
    if !fragment.is_empty() {
        out.push('#');
        out.push_str(&go_escaped(fragment, GO_FRAGMENT));
    }
    out
}

/// Whether `url`'s path or fragment has a `%` that does not start an escape (`%` and two
/// hex digits), which Go's `url.Parse` refuses ("invalid URL escape"); it reads the query
/// as it is (`search/?q=%s`).
fn has_bad_escape(url: &str) -> bool {
    let (rest, fragment) = url.split_once('#').unwrap_or((url, ""));
    let path = rest.split_once('?').map_or(rest, |(path, _)| path);
    [path, fragment]
        .iter()
        .any(|part| super::encoding::bad_escape(part).is_some())
}

/// The site's base URL, ending in a slash.
fn frame_base() -> gotmpl::Result<String> {
    let base = engine::frame()?.base_url();
    Ok(if base.ends_with('/') {
        base
    } else {
        format!("{base}/")
    })
}

fn number(a: &[Value], i: usize, func: &str) -> gotmpl::Result<f64> {
    let v = arg(a, i, func)?;
    values::to_float(v)
        .ok_or_else(|| exec_error(format!("{func}: {} is not a number", to_string(v))))
}

/// The count a translation's plural form goes by, as text (Hugo's `getPluralCount`,
/// `langs/i18n/i18n.go`): a context's `Count` (any case) or the context itself; a whole
/// number as it is, a float with a fraction always written (`1.0`, which English counts
/// as `other`), a numeric string as written; `None` for anything else.
fn plural_count(context: &Value) -> Option<String> {
    let count = match context {
        Value::Map(m) => m
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("count"))
            .map(|(_, v)| v)?,
        c => c,
    };
    match count {
        Value::Int(i) => Some(i.to_string()),
        // cast's `ToIntE`: Go's `int(v)`, wrapping round above an int64's range.
        #[allow(clippy::cast_possible_wrap)]
        Value::Uint(u) => Some((*u as i64).to_string()),
        Value::Float(f) => {
            let text = values::to_string(&Value::Float(*f));
            Some(if text.contains('.') {
                text
            } else {
                format!("{text}.0")
            })
        }
        Value::String(s) => values::to_float(count).map(|_| s.to_string()),
        _ => None,
    }
}

/// The CLDR plural category (`zero`, `one`, `two`, `few`, `many`, `other`) of the number
/// `count` (text, so that `1.0` keeps its fraction) in the language `lang`, as go-i18n
/// picks a translation's form; English's rules when `lang` is not a language tag.
fn plural_form(count: &str, lang: &str) -> Option<&'static str> {
    use icu_plurals::{PluralCategory, PluralOperands, PluralRules};
    let locale = icu_locale(lang)?;
    let rules = PluralRules::try_new_cardinal((&locale).into()).ok()?;
    let number = fixed_decimal::Decimal::try_from_str(count.trim()).ok()?;
    Some(match rules.category_for(PluralOperands::from(&number)) {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    })
}

/// The language code `lang` as ICU4X's locale, English's when it is not a language tag
/// (as Hugo's `langs` falls back to `language.English`).
pub(super) fn icu_locale(lang: &str) -> Option<icu_locale_core::Locale> {
    icu_locale_core::Locale::try_from_str(lang)
        .or_else(|_| icu_locale_core::Locale::try_from_str("en"))
        .ok()
}

/// The site's language code (`.Site.Language.Lang`: `en`, `pt-br`), `en` outside a
/// template's run.
pub(super) fn site_lang() -> String {
    engine::frame()
        .ok()
        .and_then(|frame| frame.site.field("Language")?.field("Lang").map(to_string))
        .filter(|lang| !lang.is_empty())
        .unwrap_or_else(|| "en".to_string())
}

/// The page's locale (`.Site.Language.Locale`: `en-GB`, else the language code).
fn page_locale() -> gotmpl::Result<String> {
    let frame = engine::frame()?;
    let language = frame.site.field("Language");
    Ok(language
        .and_then(|l| l.field("Locale").or_else(|| l.field("Lang")))
        .map(to_string)
        .unwrap_or_default())
}

/// `lang.FormatNumber`: the number rounded to `precision` decimals, with the group and
/// decimal separators of the locale (`fr`, `fr-CA`, `de-CH`: [`locale::numbers`]).
///
/// [`locale::numbers`]: super::super::locale::numbers
fn format_number(n: f64, precision: usize, locale: &str) -> gotmpl::Result<String> {
    if !super::super::locale::numbers_checked(locale) {
        engine::warn(format!(
            "Folio writes numbers for the locale `{locale}` with the separators it has for \
             `{}`: the preview's may differ from Hugo's, which follows CLDR's `{locale}`",
            super::super::locale::base_language(locale)
        ))?;
    }
    let numbers = super::super::locale::numbers(locale);
    let text = grouped(n.abs(), precision, numbers.group, numbers.decimal);
    Ok(if n < 0.0 { format!("-{text}") } else { text })
}

/// The precision `lang.FormatNumber` and `lang.FormatPercent` (called `func`) take, as
/// Hugo's `castPrecisionNumber` checks it: at most 20 (`tpl/lang/lang.go`).
///
/// # Errors
/// Not an integer, or above 20: "invalid precision".
fn locale_precision(a: &[Value], func: &str) -> gotmpl::Result<usize> {
    let p = super::int_arg(a, 0, func)?;
    if p > 20 {
        return Err(exec_error(format!("{func}: invalid precision: {p}")));
    }
    Ok(usize::try_from(p).unwrap_or(0))
}

/// Decimals past which a double's exact decimal expansion is all zeros (its smallest
/// power of two, 2^-1074, has 1,074).
const EXACT_DECIMALS: usize = 1_100;

/// A non-negative number with `precision` decimals, its whole part grouped by thousands.
/// A half is rounded away from zero (`2.5` → `3`, `0.125` → `0.13`): Hugo rounds
/// `n × 10^precision` with Go's `math.Round` before it prints (`tpl/lang/lang.go`,
/// `FormatNumberCustom`; its locale formats round the same way).
fn grouped(n: f64, precision: usize, group: &str, decimal: &str) -> String {
    let scale = 10f64.powi(i32::try_from(precision).unwrap_or(i32::MAX));
    let rounded = (n * scale).round() / scale;
    let n = if rounded.is_finite() { rounded } else { n };
    // Rust's formatter takes no more than 65,535 decimals: a double's are all zeros past
    // its exact expansion's (callers take no more than 308).
    let exact = precision.min(EXACT_DECIMALS);
    let mut fixed = format!("{n:.exact$}");
    fixed.extend(std::iter::repeat_n('0', precision - exact));
    let (whole, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let mut out = String::new();
    for (k, c) in whole.chars().enumerate() {
        if k > 0 && (whole.len() - k) % 3 == 0 {
            out.push_str(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push_str(decimal);
        out.push_str(frac);
    }
    out
}

/// `transform.HighlightCodeBlock CONTEXT [OPTIONS]`: a code block hook's `.Inner` in its
/// `.Type`, with its `.Options` and then `OPTIONS` (a map, or `"k=v,k=v"`; `type` and
/// `code` in it stand for the language and the code), its `.Attributes` on the wrapper.
/// Gives Hugo's `HighlightResult`: `.Wrapped`, the whole `<div class="highlight">…`, and
/// `.Inner`, what is inside its `<code>` (Hugo's `markup/highlight/highlight.go`).
fn highlight_code_block(a: &[Value]) -> gotmpl::Result<Value> {
    const NAME: &str = "transform.HighlightCodeBlock";
    let context = arg(a, 0, NAME)?;
    let field = |name: &str| context.field(name).map(values::cast_string);
    let (lang, code) = (field("Type"), field("Inner"));
    let Some((lang, code)) = lang.zip(code) else {
        return Err(exec_error(format!(
            "{NAME}: expects a code block hook's context, got {}",
            values::go_type(context)
        )));
    };
    let mut options = match context.field("Options").map(values::to_json) {
        Some(serde_json::Value::Object(m)) => m,
        _ => serde_json::Map::new(),
    };
    match a.get(1) {
        None | Some(Value::Nil) => {}
        Some(v @ Value::Map(_)) => {
            if let serde_json::Value::Object(m) = values::to_json(v) {
                options.extend(m);
            }
        }
        Some(v) => {
            for (k, v) in to_string(v).split(',').filter_map(|o| o.split_once('=')) {
                options.insert(k.trim().to_string(), v.trim().into());
            }
        }
    }
    // Line ids no option names are the block's own, unless the site names them
    // ([`crate::render::highlight::Options::name_lines_of_block`]).
    let ordinal = context
        .field("Ordinal")
        .map_or(0, |o| values::to_int(o).unwrap_or(0));
    let attributes: Vec<(String, String)> = match context.field("Attributes") {
        Some(Value::Map(m)) => m
            .iter()
            .map(|(k, v)| (k.to_string(), to_string(v)))
            .collect(),
        _ => Vec::new(),
    };
    let html = engine::frame()?
        .host
        .highlight(
            &code,
            &lang,
            HighlightOptions::CodeBlock(options, ordinal),
            &attributes,
        )
        .map_err(|e| exec_error(format!("{NAME}: {e}")))?;
    engine::highlighted(&lang)?;
    // The code's `<code>` is the last one (a line-number table's column comes first).
    let start = html
        .rfind("<code")
        .and_then(|at| Some(at + html.get(at..)?.find('>')? + 1));
    let inner = start
        .and_then(|from| Some((from, from + html.get(from..)?.find("</code>")?)))
        .and_then(|(from, to)| html.get(from..to))
        .unwrap_or_default();
    Ok(values::map([
        ("Inner", values::html(inner)),
        ("Wrapped", values::html(&html)),
    ]))
}

/// A URL's path (or, `fragment`, its fragment) as Go's `URL.EscapedPath` (and
/// `EscapedFragment`) gives it (`net/url`): as written when that is validly escaped,
/// else the decoded text escaped (`a b` is `a%20b`).
pub(crate) fn url_escaped(raw: &str, fragment: bool) -> String {
    // Go's `shouldEscape` for `encodePath` and `encodeFragment`.
    let keep = |b: u8| {
        b.is_ascii_alphanumeric()
            || b"-_.~$&+,/:;=@".contains(&b)
            || (fragment && b"?!()*".contains(&b))
    };
    // Go's `validEncoded`.
    let valid = raw
        .bytes()
        .all(|b| keep(b) || b"!$&'()*+,;=:@[]%".contains(&b));
    if valid {
        return raw.to_string();
    }
    text::percent_decode(raw)
        .bytes()
        .map(|b| {
            if keep(b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Go's `URL.String` (`net/url`): the URL rebuilt from its parts, its path already escaped
/// and its fragment escaped here; an opaque one (`mailto:a@b.c`) as scheme and opaque;
/// `//` only for a host (or a user), or a scheme and a path but for one Go reads as
/// without a host (`file:/x`, `omit_host`). `urls.Parse`'s and `urls.JoinPath`'s.
pub(super) fn url_string(
    (scheme, user, host, omit_host): (&str, &str, &str, bool),
    opaque: Option<&str>,
    escaped_path: &str,
    (query, force_query): (&str, bool),
    fragment: &str,
) -> String {
    let mut text = String::new();
    if !scheme.is_empty() {
        text.push_str(&scheme.to_lowercase());
        text.push(':');
    }
    if let Some(opaque) = opaque {
        text.push_str(opaque);
    } else if !(host.is_empty() && user.is_empty())
        || (!scheme.is_empty() && !omit_host && !escaped_path.is_empty())
    {
        text.push_str("//");
        if !user.is_empty() {
            text.push_str(user);
            text.push('@');
        }
        text.push_str(host);
        if !escaped_path.is_empty() && !escaped_path.starts_with('/') && !host.is_empty() {
            text.push('/');
        }
    }
    text.push_str(escaped_path);
    if !query.is_empty() || force_query {
        text.push('?');
        text.push_str(query);
    }
    if !fragment.is_empty() {
        text.push('#');
        text.push_str(&url_escaped(fragment, true));
    }
    text
}

/// The user information of a URL (`user:pw` of `https://user:pw@host/`), as Go's
/// `url.Userinfo` holds it: the name and password unescaped.
struct UserInfo {
    name: String,
    password: Option<String>,
    given: bool,
}

/// What Go's `Userinfo.String` escapes in a name or a password (`encodeUserPassword`):
/// all but letters, digits, `-_.~` and `$&+,;=`.
const GO_USER: &percent_encoding::AsciiSet = &super::encoding::PATH_SEGMENT
    .add(b':')
    .add(b'@')
    .remove(b',')
    .remove(b';');

impl UserInfo {
    /// What comes before the `@` of a URL's host (`""` for none).
    fn of(user: &str) -> UserInfo {
        let (name, password) = match user.split_once(':') {
            Some((name, password)) => (name, Some(text::percent_decode(password))),
            None => (user, None),
        };
        UserInfo {
            name: text::percent_decode(name),
            password,
            given: !user.is_empty(),
        }
    }

    /// `Userinfo.String`: the name and password escaped again.
    fn text(&self) -> String {
        self.written(self.password.as_deref())
    }

    /// What `URL.Redacted` writes instead: the password as `xxxxx`.
    fn redacted(&self) -> String {
        self.written(self.password.as_ref().map(|_| "xxxxx"))
    }

    fn written(&self, password: Option<&str>) -> String {
        let name = percent_encoding::utf8_percent_encode(&self.name, GO_USER);
        match password {
            Some(p) => format!(
                "{name}:{}",
                percent_encoding::utf8_percent_encode(p, GO_USER)
            ),
            None => name.to_string(),
        }
    }

    /// `.User`: nil for a URL without one, else its `.Username` and `String` (what it
    /// prints as). Go's `.Password` gives two results, which a template cannot call.
    fn value(&self) -> Value {
        if !self.given {
            return Value::Nil;
        }
        map([
            ("Username", string(&self.name)),
            ("String", string(self.text())),
            (values::KIND, string("userinfo")),
        ])
    }
}

/// Go's `URL.RequestURI`: the opaque part or the escaped path (`/` for none), then the
/// query.
fn request_uri(path: &str, query: &str, force_query: bool) -> String {
    match (path, query.is_empty() && !force_query) {
        ("", true) => "/".to_string(),
        ("", false) => format!("/?{query}"),
        (p, true) => p.to_string(),
        (p, false) => format!("{p}?{query}"),
    }
}

/// `urls.Parse`: Go's `url.URL` fields.
/// Why Go's `url.Parse` refuses `s` (`net/url/url.go`: `parse`, `getScheme`,
/// `parseAuthority`, `parseHost`, `validOptionalPort`, `unescape`), or `None` when it
/// reads it: a control character, a `:` first ("missing protocol scheme"), a colon in the
/// first segment of a path with no scheme, a `[` host without `]`, a port that is not
/// digits, a character a host cannot hold, userinfo with one it cannot, or a `%` that is
/// no escape in the host, the path or the fragment.
fn url_error(s: &str) -> Option<String> {
    if s.bytes().any(|b| b < 0x20 || b == 0x7f) {
        return Some("net/url: invalid control character in URL".into());
    }
    let (rest, fragment) = s.split_once('#').unwrap_or((s, ""));
    let bad = escape_error;
    if s == "*" {
        return None;
    }
    // Go's `getScheme`: letters, then letters, digits, `+`, `-`, `.`, up to a `:`.
    let colon_first = rest.starts_with(':');
    if colon_first {
        return Some("missing protocol scheme".into());
    }
    let (scheme, after) = text::split_scheme(rest).unwrap_or(("", rest));
    let after = after.split_once('?').map_or(after, |(a, _)| a);
    if !after.starts_with('/') {
        if !scheme.is_empty() {
            return bad(fragment);
        }
        if after
            .split('/')
            .next()
            .is_some_and(|first| first.contains(':'))
        {
            return Some("first path segment in URL cannot contain colon".into());
        }
    }
    let (authority, path) = match after.strip_prefix("//") {
        Some(a) if !scheme.is_empty() || !after.starts_with("///") => a
            .find('/')
            .map_or((Some(a), ""), |i| (a.get(..i), a.get(i..).unwrap_or(""))),
        _ => (None, after),
    };
    if let Some(e) = authority.and_then(authority_error) {
        return Some(e);
    }
    bad(path).or_else(|| bad(fragment))
}

/// Why Go's `parseAuthority` refuses an authority (`user@host:port`), if it does.
fn authority_error(authority: &str) -> Option<String> {
    let (user, host) = match authority.rsplit_once('@') {
        Some((user, host)) => (Some(user), host),
        None => (None, authority),
    };
    let valid_port = |p: &str| {
        p.is_empty()
            || p.strip_prefix(':')
                .is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit()))
    };
    if let Some(inside) = host.strip_prefix('[') {
        let Some(end) = inside.rfind(']') else {
            return Some("missing ']' in host".into());
        };
        let port = inside.get(end + 1..).unwrap_or("");
        if !valid_port(port) {
            return Some(format!("invalid port \"{port}\" after host"));
        }
    } else if let Some(i) = host.rfind(':') {
        let port = host.get(i..).unwrap_or("");
        if !valid_port(port) {
            return Some(format!("invalid port \"{port}\" after host"));
        }
    }
    if let Some(e) = escape_error(host) {
        return Some(e);
    }
    // Go's `shouldEscape` in a host: what is neither unreserved nor a sub-delimiter.
    let host_char = |c: char| {
        !c.is_ascii() || c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:[]<>\"%".contains(c)
    };
    if let Some(c) = host.chars().find(|&c| !host_char(c)) {
        return Some(format!("invalid character \"{c}\" in host name"));
    }
    let user_char = |c: char| c.is_ascii_alphanumeric() || "-._:~!$&'()*+,;=%@".contains(c);
    match user {
        Some(u) if !u.chars().all(user_char) => Some("net/url: invalid userinfo".into()),
        Some(u) => escape_error(u),
        None => None,
    }
}

/// Go's error for a `%` of `part` that starts no escape ("invalid URL escape \"%zz\"").
fn escape_error(part: &str) -> Option<String> {
    super::encoding::bad_escape(part).map(|e| format!("invalid URL escape \"{e}\""))
}

fn parse_url(s: &str) -> Value {
    let (rest, fragment) = s.split_once('#').unwrap_or((s, ""));
    // A `?` with nothing after it is kept, as Go's `ForceQuery` keeps it.
    let (rest, query, force_query) = match rest.split_once('?') {
        Some((rest, query)) => (rest, query, query.is_empty()),
        None => (rest, "", false),
    };
    let (scheme, rest) = text::split_scheme(rest).unwrap_or(("", rest));
    let (host, path) = match rest.strip_prefix("//") {
        Some(r) => r.find('/').map_or((r, ""), |i| {
            (r.get(..i).unwrap_or(r), r.get(i..).unwrap_or(""))
        }),
        None => ("", rest),
    };
    let (user, host) = host.rsplit_once('@').unwrap_or(("", host));
    // Go's `Port` and `Hostname`: the port after the last colon (outside `[…]` of an
    // IPv6 address), the host without it and without brackets.
    let (hostname, port) = match host.rsplit_once(':') {
        Some((name, port)) if !port.contains(']') => (name, port),
        _ => (host, ""),
    };
    let hostname = hostname.trim_start_matches('[').trim_end_matches(']');
    // `mailto:a@b.c`: Go's opaque URL, which has no path.
    let opaque = (!scheme.is_empty() && !rest.starts_with('/')).then_some(rest);
    let path = if opaque.is_some() { "" } else { path };
    let escaped_path = url_escaped(path, false);
    let request_uri = request_uri(opaque.unwrap_or(&escaped_path), query, force_query);
    let info = UserInfo::of(user);
    // Go sets it for `scheme:/path`, a URL without `//` (golang.org/issue/46059).
    let omit_host = !scheme.is_empty() && rest.starts_with('/') && !rest.starts_with("//");
    let text = |user: &str| {
        url_string(
            (scheme, user, host, omit_host),
            opaque,
            &escaped_path,
            (query, force_query),
            fragment,
        )
    };
    let redacted = text(&info.redacted());
    let text = text(&info.text());
    map([
        ("Scheme", string(scheme.to_lowercase())),
        ("User", info.value()),
        ("Redacted", string(redacted)),
        ("ForceQuery", Value::Bool(force_query)),
        ("OmitHost", Value::Bool(omit_host)),
        ("Host", string(host)),
        ("Hostname", string(hostname)),
        ("Port", string(port)),
        ("Path", string(text::percent_decode(path))),
        ("EscapedPath", string(escaped_path)),
        ("RawQuery", string(query)),
        ("Query", query_values(query)),
        ("RequestURI", string(request_uri)),
        ("Fragment", string(text::percent_decode(fragment))),
        ("IsAbs", Value::Bool(!scheme.is_empty())),
        ("String", string(text)),
        (values::KIND, string("url")),
    ])
}

/// Go's `url.ParseQuery`: each key's values in order, `+` a space and `%XX` decoded; a
/// `url.Values`, whose `.Get` gives a key's first value ([`is_query`]).
fn query_values(query: &str) -> Value {
    let decode = |s: &str| text::percent_decode(&s.replace('+', " "));
    let mut values: std::collections::BTreeMap<String, Vec<Value>> = Default::default();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        values
            .entry(decode(key))
            .or_default()
            .push(string(decode(value)));
    }
    map(values.into_iter().map(|(k, v)| (k, Value::List(v.into()))))
}

/// One of Go's `fmt` directives (`spec`, `%5.2f`) of `value`, as a template's `printf` and
/// a message write it: a time, a duration or a media type as Go's `String` gives it
/// ([`print_stringer`]), a number as the directive says, `%T` the value's own type, and
/// `%#v` of a TOML local value its struct ([`values::go_format`]).
fn directive(spec: &str, value: Value) -> gotmpl::Result<String> {
    if let Some(verb) = spec.chars().last().filter(|v| "fFeEgG".contains(*v)) {
        return float_directive(spec, verb, value);
    }
    if spec.ends_with(['x', 'X', 'o', 'b', 'c', 'O', 'U']) {
        return radix_directive(spec, value);
    }
    // `%T` names the value's type, `%#v` writes a TOML local value as Go's struct.
    let go_syntax = spec.ends_with('v') && spec.contains('#');
    if spec.ends_with('T') && matches!(value, Value::Int(_)) {
        // Folio's whole numbers do not keep which decoder read them (review 62b, r3).
        engine::warn(
            "printf's `%T` of a whole number: Hugo names one read from a TOML file (or a \
             negative one from YAML) `int64`, where the preview writes `int`"
                .to_string(),
        )?;
    }
    let value = if values::holds_float(&value) || spec.ends_with('T') || go_syntax {
        value
    } else {
        print_stringer(&[value])?
    };
    Ok(values::go_format(spec, &value))
}

/// A directive of a verb of bases or code points (`%x`, `%X`, `%o`, `%O`, `%b`, `%c`,
/// `%U`): of a float, Go's hexadecimal (`0x1.cp+01`) or binary (`5629499534213120p-51`)
/// form, and of text (trusted HTML too) its bytes in hexadecimal (`% x` of "hi" is
/// `68 69`) ([`values::go_format`]); of a list, each item's in brackets (`[1 a ff]`, a nil
/// one `<nil>`), and of a map each key's and value's (`map[61:0x1.8p+00]`), as Go's
/// `printValue` writes them; `%c`, `%O` and `%U` of anything else, and any verb of what
/// is not a whole number, as [`values::go_format`] writes it; else (a whole number) as
/// `gotmpl`'s `printf` writes it (which writes `%O` not at all, `%c` without its width
/// and a bad verb without its width).
fn radix_directive(spec: &str, value: Value) -> gotmpl::Result<String> {
    let hex = spec.ends_with(['x', 'X']);
    match value {
        Value::Float(_) => Ok(values::go_format(spec, &value)),
        Value::String(_) | Value::Safe { .. } if hex => {
            Ok(values::go_format(spec, &string(to_string(&value))))
        }
        Value::List(items) => {
            let each = items
                .iter()
                .map(|item| match item {
                    Value::Nil => Ok("<nil>".to_string()),
                    item => radix_directive(spec, item.clone()),
                })
                .collect::<gotmpl::Result<Vec<_>>>()?;
            Ok(format!("[{}]", each.join(" ")))
        }
        Value::Map(ref map) if values::is_go_map(&value) => {
            let each = values::own_entries(map)
                .map(|(k, v)| {
                    let key = radix_directive(spec, string(&**k))?;
                    Ok(format!("{key}:{}", radix_directive(spec, v.clone())?))
                })
                .collect::<gotmpl::Result<Vec<_>>>()?;
            Ok(format!("map[{}]", each.join(" ")))
        }
        value
            if spec.ends_with(['c', 'O', 'U'])
                || !matches!(value, Value::Int(_) | Value::Uint(_)) =>
        {
            Ok(values::go_format(spec, &value))
        }
        value => {
            let args = Value::List(vec![string(spec), value].into());
            super::go_builtin("printf", 2)?.execute_to_string(&args)
        }
    }
}

/// A float verb's directive (`%.2f`, `%e`, `%g`): of text, Go's bad-verb text (`%.2f` of
/// "3.5" is `%!f(string=3.)`, [`values::go_format`]); of a whole number, Go's bad-verb text,
/// the number written as `%d` writes it with the same flags, width and precision
/// (`%.2f` of 5 is `%!f(int=05)`; `fmt/print.go`, `badVerb`), said as a surprise; else as
/// `gotmpl`'s `printf` writes it.
fn float_directive(spec: &str, verb: char, value: Value) -> gotmpl::Result<String> {
    let non_finite = matches!(value, Value::Float(f) if !f.is_finite());
    if non_finite || matches!(value, Value::String(_) | Value::Safe { .. }) {
        return Ok(values::go_format(spec, &value));
    }
    if matches!(value, Value::Int(_) | Value::Uint(_)) {
        let as_integer = format!("{}d", spec.strip_suffix(verb).unwrap_or(spec));
        let shown = format!(
            "%!{verb}({}={})",
            values::go_type(&value),
            values::go_format(&as_integer, &value)
        );
        engine::warn(format!(
            "Hugo writes `{shown}` for printf's `{spec}` of the whole number {} (`int64` for \
             one read from TOML): Go's printf takes no whole number for a float verb (a \
             number written without a point in data or front matter is one): write it with \
             a point ({}.0), or convert it (`float`)",
            values::go_format("%v", &value),
            values::go_format("%v", &value)
        ))?;
        return Ok(shown);
    }
    let args = Value::List(vec![string(spec), value].into());
    super::go_builtin("printf", 2)?.execute_to_string(&args)
}

/// `printf` called with its values at run time (`apply LIST "printf" FORMAT "."`): each
/// argument prepared as [`rewrite::FORMAT`] and [`rewrite::PRINT`] prepare a written
/// `printf`'s (`%g` of a whole number is Go's `%!g(int=1)`, a float `%v` Go's), then
/// `gotmpl`'s `printf`.
///
/// # Errors
/// A directive's value Folio cannot write (as a written `printf`'s).
pub(super) fn printf_at_run_time(a: &[Value]) -> gotmpl::Result<String> {
    let Some((format, args)) = a.split_first() else {
        return super::go_builtin("printf", 0)?.execute_to_string(&Value::List(Vec::new().into()));
    };
    let format = to_string(format);
    let Some(directives) = rewrite::directives(&format) else {
        return super::go_builtin("printf", a.len())?.execute_to_string(&Value::List(a.into()));
    };
    let mut args = args.to_vec();
    let mut rewritten = String::with_capacity(format.len());
    let mut last = 0;
    for (k, (range, verb)) in directives.into_iter().enumerate() {
        let Some(arg) = args.get_mut(k) else {
            break;
        };
        let spec = format.get(range.clone()).unwrap_or_default();
        if spec == "%v" {
            *arg = print_stringer(std::slice::from_ref(arg))?;
        } else if rewrite::FORMAT_VERBS.contains(verb) {
            *arg = string(directive(spec, arg.clone())?);
            rewritten.push_str(format.get(last..range.start).unwrap_or_default());
            rewritten.push_str("%s");
            last = range.end;
        }
    }
    rewritten.push_str(format.get(last..).unwrap_or_default());
    let mut values = vec![string(rewritten)];
    values.extend(args);
    super::go_builtin("printf", values.len())?.execute_to_string(&Value::List(values.into()))
}

/// Go's `fmt.Sprintf` of a message's format and arguments (`errorf`, `warnf`…), as a
/// template's `printf` writes them: the arguments were prepared as `printf`'s are when
/// the template was read ([`rewrite::FORMAT`], [`rewrite::PRINT`]), and `gotmpl`'s own
/// `printf` writes the directives (`%x`, `%[1]s`, `%*d`, `%!s(MISSING)`). What Folio
/// writes itself: a format that ends inside a directive, `%!(NOVERB)`, and the arguments
/// no directive took, `%!(EXTRA string=x, <nil>)`, with Go's type names and its way of
/// printing Hugo's objects ([`values::go_type`], [`values::go_format`]).
fn sprintf(a: &[Value]) -> String {
    let Some((format, args)) = a.split_first() else {
        return String::new();
    };
    let format = to_string(format);
    let (format, no_verb) = match unfinished_directive(&format) {
        Some(at) => (format.get(..at).unwrap_or_default(), true),
        None => (format.as_str(), false),
    };
    let taken = rewrite::directives(format).map_or(args.len(), |d| d.len().min(args.len()));
    let (used, extra) = args.split_at(taken);
    let mut values = vec![string(format)];
    values.extend(used.iter().cloned());
    let mut out = super::go_builtin("printf", values.len())
        .and_then(|t| t.execute_to_string(&Value::List(values.into())))
        .unwrap_or_else(|e| e.to_string());
    if no_verb {
        out.push_str("%!(NOVERB)");
    }
    if !extra.is_empty() {
        let extra: Vec<String> = extra
            .iter()
            .map(|v| match v {
                Value::Nil => "<nil>".to_string(),
                v => format!("{}={}", values::go_type(v), values::go_format("%v", v)),
            })
            .collect();
        out.push_str(&format!("%!(EXTRA {})", extra.join(", ")));
    }
    out
}

/// Where a format ends inside a directive (`"50%"`, `"%-5"`), which Go writes as
/// `%!(NOVERB)`: the byte its `%` is at.
fn unfinished_directive(format: &str) -> Option<usize> {
    let mut chars = format.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c != '%' {
            continue;
        }
        while chars
            .peek()
            .is_some_and(|(_, f)| "+-# 0.".contains(*f) || f.is_ascii_digit())
        {
            chars.next();
        }
        if chars.next().is_none() {
            return Some(at);
        }
    }
    None
}

/// `ref PAGE REF` and `relref PAGE REF` (Hugo's `urls.Ref`/`urls.RelRef`): the URL of the
/// page the reference names, which is a path or a map with a `path`
/// ([`crate::templates::engine::objects::ref_url`]).
fn reference(args: &[Value], func: &str, absolute: bool) -> gotmpl::Result<Value> {
    let frame = engine::frame()?;
    let reference = match args.get(1) {
        // Its keys in any case, as Hugo's `mapstructure.WeakDecode` reads them.
        Some(Value::Map(m)) => {
            let get = |key: &str| {
                m.iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(key))
                    .map(|(_, v)| values::to_string(v))
            };
            objects::RefArgs {
                path: get("path").unwrap_or_default(),
                lang: get("lang"),
                output_format: get("outputFormat"),
            }
        }
        // A list of text (`slice "/q" "html"`): the reference, then the output format.
        Some(Value::List(items)) => objects::RefArgs {
            output_format: items.get(1).map(values::to_string),
            ..objects::RefArgs::path(items.first().map(values::to_string).unwrap_or_default())
        },
        _ => objects::RefArgs::path(str_arg(args, 1, func)?),
    };
    if let Some(why) = reference.unfollowed_format(func) {
        engine::warn(why)?;
    }
    let url = crate::templates::engine::objects::ref_url(
        frame.refs.as_ref(),
        &frame.base_url(),
        &reference,
        absolute,
    )
    .map_err(|e| exec_error(format!("{func}: {e}")))?;
    Ok(string(url))
}

/// `.GetPage PATH` of the site or of a page ([`objects::PageFinder`]): the page, or nil.
/// The site's takes Hugo 0.44's form too, a kind first (`.Site.GetPage "section" "posts"`),
/// read as Hugo's `getPageForRefs` reads it (`hugolib/pagecollections.go`): `""` and `"/"`
/// dropped, `"home"` or nothing left the home page, `"section"` alone the home page, two
/// left the second; more than two an error.
fn get_page(args: &[Value]) -> gotmpl::Result<Value> {
    let from_page = kind_of(arg(args, 0, ".GetPage")?) == Some("page");
    let given = args.get(1..).unwrap_or_default();
    let path = if from_page {
        if given.len() != 1 {
            return Err(exec_error(format!(
                "wrong number of args for GetPage: want 1 got {}",
                given.len()
            )));
        }
        values::to_string(arg(args, 1, ".GetPage")?)
    } else {
        let refs: Vec<String> = given
            .iter()
            .map(values::to_string)
            .filter(|r| !r.is_empty() && r != "/")
            .collect();
        if refs.len() > 2 {
            return Err(exec_error(format!(
                "too many arguments to .Site.GetPage: [{}]. Use lookups on the form {{{{ .Site.GetPage \"/posts/mypage-md\" }}}}",
                given.iter().map(values::to_string).collect::<Vec<_>>().join(" ")
            )));
        }
        match refs.as_slice() {
            [] => "/".to_string(),
            [kind, ..] if kind == "home" => "/".to_string(),
            [kind] if kind == "section" && given.len() == 2 => "/".to_string(),
            [.., key] => key.clone(),
        }
    };
    let frame = engine::frame()?;
    if frame.pages.is_none() {
        return Err(exec_error(super::why_not(".GetPage")));
    }
    frame
        .find_page(&path, from_page)
        .map(|page| page.unwrap_or(Value::Nil))
        .map_err(|e| exec_error(format!(".GetPage: {e}")))
}

/// `.Filename`, `.LineNumber` and `.ColumnNumber`, which a template reads of a call's
/// `.Position` (Hugo's `text.Position`, [`crate::templates::engine::Position`]) and of a
/// page's `.File`, as functions so they may stand as an argument (`path.Base
/// .Position.Filename`): the field, nil where the map has none; a value that is no map
/// stops, as Go stops on a field of it.
fn position_part(args: &[Value], field: &str) -> gotmpl::Result<Value> {
    match arg(args, 0, field)? {
        Value::Map(m) => Ok(m.get(field).cloned().unwrap_or(Value::Nil)),
        other => Err(exec_error(format!(
            "can't evaluate field {field} in type {}",
            values::go_type(other)
        ))),
    }
}

/// [`rewrite::PRINT`]: a value of Go's that a template prints through its `String`
/// method, written as Go writes it: a time as `2006-01-02 15:04:05.999999999 -0700 MST`
/// (Go's `Time.String`), a duration as `1h2m3s`, a language as its code (`en`), a media
/// type as `image/png`, a page as its file (the rest: [`values::go_stringer`]); a params
/// map with each key once; a float or one of those, alone or in a list or map, as Go's
/// `%v` writes it (`2.5e+06`, [`values::go_print`]); anything else as it is.
fn print_stringer(a: &[Value]) -> gotmpl::Result<Value> {
    let v = a.last().cloned().unwrap_or(Value::Nil);
    if let Some(s) = values::go_stringer(&v) {
        return Ok(string(s));
    }
    let v = values::without_aliases(&v, true);
    Ok(if values::holds_float(&v) || values::holds_stringer(&v) {
        string(values::go_print(&v))
    } else {
        v
    })
}

/// A value as `json.Marshal` writes it, for the kinds whose JSON is not their fields: a
/// time as its RFC 3339 text, a duration as its nanoseconds, at any depth of a list or a
/// plain map; anything else as it is.
fn js_value(v: &Value) -> Value {
    match (v, kind_of(v)) {
        (Value::Map(_), Some("time" | "duration" | "version")) => {
            values::from_json(&values::to_json(v))
        }
        (Value::Map(_), _) if super::super::time::local::is_local(v) => {
            values::from_json(&values::to_json(v))
        }
        (Value::List(items), _) => Value::List(items.iter().map(js_value).collect()),
        (Value::Map(m), None)
            if m.values()
                .any(|x| matches!(x, Value::Map(_) | Value::List(_))) =>
        {
            values::map(m.iter().map(|(k, x)| (k.as_ref(), js_value(x))))
        }
        _ => v.clone(),
    }
}

/// `hugo` (and the site's `.Hugo`): Hugo's build, as `hugo` builds for production.
fn hugo(_: &[Value]) -> gotmpl::Result<Value> {
    Ok(map([
        (values::KIND, string("hugo")),
        ("Version", values::version(HUGO_VERSION)),
        ("Environment", string("production")),
        ("IsProduction", Value::Bool(true)),
        ("IsDevelopment", Value::Bool(false)),
        ("IsServer", Value::Bool(false)),
        ("IsExtended", Value::Bool(true)),
        // More than one language configured (Hugo's `hugo.IsMultilingual`).
        (
            "IsMultilingual",
            Value::Bool(
                engine::frame()?
                    .site
                    .field("IsMultiLingual")
                    .is_some_and(|v| matches!(v, Value::Bool(true))),
            ),
        ),
        // Each language at a host of its own (`languages.*.baseURL`), which Folio does not
        // publish as: none.
        ("IsMultihost", Value::Bool(false)),
        // The site's folder (Hugo's working directory when it builds the site).
        (
            "WorkingDir",
            string(
                engine::frame()?
                    .resources
                    .root
                    .as_deref()
                    .map(|r| std::path::absolute(r).unwrap_or_else(|_| r.to_path_buf()))
                    .map(|r| r.display().to_string())
                    .unwrap_or_default(),
            ),
        ),
        ("CommitHash", string(HUGO_COMMIT)),
        ("BuildDate", string(HUGO_BUILD_DATE)),
        ("Store", engine::Frame::store(engine::HUGO_STORE)),
        (
            "Data",
            engine::frame()?
                .site
                .field("Data")
                .cloned()
                .unwrap_or(Value::Nil),
        ),
        (
            "Generator",
            values::html(format!(
                "<meta name=\"generator\" content=\"Hugo {HUGO_VERSION}\">"
            )),
        ),
    ]))
}

/// [`of_a_go_type`] of a resource: `None` for a field it gives as a map's.
fn of_a_resource(name: &str, holder: &Value) -> Option<gotmpl::Result<Value>> {
    if name == "Err" {
        // The error of `resources.GetRemote`'s result, gone since Hugo 0.141: Hugo stops.
        return Some(Err(exec_error(
            "can't evaluate field Err in type resource.Resource: Resource.Err was removed in \
             Hugo v0.141.0 and replaced with a new try keyword, see \
             https://gohugo.io/functions/go-template/try/",
        )));
    }
    if name.starts_with(|c: char| c.is_lowercase()) && holder.field(name).is_none() {
        // Go's interfaces export no lowercase name (`.width` for `.Width`): Hugo stops
        // (review 62d, r3).
        return Some(Err(exec_error(format!(
            "can't evaluate field {name} in type resource.Resource"
        ))));
    }
    if matches!(name, "Exif" | "Meta" | "Colors") && holder.field(name).is_none() {
        // An image's metadata and colours, which Folio does not read from its file.
        return Some(Err(exec_error(super::why_not(&format!(".{name}")))));
    }
    let media = holder
        .field("MediaType")
        .and_then(|m| m.field("Type"))
        .map(to_string)
        .unwrap_or_default();
    if matches!(name, "Width" | "Height") && media == "image/svg+xml" {
        // An SVG has no size to Hugo: asking for it stops Hugo's build
        // (`resources/transform.go`).
        return Some(Err(exec_error(format!(
            "error calling {name}: resource {:?} of media type {media:?} does not support \
             this method: use reflect.IsImageResource, reflect.IsImageResourceProcessable, or \
             reflect.IsImageResourceWithMeta to check if the resource supports this method \
             before calling it",
            holder.field("Name").map(to_string).unwrap_or_default()
        ))));
    }
    None
}

/// [`hugo_field`]'s answer for a holder that is one of Go's types Folio keeps as a plain
/// value: a nil `go_type` interface (a resource lookup that found nothing), whose field
/// Go refuses; a resource's `.Err`, which Hugo 0.141 removed, and an image's `.Exif`,
/// `.Meta` and `.Colors`, which Folio does not give (the card); a time, whose names are
/// `time.Time`'s ([`GO_TIME_METHODS`]); a list of
/// pages, which has `page.Pages`' methods. `None` for any other.
fn of_a_go_type(
    name: &str,
    holder: &Value,
    go_type: Option<&Value>,
) -> Option<gotmpl::Result<Value>> {
    if let (Value::Nil, Some(go_type)) = (holder, go_type) {
        return Some(Err(exec_error(format!(
            "nil pointer evaluating {}.{name}",
            to_string(go_type)
        ))));
    }
    if objects::is_no_data(holder) && name == "Pages" {
        // A regular page's `.Data.Pages`: none, of Hugo's type.
        return Some(Ok(objects::no_pages()));
    }
    if kind_of(holder) == Some("resource") {
        if let Some(field) = of_a_resource(name, holder) {
            return Some(field);
        }
    }
    if kind_of(holder) == Some("hook") && holder.field(name).is_none() {
        // Hugo's that Folio does not give (every hook's `AttributesHolder`): the card.
        if matches!(name, "AttributesSlice" | "OptionsSlice") {
            return Some(Err(exec_error(super::why_not(&format!(".{name}")))));
        }
        // A render hook's context has the fields of every kind of hook: a name none has
        // stops Hugo.
        let go_type = holder.field(objects::HOOK_TYPE).map(to_string);
        return Some(Err(exec_error(format!(
            "can't evaluate field {name} in type {}",
            go_type.unwrap_or_default()
        ))));
    }
    if kind_of(holder) == Some("time") && name == "Location" {
        let zone = engine::time_zone();
        let moment = super::super::time::Moment::from_value(holder, &zone);
        return Some(Ok(string(
            moment.map(|m| m.location_name(&zone)).unwrap_or_default(),
        )));
    }
    if kind_of(holder) == Some("time") && holder.field(name).is_none() {
        // Go's `time.Time`: a method whose results a template cannot take stops Hugo, in
        // its words (`tpl/internal/go_templates/texttemplate/exec.go`, checked: Hugo
        // 0.168); another method Folio does not give shows the card; any other name stops
        // Hugo.
        let message = match name {
            "Date" | "Clock" => {
                format!("function {name} has 3 return values; should be 1 or 2")
            }
            "ISOWeek" | "Zone" => format!(
                "invalid function signature for {name}: second return value should be error; \
                 is int"
            ),
            "ZoneBounds" => format!(
                "invalid function signature for {name}: second return value should be error; \
                 is time.Time"
            ),
            _ if GO_TIME_METHODS.contains(&name) => super::why_not(&format!(".{name}")),
            _ => format!("can't evaluate field {name} in type time.Time"),
        };
        return Some(Err(exec_error(message)));
    }
    if !(objects::is_page_list(holder) && objects::is_pages_method(name)) {
        return None;
    }
    Some(match (holder, name) {
        (Value::List(l), "Len") => Ok(Value::Int(i64::try_from(l.len()).unwrap_or(i64::MAX))),
        (Value::List(l), _) if l.is_empty() => Ok(objects::no_pages()),
        _ => Err(exec_error(super::why_not(&format!(".{name}")))),
    })
}

/// Whether `name` is one a time Folio builds answers itself: a field of its map (`.Year`,
/// `.Unix`…) or a method of Go's `time.Time` run as a function, all but `.Location`, which
/// needs the site's zone ([`of_a_go_type`]).
pub(crate) fn is_time_name(name: &str) -> bool {
    GO_TIME_METHODS.contains(&name) && name != "Location" && !UNCALLABLE.contains(&name)
}

/// The methods of Go's `time.Time` whose results a template cannot take: Hugo stops on
/// them ([`of_a_go_type`]).
const UNCALLABLE: &[&str] = &["Date", "Clock", "ISOWeek", "Zone", "ZoneBounds"];

/// The methods of Go's `time.Time` a template may call (Go 1.24's `time` package).
const GO_TIME_METHODS: &[&str] = &[
    "Add",
    "AddDate",
    "After",
    "AppendBinary",
    "AppendFormat",
    "AppendText",
    "Before",
    "Clock",
    "Compare",
    "Date",
    "Day",
    "Equal",
    "Format",
    "GoString",
    "GobEncode",
    "Hour",
    "ISOWeek",
    "In",
    "IsDST",
    "IsZero",
    "Local",
    "Location",
    "MarshalBinary",
    "MarshalJSON",
    "MarshalText",
    "Minute",
    "Month",
    "Nanosecond",
    "Round",
    "Second",
    "String",
    "Sub",
    "Truncate",
    "UTC",
    "Unix",
    "UnixMicro",
    "UnixMilli",
    "UnixNano",
    "Weekday",
    "Year",
    "YearDay",
    "Zone",
    "ZoneBounds",
];

/// Hugo's error for the field `name` of `holder` when it is a page's file that has no such
/// method ([`objects::HUGO_FILE`]), or `.Lang`, removed.
fn file_field(name: &str, holder: &Value) -> gotmpl::Result<()> {
    if objects::struct_type(holder) != Some("*source.File") {
        return Ok(());
    }
    if name == "Lang" {
        return Err(exec_error(objects::FILE_LANG_REMOVED));
    }
    if !objects::HUGO_FILE
        .split_ascii_whitespace()
        .any(|n| n == name)
    {
        return Err(exec_error(format!(
            "can't evaluate field {name} in type *source.File"
        )));
    }
    Ok(())
}

/// Tells of a home or section page's date read where the page has none of its own
/// ([`objects::DATELESS_BRANCH`]).
fn dateless_branch(name: &str, page: &Value) -> gotmpl::Result<()> {
    let dated = matches!(name, "Date" | "Lastmod" | "PublishDate");
    if dated && page.field(objects::DATELESS_BRANCH).is_some() {
        engine::warn(format!(
            "Hugo gives a home or section page with no date of its own the newest date of \
             its pages (when one has a date), which Folio does not read: its .{name} is Go's \
             zero time here (1 January 0001), and Hugo's may be another; give the page a \
             `date` (or `lastmod`) in its front matter to have both show it"
        ))?;
    }
    Ok(())
}

/// [`rewrite::FIELD`]: the field `name` of `holder`, as Hugo gives it.
/// - Of a page, the site or a shortcode's context ([`objects::hugo_type`]): Hugo's
///   error for a name its type does not have ("can't evaluate field Titel in type
///   page.Page", which stops Hugo's build); the field when Folio has it; a regular page's
///   (empty) lists and the page's `.Page` (itself); no section when Folio found none;
///   else an error saying Folio cannot give it ([`super::why_not`]: the site's other
///   pages, or a field Folio does not have), which shows the call's card.
/// - Of a list of pages ([`objects::is_page_list`]), a method of `page.Pages`
///   ([`objects::is_pages_method`]): of an empty one (a regular page's `.Pages`, however
///   the template stored it), what Hugo gives; of a page's translations, which Folio does
///   not sort, an error saying so.
/// - Of nil that is a resource lookup's result (the Go type its third argument names),
///   Go's "nil pointer evaluating resource.Resource.RelPermalink".
/// - Of anything else, what Go's template gives: a map's key (nil when absent), nil of
///   nil, and an error for a field of a string, a number or a list (a template's own
///   `slice` has no `page.Pages` methods, as in Hugo).
fn hugo_field(a: &[Value]) -> gotmpl::Result<Value> {
    let name = str_arg(a, 0, rewrite::FIELD)?;
    let holder = a.get(1).cloned().unwrap_or(Value::Nil);
    if let Some(field) = of_a_go_type(&name, &holder, a.get(2)) {
        return field;
    }
    let Some((type_name, has)) = objects::hugo_type(&holder) else {
        file_field(&name, &holder)?;
        // A language or a page's file is a struct of Hugo's, which has no lowercase
        // field (`.File.path` stops Hugo); Folio builds them as maps.
        if name.starts_with(|c: char| c.is_ascii_lowercase()) {
            if let Some(type_name) = objects::struct_type(&holder) {
                return Err(exec_error(format!(
                    "can't evaluate field {name} in type {type_name}"
                )));
            }
        }
        return match holder.field(&name) {
            Some(v) => Ok(v.clone()),
            // Go reads a field of nil as nil (`range $missing.Pages` runs no time).
            None if matches!(holder, Value::Map(_) | Value::Nil) => Ok(Value::Nil),
            None => Err(exec_error(format!(
                "can't evaluate field {name} in type {}",
                holder.type_name()
            ))),
        };
    };
    if !has(&name) {
        return Err(exec_error(format!(
            "can't evaluate field {name} in type {type_name}"
        )));
    }
    let lists = matches!(
        name.as_str(),
        "Pages" | "RegularPages" | "RegularPagesRecursive" | "Sections"
    );
    let is_page = type_name == "page.Page";
    if is_page && name == "Page" {
        return Ok(holder);
    }
    if is_page {
        dateless_branch(&name, &holder)?;
    }
    match holder.field(&name) {
        Some(v) => Ok(v.clone()),
        None if type_name == "page.Site" && name == "Hugo" => hugo(&[]),
        None if is_page && lists && holder.field("IsPage") == Some(&Value::Bool(true)) => {
            Ok(objects::no_pages())
        }
        None if matches!(
            name.as_str(),
            "CurrentSection" | "FirstSection" | "Parent" | "File"
        ) =>
        {
            Ok(Value::Nil)
        }
        None => Err(not_rendered(&name, &holder)),
    }
}

/// Why Folio has no field `name` of `holder`, a page: another page's (`.GetPage`'s) and a
/// bundle's Markdown file's ([`objects::OTHER_PAGE`]) have none of what rendering them
/// gives.
fn not_rendered(name: &str, holder: &Value) -> gotmpl::TemplateError {
    exec_error(match holder.field(objects::OTHER_PAGE) {
        // A page resource ([`crate::templates::engine::resources::content_resource`]).
        Some(Value::String(file)) => format!(
            "{}.{name}` of the page bundle's Markdown file `{file}`: Folio renders the \
             `.Content` of one that calls no shortcode, and gives no other of its rendered \
             fields",
            super::CANNOT_RUN
        ),
        Some(_) => format!(
            "{}.{name}` of another page (`.GetPage`'s): it reads what rendering that page \
             gives (its content, its pages' dates)",
            super::CANNOT_RUN
        ),
        None => super::why_not(&format!(".{name}")),
    })
}
