//! Sites: finding the config, the params, the languages and the portfolio pages, and editing
//! a param without touching anything else in the config.

use std::fs;

use folio::site::{lookup_param, Site};
use folio::{OpenPage, Plan};
use serde_json::json;

use crate::support::{change, sample_site};

/// The portfolio pages of the site at `dir`, as (language, translation key).
fn portfolio_pages(dir: &std::path::Path) -> Vec<(String, String)> {
    folio::Site::open_dir(dir)
        .unwrap()
        .pages()
        .into_iter()
        .map(|p| (p.language, p.translation_key))
        .collect()
}

#[test]
fn the_sample_site_has_its_params_and_english_content_folder() {
    let dir = sample_site();
    let site = Site::open_dir(dir.path()).unwrap();
    let params = site.params();
    assert_eq!(params["email"], "hello {at} example {dot} dev");
    assert_eq!(params["github"], "rviscarra");
    let langs = site.languages();
    assert_eq!(langs.len(), 1);
    assert_eq!(langs[0].code, "en");
    assert!(langs[0].content_dir.ends_with("content/en"));
    let pages = site.pages();
    assert_eq!(pages.len(), 1);
    assert!(pages[0].path.ends_with("content/en/about.md"));
}

#[test]
fn render_hooks_are_on_for_sites_with_languages_unless_the_config_turns_them_off() {
    let markup = |config: &str| {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("hugo.toml"), config).unwrap();
        let m = Site::open_dir(dir.path()).unwrap().markup();
        (m.unsafe_html, m.link_hook, m.image_hook)
    };
    assert_eq!(markup("title = \"x\"\n"), (false, false, false));
    assert_eq!(markup("[languages.en]\nweight = 1\n"), (false, true, true));
    assert_eq!(
        markup("[languages.en]\nweight = 1\n[markup.goldmark.renderHooks.link]\nenableDefault = false\n"),
        (false, false, true)
    );
    assert_eq!(
        markup("[markup.goldmark.renderer]\nunsafe = true\n[markup.goldmark.renderHooks.image]\nenableDefault = true\n"),
        (true, false, true)
    );
}

#[test]
fn hugo_config_wins_over_legacy_config() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("config.toml"),
        "[params]\nemail = \"old\"\n",
    )
    .unwrap();
    fs::write(dir.path().join("hugo.yaml"), "params:\n  email: new\n").unwrap();
    assert_eq!(Site::open_dir(dir.path()).unwrap().params()["email"], "new");
}

#[test]
fn config_default_folder_and_params_file_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("config/_default");
    fs::create_dir_all(&d).unwrap();
    fs::write(d.join("hugo.toml"), "title = \"x\"\n").unwrap();
    fs::write(d.join("params.toml"), "# mine\nemail = \"a@b.c\"\n").unwrap();
    let site = Site::open_dir(dir.path()).unwrap();
    assert_eq!(site.params()["email"], "a@b.c");
    let mut p = site.params();
    p.insert("email".into(), json!("x@y.z"));
    let (path, text) = site.params_edit(&p).unwrap().unwrap();
    assert!(path.ends_with("params.toml"));
    assert_eq!(text, "# mine\nemail = \"x@y.z\"\n");
}

#[test]
fn editing_a_param_rewrites_only_its_value_in_the_config() {
    let dir = sample_site();
    let page = dir.path().join("content/en/about.md");
    let doc = OpenPage::open(&page).unwrap();
    let mut m = doc.model();
    m.params.insert("github".into(), json!("someone-else"));
    let plan = doc.plan(&m, "model.json".as_ref()).unwrap();
    assert!(plan.page.is_none());
    let (path, text) = plan.config.clone().unwrap();
    let old = fs::read_to_string(&path).unwrap();
    let c = change(&old, &text);
    assert_eq!((c.old, c.new), ("rviscarra", "someone-else"));
    doc.write(&plan).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_new_param_joins_the_params_table() {
    let dir = sample_site();
    let doc = OpenPage::open(&dir.path().join("content/en/about.md")).unwrap();
    let mut m = doc.model();
    m.params
        .insert("mastodon".into(), json!("@me@example.social"));
    let (_, text) = doc.plan(&m, "m".as_ref()).unwrap().config.unwrap();
    assert!(
        text.ends_with("linkedin = \"rviscarra\"\nmastodon = \"@me@example.social\"\n"),
        "{text}"
    );
}

#[test]
fn a_params_table_written_in_capitals_is_read_and_edited_where_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let config = "title = \"t\"\n[Params]\nemail = \"a@b.c\"\n";
    fs::write(dir.path().join("hugo.toml"), config).unwrap();
    let site = Site::open_dir(dir.path()).unwrap();
    assert_eq!(site.params()["email"], "a@b.c");
    let mut p = site.params();
    p.insert("email".into(), json!("x@y.z"));
    let (_, text) = site.params_edit(&p).unwrap().unwrap();
    assert_eq!(text, "title = \"t\"\n[Params]\nemail = \"x@y.z\"\n");
}

#[test]
fn params_written_as_dotted_keys_get_new_keys_written_the_same_way() {
    let dir = tempfile::tempdir().unwrap();
    let config =
        "baseURL = \"https://e.org/\"\n  Params.a = \"x\"\nParams.n.b = 2\ntitle = \"T\"\n";
    fs::write(dir.path().join("hugo.toml"), config).unwrap();
    let site = Site::open_dir(dir.path()).unwrap();
    let mut p = site.params();
    p["n"].as_object_mut().unwrap().insert("c".into(), json!(3));
    p.insert("z".into(), json!(true));
    let (_, text) = site.params_edit(&p).unwrap().unwrap();
    assert!(!text.to_lowercase().contains("params.params"), "{text}");
    assert!(
        text.contains("\nParams.n.c = 3\n") && text.contains("Params.z = true\n"),
        "{text}"
    );
    fs::write(dir.path().join("hugo.toml"), &text).unwrap();
    assert_eq!(Site::open_dir(dir.path()).unwrap().params(), p);
}

#[test]
fn a_config_without_params_gets_a_params_table() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("hugo.toml"), "title = \"t\"").unwrap();
    let site = Site::open_dir(dir.path()).unwrap();
    let mut p = serde_json::Map::new();
    p.insert("email".into(), json!("a@b.c"));
    let (_, text) = site.params_edit(&p).unwrap().unwrap();
    assert_eq!(text, "title = \"t\"\n\n[params]\nemail = \"a@b.c\"\n");
}

#[test]
fn an_unchanged_model_plans_nothing() {
    let dir = sample_site();
    let doc = OpenPage::open(&dir.path().join("content/en/about.md")).unwrap();
    assert_eq!(
        doc.plan(&doc.model(), "m".as_ref()).unwrap(),
        Plan::default()
    );
}

#[test]
fn multilingual_sites_list_pages_per_language() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(
        root.join("hugo.yaml"),
        "defaultContentLanguage: en\nlanguages:\n  fr:\n    contentDir: content/fr\n    languageName: Français\n    weight: 2\n  en:\n    contentDir: content/en\n    weight: 1\n",
    )
    .unwrap();
    for (lang, title) in [("en", "About"), ("fr", "À propos")] {
        fs::create_dir_all(root.join("content").join(lang)).unwrap();
        fs::write(
            root.join(format!("content/{lang}/about.md")),
            format!("---\ntitle: {title}\nlayout: about\n---\nHi\n"),
        )
        .unwrap();
        fs::write(
            root.join(format!("content/{lang}/post.md")),
            "---\ntitle: post\n---\nNot a portfolio\n",
        )
        .unwrap();
    }
    let site = Site::open_dir(root).unwrap();
    let langs: Vec<_> = site
        .languages()
        .into_iter()
        .map(|l| (l.code, l.name))
        .collect();
    assert_eq!(
        langs,
        [
            ("en".to_string(), "en".to_string()),
            ("fr".to_string(), "Français".to_string())
        ]
    );
    let pages: Vec<_> = site.pages().into_iter().map(|p| p.language).collect();
    assert_eq!(pages, ["en", "fr"]);
}

#[test]
fn pages_in_a_folder_languages_share_are_in_the_language_their_file_names_say() {
    let site = crate::support::site_of(&[
        (
            "hugo.toml",
            "[languages.en]\nweight = 1\n[languages.pt-br]\nweight = 2\n",
        ),
        ("content/about.md", "---\nlayout: about\n---\n"),
        ("content/about.pt-br.md", "---\nlayout: about\n---\n"),
        (
            "content/work/projects.PT-BR.md",
            "---\nlayout: about\n---\n",
        ),
    ]);
    let pages = portfolio_pages(site.path());
    assert_eq!(
        pages,
        [
            ("en".to_string(), "about.md".to_string()),
            ("pt-br".to_string(), "about.md".to_string()),
            ("pt-br".to_string(), "work/projects.md".to_string()),
        ]
    );
}

#[test]
fn a_language_folder_inside_another_lists_its_pages_once_in_its_own_language() {
    let site = crate::support::site_of(&[
        (
            "hugo.toml",
            "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\ncontentDir = \"content/fr\"\n",
        ),
        ("content/about.md", "---\nlayout: about\n---\n"),
        ("content/fr/about.md", "---\nlayout: about\n---\n"),
    ]);
    let pages = portfolio_pages(site.path());
    assert_eq!(
        pages,
        [
            ("en".to_string(), "about.md".to_string()),
            ("fr".to_string(), "about.md".to_string()),
        ]
    );
}

#[test]
fn pages_calling_the_sites_own_shortcodes_are_portfolio_pages_and_built_ins_are_not() {
    // Trial 52a-1: a theme's `timeline`/`entry` cards, no `project-card`.
    let site = crate::support::site_of(&[
        (
            "hugo.yaml",
            "theme: t\nlanguages:\n  en:\n    weight: 1\n    contentDir: content/en\n  de:\n    weight: 2\n    contentDir: content/de\n",
        ),
        ("themes/t/layouts/shortcodes/entry.html", "{{ .Inner }}"),
        ("layouts/shortcodes/blog/note.html", "{{ .Inner }}"),
        ("content/en/cv.md", "---\ntitle: CV\n---\n{{% entry year=\"2020\" %}}x{{% /entry %}}\n"),
        ("content/de/cv.md", "---\ntitle: CV\n---\n{{< blog/note >}}x{{< /blog/note >}}\n"),
        ("content/en/post.md", "---\ntitle: P\n---\n{{< figure src=\"a.png\" >}} {{ entry }}\n"),
    ]);
    let pages = portfolio_pages(site.path());
    assert_eq!(
        pages,
        [
            ("en".to_string(), "cv.md".to_string()),
            ("de".to_string(), "cv.md".to_string()),
        ]
    );
}

#[test]
fn the_open_page_and_its_translations_are_offered_though_no_page_is_a_portfolio_page() {
    let dir = crate::support::site_of(&[
        (
            "hugo.toml",
            "[languages.en]\nweight = 1\ncontentDir = \"content/en\"\n[languages.de]\nweight = 2\ncontentDir = \"content/de\"\n",
        ),
        ("content/en/me.md", "---\ntitle: Me\n---\nHi.\n"),
        ("content/de/me.md", "---\ntitle: Ich\n---\nHallo.\n"),
        ("content/de/other.md", "---\ntitle: O\n---\n"),
    ]);
    let site = folio::Site::open_dir(dir.path()).unwrap();
    let offered: Vec<(String, bool)> = site
        .pages_and_translations_of(&dir.path().join("content/en/me.md"))
        .into_iter()
        .map(|p| (p.language, p.path.ends_with("me.md")))
        .collect();
    assert_eq!(
        offered,
        [("en".to_string(), true), ("de".to_string(), true)]
    );
}

#[test]
fn params_in_config_files_the_forms_do_not_edit_are_listed_once_with_their_files() {
    let dir = crate::support::site_of(&[
        (
            "hugo.toml",
            "title = \"E\"\n[params]\nrootParam = \"from root\"\nshared = \"root\"\nboth = 1\n",
        ),
        (
            "config/_default/hugo.toml",
            "[params]\nboth = 2\nfolder = true\n",
        ),
        (
            "config/_default/params.yaml",
            "dirParam: from dir\nShared: dir value\n",
        ),
    ]);
    let site = folio::Site::open_dir(dir.path()).unwrap();
    let elsewhere: Vec<(String, serde_json::Value, String)> = site
        .params_elsewhere("en")
        .into_iter()
        .map(|p| (p.key, p.value, p.file.display().to_string()))
        .collect();
    assert_eq!(
        elsewhere,
        [
            (
                "both".to_string(),
                json!(2),
                "config/_default/hugo.toml".to_string()
            ),
            (
                "folder".to_string(),
                json!(true),
                "config/_default/hugo.toml".to_string()
            ),
            (
                "rootParam".to_string(),
                json!("from root"),
                "hugo.toml".to_string()
            ),
            // Also set by the forms' file, whose value wins while it has the key.
            ("shared".to_string(), json!("root"), "hugo.toml".to_string()),
        ]
    );
    // What the templates see agrees.
    let seen = site.render_params();
    assert_eq!(seen.get("both"), Some(&json!(2)));
    assert_eq!(seen.get("rootParam"), Some(&json!("from root")));
    let shared: Vec<_> = seen
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case("shared"))
        .collect();
    assert_eq!(
        shared,
        [(&"Shared".to_string(), &json!("dir value"))],
        "{seen:?}"
    );
}

#[test]
fn param_lookup_is_case_insensitive_page_first_and_follows_dots() {
    let page = json!({"Email": "page@x"}).as_object().unwrap().clone();
    let site = json!({"email": "site@x", "social": {"GitHub": "me"}})
        .as_object()
        .unwrap()
        .clone();
    assert_eq!(lookup_param(&page, &site, "email").unwrap(), "page@x");
    assert_eq!(lookup_param(&page, &site, "social.github").unwrap(), "me");
    assert!(lookup_param(&page, &site, "missing").is_none());
}

#[test]
fn production_params_render_but_the_forms_edit_the_sites_own() {
    let site = crate::support::site_of(&[
        (
            "hugo.toml",
            "baseURL = \"https://e.org/\"\n[params]\ncolor = \"red\"\n",
        ),
        (
            "config/production/params.toml",
            "color = \"blue\"\nanalytics = \"UA-1\"\n",
        ),
    ]);
    let site = Site::open_dir(site.path()).unwrap();
    assert_eq!(site.params().get("color"), Some(&json!("red")));
    assert_eq!(site.params().get("analytics"), None);
    assert_eq!(site.render_params().get("color"), Some(&json!("blue")));
    // Saving the params as they are changes nothing.
    assert_eq!(site.params_edit(&site.params()).unwrap(), None);
}

#[test]
fn markup_settings_are_read_in_any_case() {
    let site = crate::support::site_of(&[(
        "hugo.toml",
        "[Markup.Goldmark.Renderer]\nUnsafe = true\n[Markup.Goldmark.RenderHooks.Link]\nEnableDefault = true\n",
    )]);
    let site = Site::open_dir(site.path()).unwrap();
    assert!(site.unsafe_html());
    assert!(site.markup().link_hook);
}

#[test]
fn params_a_language_or_the_build_environment_sets_over_the_forms_file_are_said_to_win() {
    // Hunt AC, 2: editing `email` in [params] changed nothing Hugo showed, as
    // [languages.en.params] and config/production/ win over it.
    let dir = crate::support::site_of(&[
        (
            "hugo.toml",
            "title = \"E\"\ndefaultContentLanguage = \"en\"\n[params]\nemail = \"a@b.c\"\n\
             other = \"x\"\nplain = \"p\"\n[languages.en]\nweight = 1\n[languages.en.params]\n\
             email = \"en@b.c\"\nonlyEn = \"e\"\n",
        ),
        ("config/production/params.toml", "other = \"prod\"\n"),
        ("config/_default/params.en.toml", "fromFile = \"f\"\n"),
        ("layouts/_default/single.html", "{{ site.Params.email }}|{{ site.Params.other }}|{{ site.Params.onlyen }}|{{ site.Params.plain }}"),
        ("content/about.md", "---\ntitle: A\n---\nBody.\n"),
    ]);
    crate::support::hugo_build(dir.path(), "the site");
    let hugo = std::fs::read_to_string(dir.path().join("public/about/index.html")).unwrap();
    assert_eq!(hugo, "en@b.c|prod|e|p");
    let site = folio::Site::open_dir(dir.path()).unwrap();
    let mut said: Vec<String> = site
        .params_elsewhere("en")
        .into_iter()
        .map(|p| {
            format!(
                "{} {} {} [{}] {}",
                p.key,
                p.value,
                p.file.display(),
                p.table,
                p.wins
            )
        })
        .collect();
    said.sort();
    assert_eq!(
        said,
        [
            "email \"en@b.c\" hugo.toml [languages.en.params] true",
            "fromFile \"f\" config/_default/params.en.toml [] false",
            "onlyEn \"e\" hugo.toml [languages.en.params] false",
            "other \"prod\" config/production/params.toml [] true",
        ]
    );
}

#[test]
fn a_config_folders_params_win_over_a_root_configs_and_a_table_is_not_said_to_win_whole() {
    // The review of 7d96c46: the folder's `x` won unsaid; a language's `social.github`
    // was said to win over the whole `social` table.
    let dir = crate::support::site_of(&[
        (
            "hugo.toml",
            "title = \"E\"\n[params]\nx = \"root\"\n[params.social]\ngithub = \"a\"\ntwitter = \"b\"\n\
             [languages.en]\nweight = 1\n[languages.en.params.social]\ngithub = \"c\"\n",
        ),
        ("config/_default/hugo.toml", "[params]\nx = \"folder\"\n"),
        ("layouts/_default/single.html", "{{ site.Params.x }}|{{ site.Params.social.github }}|{{ site.Params.social.twitter }}"),
        ("content/about.md", "---\ntitle: A\n---\nBody.\n"),
    ]);
    crate::support::hugo_build(dir.path(), "the site");
    let hugo = std::fs::read_to_string(dir.path().join("public/about/index.html")).unwrap();
    assert_eq!(hugo, "folder|c|b");
    let site = folio::Site::open_dir(dir.path()).unwrap();
    let said: Vec<(String, bool)> = site
        .params_elsewhere("en")
        .into_iter()
        .map(|p| (p.key, p.wins))
        .collect();
    assert_eq!(said, [("x".to_string(), true)]);
}

#[test]
fn a_themes_params_no_file_of_the_site_sets_are_listed_with_the_theme_that_hugo_reads_them_from() {
    // Stop 45's note: a key only a theme set was not shown, and one removed from the
    // site's config fell back to the theme's value unsaid.
    let dir = crate::support::site_of(&[
        (
            "hugo.toml",
            "title = \"E\"\ntheme = [\"first\", \"second\"]\n[params]\ncolor = \"site\"\n",
        ),
        (
            "themes/first/hugo.toml",
            "[params]\ncolor = \"first\"\naccent = \"first\"\n",
        ),
        (
            "themes/second/hugo.toml",
            "[params]\naccent = \"second\"\nfont = \"second\"\n",
        ),
        (
            "layouts/_default/single.html",
            "{{ site.Params.color }}|{{ site.Params.accent }}|{{ site.Params.font }}",
        ),
        ("content/about.md", "---\ntitle: A\n---\nBody.\n"),
    ]);
    crate::support::hugo_build(dir.path(), "the site");
    let hugo = std::fs::read_to_string(dir.path().join("public/about/index.html")).unwrap();
    assert_eq!(hugo, "site|first|second");
    let site = folio::Site::open_dir(dir.path()).unwrap();
    let said: Vec<(String, serde_json::Value, String, bool)> = site
        .params_elsewhere("en")
        .into_iter()
        .map(|p| (p.key, p.value, p.file.display().to_string(), p.from_theme))
        .collect();
    assert_eq!(
        said,
        [
            ("accent".into(), json!("first"), "themes/first".into(), true),
            ("font".into(), json!("second"), "themes/second".into(), true),
        ]
    );
}

#[test]
fn a_theme_hugo_cannot_find_is_an_error_at_its_name_as_it_stops_hugo() {
    // Hunt AF 9: `folio check` said nothing of `theme = "nosuch"`.
    for (config, go_mod, stops) in [
        ("theme = \"nosuch\"\n", false, true),
        ("theme = [\"here\", \"github.com/a/b\"]\n", false, true),
        ("theme = [\"here\", \"github.com/a/b\"]\n", true, false),
        ("theme = \"here\"\n", false, false),
    ] {
        let mut files = vec![
            ("hugo.toml", config),
            ("themes/here/hugo.toml", ""),
            ("content/a.md", "---\ntitle: A\n---\nx\n"),
        ];
        if go_mod {
            files.push(("go.mod", "module example.org/site\n"));
        }
        let dir = crate::support::site_of(&files);
        if !go_mod {
            let hugo = crate::support::hugo_run(dir.path(), &[]);
            assert_eq!(hugo.is_err(), stops, "{config}: {hugo:?}");
        }
        let found: Vec<String> = folio::check::check_path(&dir.path().join("content/a.md"))
            .iter()
            .map(ToString::to_string)
            .collect();
        let said = found
            .iter()
            .any(|f| f.contains("hugo.toml:1:9: error: failed to load modules: module"));
        assert_eq!(said, stops, "{config}: {found:?}");
    }
}

#[test]
fn a_themes_keys_a_table_of_the_site_lacks_are_listed_as_what_hugo_merges_in() {
    // The review of 4b6c828: `[params.social] twitter` of the theme was not shown beside
    // the site's `[params.social] github`, yet Hugo reads both.
    let dir = crate::support::site_of(&[
        (
            "hugo.toml",
            "title = \"E\"\ntheme = \"t\"\n[params.social]\ngithub = \"me\"\n",
        ),
        (
            "themes/t/hugo.toml",
            "[params.social]\ngithub = \"theme\"\ntwitter = \"tw\"\n",
        ),
        (
            "layouts/_default/single.html",
            "{{ site.Params.social.github }}|{{ site.Params.social.twitter }}",
        ),
        ("content/about.md", "---\ntitle: A\n---\nBody.\n"),
    ]);
    crate::support::hugo_build(dir.path(), "the site");
    let hugo = std::fs::read_to_string(dir.path().join("public/about/index.html")).unwrap();
    assert_eq!(hugo, "me|tw");
    let site = folio::Site::open_dir(dir.path()).unwrap();
    let said: Vec<(String, serde_json::Value, bool)> = site
        .params_elsewhere("en")
        .into_iter()
        .map(|p| (p.key, p.value, p.from_theme))
        .collect();
    assert_eq!(said, [("social".into(), json!({"twitter": "tw"}), true)]);
}

#[test]
fn an_html_file_in_the_content_folder_is_said_to_stop_hugos_build_unless_the_site_allows_it() {
    // Hunt AR-5: Hugo 0.168 refuses `text/html` content by default.
    let site = crate::support::hugo_site(&[
        ("hugo.toml", "baseURL = \"https://e.org/\"\n"),
        ("content/about/index.md", "---\ntitle: About\n---\nText.\n"),
        ("content/about/player.html", "<p>player</p>\n"),
        // Hugo skips a file named so (review 52b, 6).
        ("content/about/#draft.html", "<p>draft</p>\n"),
    ]);
    let hugo = crate::support::hugo_run(site.path(), &[]);
    assert!(
        hugo.as_ref()
            .is_err_and(|e| e.contains("security.allowContent")),
        "{hugo:?}"
    );
    let said: Vec<String> = folio::check::check_path(site.path())
        .iter()
        .map(|d| format!("{}:{}:{}", d.path.display(), d.line, d.col))
        .collect();
    let player = site.path().join("content/about/player.html");
    assert_eq!(said, [format!("{}:1:1", player.display())]);
    // A site that ignores the file builds, and nothing is said.
    let config = site.path().join("hugo.toml");
    let text = fs::read_to_string(&config).unwrap();
    fs::write(
        &config,
        format!("{text}ignoreFiles = [\"player\\\\.html$\"]\n"),
    )
    .unwrap();
    assert!(crate::support::hugo_run(site.path(), &[]).is_ok());
    assert!(folio::check::check_path(site.path()).is_empty());
    // A site that lets HTML in builds, and nothing is said.
    fs::write(&config, text + "[security]\nallowContent = [\".*\"]\n").unwrap();
    assert!(crate::support::hugo_run(site.path(), &[]).is_ok());
    assert!(folio::check::check_path(site.path()).is_empty());
}
