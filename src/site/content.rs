//! A site's languages and content folders, and the portfolio pages in them.

use std::path::{Path, PathBuf};

use serde_json::Value as Json;

use super::{json_get_any_case, Language, PageRef, Site};
use crate::formats::Tree;
use crate::templates::Catalogue;

impl Site {
    /// The language published at the root: `defaultContentLanguage`; when unset, `en`
    /// if the site has it, else its first language in Hugo's order ([`Site::languages`]),
    /// as Hugo's `langs.DecodeConfig` picks it (`langs/config.go`).
    pub fn default_language(&self) -> String {
        if let Some(code) = self.configured_default_language() {
            return code;
        }
        let codes: Vec<String> = self
            .languages_with(None)
            .into_iter()
            .map(|l| l.code)
            .collect();
        codes
            .iter()
            .find(|c| c.eq_ignore_ascii_case("en"))
            .or(codes.first())
            .cloned()
            .unwrap_or_else(|| "en".to_string())
    }

    /// `defaultContentLanguage` as the config sets it.
    fn configured_default_language(&self) -> Option<String> {
        self.config_json(&["defaultContentLanguage"])
            .and_then(|v| v.as_str().map(str::to_lowercase))
            .filter(|code| !code.is_empty())
    }

    /// The path a page of language `lang` is published under (`fr` for `/fr/about/`):
    /// [`Site::language_prefix`], but none on a site with a host per language
    /// ([`Site::is_multihost`]: each language is at the root of its own `baseURL`, hunt
    /// AR-4).
    pub fn url_prefix(&self, lang: &str) -> Option<String> {
        if self.is_multihost() {
            return None;
        }
        self.language_prefix(lang)
    }

    /// Hugo's `LanguagePrefix` of language `lang` (`fr`): every language's but the default
    /// one's, and the default one's too with `defaultContentLanguageInSubdir`; `None` for
    /// the root. A site with a host per language keeps it, but does not publish under it
    /// ([`Site::url_prefix`]).
    pub fn language_prefix(&self, lang: &str) -> Option<String> {
        let in_subdir = self
            .config_json(&["defaultContentLanguageInSubdir"])
            .is_some_and(|v| v.as_bool() == Some(true));
        (in_subdir || !self.default_language().eq_ignore_ascii_case(lang)).then(|| lang.to_string())
    }

    /// Whether a language sets its own `baseURL` (Hugo's multihost mode,
    /// `config/allconfig/allconfig.go`, `IsMultihost`).
    pub fn is_multihost(&self) -> bool {
        match self.config_json(&["languages"]) {
            Some(Json::Object(languages)) => languages
                .values()
                .any(|l| super::json_get_any_case(l, "baseURL").is_some()),
            _ => false,
        }
    }

    /// The site's languages, by weight (a language without one last), then code; one
    /// default language when none is configured.
    pub fn languages(&self) -> Vec<Language> {
        self.languages_with(self.configured_default_language().as_deref())
    }

    /// [`Site::languages`], with the default language the config sets (which cannot be
    /// turned off, and is the one language of a site that configures none), if it does.
    fn languages_with(&self, default: Option<&str>) -> Vec<Language> {
        let main_dir = self
            .config_json(&["contentDir"])
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_else(|| "content".to_string());
        let default_code = default.unwrap_or("en").to_string();
        // A language turned off (`disabled = true`, or named in `disableLanguages`) is no
        // language of the site's, as in Hugo; the default one cannot be.
        let disabled: Vec<String> = self
            .config_json(&["disableLanguages"])
            .and_then(|v| v.as_array().cloned())
            .unwrap_or_default()
            .iter()
            .filter_map(|v| v.as_str().map(str::to_ascii_lowercase))
            .collect();
        let off = |code: &str, v: &Json| {
            !default.is_some_and(|d| code.eq_ignore_ascii_case(d))
                && (json_get_any_case(v, "disabled").and_then(Json::as_bool) == Some(true)
                    || disabled.contains(&code.to_ascii_lowercase()))
        };
        let mut langs: Vec<(i64, Language)> = match self.config_json(&["languages"]) {
            Some(Json::Object(m)) if !m.is_empty() => m
                .iter()
                .filter(|(code, v)| !off(code, v))
                .map(|(code, v)| {
                    let get = |k: &str| {
                        json_get_any_case(v, k)
                            .and_then(Json::as_str)
                            .map(str::to_string)
                    };
                    let dir = get("contentDir").unwrap_or_else(|| main_dir.clone());
                    let weight = json_get_any_case(v, "weight")
                        .and_then(Json::as_i64)
                        .unwrap_or(0);
                    let name = get("label")
                        .or_else(|| get("languageName"))
                        .unwrap_or_else(|| code.clone());
                    (
                        weight,
                        Language {
                            code: code.to_lowercase(),
                            name,
                            weight,
                            content_dir: self.root.join(dir),
                        },
                    )
                })
                .collect(),
            _ => vec![(
                0,
                Language {
                    code: default_code.clone(),
                    name: default_code.clone(),
                    weight: 0,
                    content_dir: self.root.join(main_dir),
                },
            )],
        };
        // Hugo's order (`langs/config.go`, `init`): by weight, a language without one
        // last, then by code.
        langs.sort_by(|(wa, a), (wb, b)| (*wa == 0, *wa, &a.code).cmp(&(*wb == 0, *wb, &b.code)));
        langs.into_iter().map(|(_, l)| l).collect()
    }

    /// Portfolio pages ([`is_portfolio`]: pages calling the site's own shortcodes, or
    /// with `layout: about`), `about.md` first in each language.
    pub fn pages(&self) -> Vec<PageRef> {
        let catalogue = self.shortcodes.clone();
        self.pages_by_language(|found| {
            found.retain(|p| is_portfolio(p, &catalogue));
            // `about.md`, and a translation of it (`about.fr.md`), first.
            let about = |p: &PathBuf| {
                p.file_stem()
                    .and_then(|s| s.to_str())
                    .is_some_and(|s| s.split('.').next() == Some("about"))
            };
            found.sort_by_key(|p| (!about(p), p.clone()));
        })
    }

    /// The portfolio pages ([`Site::pages`]), then the page at `open` and its translations
    /// (the pages of the other languages with its [`PageRef::translation_key`]) where they
    /// are not among them: what the app's Page and Language selectors offer, so a page of a
    /// site whose calls are its own (no `project-card`) still switches language.
    pub fn pages_and_translations_of(&self, open: &Path) -> Vec<PageRef> {
        let mut pages = self.pages();
        let open = crate::fs::resolved(open);
        let all = self.content_pages();
        let key = all
            .iter()
            .find(|p| crate::fs::resolved(&p.path) == open)
            .map(|p| (p.translation_key.clone(), p.language.clone()));
        let Some((key, language)) = key else {
            return pages;
        };
        for page in all {
            let translation = page.translation_key == key
                && (page.language != language || crate::fs::resolved(&page.path) == open);
            if translation && !pages.iter().any(|p| p.path == page.path) {
                pages.push(page);
            }
        }
        pages
    }

    /// The HTML files of the site's content folders (`.html`, `.htm`), which stop Hugo's
    /// build unless the site's `security.allowContent` lets them in (Hugo 0.168's default,
    /// `! ^text/html$`, does not: `config/security/securityConfig.go`); none when the site
    /// sets that policy. A site that names files to ignore or mounts its own folders
    /// (`ignoreFiles`, `module.mounts`) is not looked at: which files Hugo reads there is
    /// its (review 52b, 6); nor are the files Hugo skips by name (`#x.html`, `.x.html`).
    pub fn html_content_files(&self) -> Vec<PathBuf> {
        let set = |keys: &[&str]| self.config_json(keys).is_some();
        if set(&["security", "allowContent"]) || set(&["ignoreFiles"]) || set(&["module", "mounts"])
        {
            return Vec::new();
        }
        let mut dirs: Vec<PathBuf> = self
            .languages()
            .into_iter()
            .map(|l| l.content_dir)
            .collect();
        dirs.sort();
        dirs.dedup();
        let skipped = |f: &PathBuf| {
            let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            name.starts_with(['#', '.'])
        };
        let mut files: Vec<PathBuf> = dirs
            .iter()
            .flat_map(|d| files_with(d, &["html", "htm"]))
            .filter(|f| !skipped(f))
            .collect();
        files.sort();
        files.dedup();
        files
    }

    /// Every content page, in each language's content folder, sorted by path (at most
    /// 2,000): what a user chooses from when no page is an obvious portfolio page.
    pub fn content_pages(&self) -> Vec<PageRef> {
        let mut out = self.pages_by_language(|found| found.sort());
        out.truncate(2000);
        out
    }

    /// The Markdown files of each language's content folder (a folder shared by languages
    /// once, for the first), each folder's list passed through `pick`, in order; each
    /// page in its own language ([`Site::language_of`]: `projects.pt-br.md` in a shared
    /// folder is Portuguese).
    fn pages_by_language(&self, mut pick: impl FnMut(&mut Vec<PathBuf>)) -> Vec<PageRef> {
        let mut out = Vec::new();
        let mut seen_dirs = Vec::new();
        let langs = self.languages();
        for lang in &langs {
            if seen_dirs.contains(&lang.content_dir) {
                continue;
            }
            seen_dirs.push(lang.content_dir.clone());
            // Another language's folder inside this one (`content/fr` in `content`) is
            // that language's, listed with it.
            let inner: Vec<&PathBuf> = langs
                .iter()
                .map(|l| &l.content_dir)
                .filter(|d| *d != &lang.content_dir && d.starts_with(&lang.content_dir))
                .collect();
            let mut found = markdown_files(&lang.content_dir);
            found.retain(|p| !inner.iter().any(|d| p.starts_with(d)));
            pick(&mut found);
            out.extend(found.into_iter().map(|path| {
                let language = self.language_of(&langs, &path);
                let translation_key = translation_key(&lang.content_dir, &path, &language);
                PageRef {
                    path,
                    language,
                    translation_key,
                }
            }));
        }
        out
    }

    /// The language of the page file `path`, of the site's `langs`: the one its file name
    /// names (`about.fr.md`), as Hugo reads it first, else the one whose content folder
    /// holds it, the deepest (`content/fr` inside the default language's `content`); a
    /// folder two languages share holds the default language's pages.
    pub fn language_of(&self, langs: &[super::Language], path: &Path) -> String {
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let name = abs.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if let (_, Some(code)) = split_language(name, langs.iter().map(|l| l.code.as_str())) {
            return code.to_string();
        }
        let default = self.default_language();
        let absolute = |d: &Path| std::path::absolute(d).unwrap_or_else(|_| d.to_path_buf());
        langs
            .iter()
            .filter(|l| abs.starts_with(absolute(&l.content_dir)))
            .max_by_key(|l| (l.content_dir.components().count(), l.code == default))
            .or(langs.first())
            .map_or_else(|| "en".to_string(), |l| l.code.clone())
    }
}

/// A page's [`PageRef::translation_key`]: `path` in `dir`, without `.LANG` before its
/// extension.
fn translation_key(dir: &Path, path: &Path, lang: &str) -> String {
    let rel = path.strip_prefix(dir).unwrap_or(path);
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if let Some(name) = parts.last_mut() {
        *name = split_language(name, [lang]).0;
    }
    parts.join("/")
}

/// A content file's name split at its language (Hugo's translation by file name,
/// "Multilingual mode" in its docs): `about.fr.md` gives (`about.md`, `Some("fr")`) when
/// `fr` is one of `codes`, in any case (the code is given as `codes` spells it); any
/// other name gives itself and `None`. The one home of this rule.
pub(crate) fn split_language<'c>(
    name: &str,
    codes: impl IntoIterator<Item = &'c str>,
) -> (String, Option<&'c str>) {
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) => (stem, Some(ext)),
        None => (name, None),
    };
    let found = stem.rsplit_once('.').and_then(|(base, code)| {
        codes
            .into_iter()
            .find(|c| c.eq_ignore_ascii_case(code))
            .map(|c| (base, c))
    });
    match (found, ext) {
        (Some((base, code)), Some(ext)) => (format!("{base}.{ext}"), Some(code)),
        (Some((base, code)), None) => (base.to_string(), Some(code)),
        (None, _) => (name.to_string(), None),
    }
}

/// The `_index` file of the folder `dir` for the language `lang` (a branch bundle's page:
/// a section's, the home page's): `_index.LANG.EXT`, its language in any case as
/// [`split_language`] reads it, else, when `unsuffixed_is_ours` (the file of no language
/// is this language's), `_index.EXT`; EXT is `md`, `markdown` or `html`, in that order.
pub(crate) fn index_file(dir: &Path, lang: &str, unsuffixed_is_ours: bool) -> Option<PathBuf> {
    const EXTENSIONS: [&str; 3] = ["md", "markdown", "html"];
    let mut found: Vec<(bool, usize, PathBuf)> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(std::result::Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file() || t.is_symlink()))
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let (plain, code) = split_language(&name, [lang]);
            let (stem, ext) = plain.rsplit_once('.')?;
            let rank = EXTENSIONS.iter().position(|x| *x == ext)?;
            let ours = code.is_some() || unsuffixed_is_ours;
            (stem == "_index" && ours).then(|| (code.is_none(), rank, e.path()))
        })
        .collect();
    found.sort();
    found.into_iter().next().map(|(_, _, path)| path)
}

/// Markdown files under `dir` (hidden folders skipped, at most 20,000 files).
fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    files_with(dir, &["md", "markdown"])
}

/// The files under `dir` (not in hidden folders) whose extension is one of `extensions`,
/// at most 20,000.
fn files_with(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let hidden =
        |e: &walkdir::DirEntry| e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|e| !(hidden(e) && e.file_type().is_dir()))
        .filter_map(std::result::Result::ok)
        .filter(|e| {
            e.file_type().is_file()
                && e.path()
                    .extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| extensions.contains(&x))
        })
        .take(20_000)
        .map(walkdir::DirEntry::into_path)
        .collect()
}

/// Whether a file looks like a portfolio page: it calls a shortcode of the site's own
/// (one `catalogue` has from the site's, a theme's or a module's templates, not Hugo's
/// built-ins: the site's cards), or has `layout: about`. A page that does not parse but
/// mentions `project-card` still counts, so the app can open it and show the error.
pub fn is_portfolio(path: &Path, catalogue: &Catalogue) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    if meta.len() > 16 * 1024 * 1024 {
        return false;
    }
    let Ok(src) = crate::fs::read_to_string(path) else {
        return false;
    };
    if src.contains(crate::page::CARD) || calls_own_shortcode(&src, catalogue) {
        return true;
    }
    let Ok((Some(fm), _)) = crate::page::frontmatter::split(&src) else {
        return false;
    };
    Tree::parse(&src, fm.inner.clone(), fm.format)
        .ok()
        .and_then(|d| d.get(&["layout"]).map(|n| n.to_json()))
        .is_some_and(|v| v == "about")
}

/// Whether `src` opens a call (`{{< name` or `{{% name`, blanks allowed) of a shortcode
/// `catalogue` has from templates other than Hugo's built-ins. A quick look at the text,
/// not a parse: a call in a code block counts too.
fn calls_own_shortcode(src: &str, catalogue: &Catalogue) -> bool {
    memchr::memmem::find_iter(src.as_bytes(), b"{{").any(|at| {
        let rest = src.get(at + 2..).unwrap_or_default();
        let Some(rest) = rest.strip_prefix(['<', '%']) else {
            return false;
        };
        let rest = rest.trim_start();
        let end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '>' | '%' | '"'))
            .unwrap_or(rest.len());
        // A name may hold a folder (`{{< blog/note >}}`); `{{< x/>}}` closes itself.
        let name = rest.get(..end).unwrap_or_default().trim_end_matches('/');
        catalogue
            .get(name)
            .is_some_and(|t| t.origin != crate::templates::Origin::BuiltIn)
    })
}

#[cfg(test)]
mod tests {
    use super::split_language;

    #[test]
    fn a_file_name_ending_in_a_language_code_of_the_site_is_that_languages_page() {
        let codes = ["en", "pt-BR"];
        assert_eq!(
            split_language("about.pt-br.md", codes),
            ("about.md".to_string(), Some("pt-BR"))
        );
        assert_eq!(split_language("about.EN.md", codes).1, Some("en"));
    }

    #[test]
    fn a_dot_word_that_is_no_language_of_the_site_stays_in_the_name() {
        let codes = ["en", "fr"];
        assert_eq!(
            split_language("v1.2.md", codes),
            ("v1.2.md".to_string(), None)
        );
        assert_eq!(
            split_language("about.md", codes),
            ("about.md".to_string(), None)
        );
        assert_eq!(
            split_language("about.fr", codes),
            ("about.fr".to_string(), None)
        );
    }
}
