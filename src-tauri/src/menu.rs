//! The native menu bar (File, Edit, View, Help) and what its items do.
//!
//! Accelerators are GTK accelerators on the window: they work wherever the focus is, the
//! sandboxed preview frame included (a `keydown` listener in the app's document never
//! hears keys typed in that frame). The page sees each key held with Ctrl first, in its
//! turn after the keys typed before it, and the accelerators run when the page gives it
//! back (`keys.rs`).
//!
//! The shell does what needs no window state: zoom, the editing commands (cut, copy,
//! paste, select all) on whatever has the focus in the webview, showing the page in the
//! file manager, closing. What the window drives (saving with its conflict questions,
//! undoing with its view of what changed, opening after asking about unsaved edits) is sent
//! to it as a [`Request`] on the channel it subscribed with `subscribe_menu`.
//!
//! Items are enabled only when they can act ([`Enabled`]); the state re-reads them after
//! every command and outside change (`AppState::sync_menu`).

use std::path::PathBuf;

use folio::session::Session;
use serde::{Deserialize, Serialize};
use tauri::menu::{
    AboutMetadataBuilder, CheckMenuItem, CheckMenuItemBuilder, IsMenuItem, Menu, MenuBuilder,
    MenuEvent, MenuItem, MenuItemBuilder, PredefinedMenuItem, Submenu, SubmenuBuilder,
};
use tauri::{AppHandle, Manager, Runtime, Theme};

use crate::state::AppState;

/// What the window is asked to do, sent as `{"action": "save"}`, `{"action": "openRecent",
/// "path": …}`, and so on.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "action", rename_all = "camelCase")]
pub enum Request {
    OpenSite,
    OpenPage,
    OpenRecent {
        path: PathBuf,
    },
    Save,
    SaveAs,
    Export,
    OpenExport,
    Undo,
    Redo,
    TogglePreview,
    /// The preview's styles changed (View ▸ Site Styles): show it again.
    RefreshPreview,
    /// Also sent once when the window subscribes, with the remembered choice.
    Appearance {
        choice: Appearance,
    },
    Shortcuts,
    /// Something the shell did for a menu item failed; the window shows `message`.
    Failed {
        message: String,
    },
}

/// The View ▸ Appearance choice, remembered in the app data folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Appearance {
    Light,
    Dark,
    /// Follows the desktop's light or dark preference.
    #[default]
    System,
}

impl Appearance {
    const ALL: [Appearance; 3] = [Appearance::Light, Appearance::Dark, Appearance::System];
    const FILE: &str = "appearance";

    fn id(self) -> &'static str {
        match self {
            Appearance::Light => "appearance-light",
            Appearance::Dark => "appearance-dark",
            Appearance::System => "appearance-system",
        }
    }

    /// The theme the window asks GTK for; `desktop` is the desktop's.
    pub fn theme(self, desktop: Theme) -> Theme {
        match self {
            Appearance::Light => Theme::Light,
            Appearance::Dark => Theme::Dark,
            Appearance::System => desktop,
        }
    }

    /// The choice remembered in the app data folder (`System` when none was made, or the
    /// file cannot be read).
    pub fn load(data: &folio::storage::AppData) -> Self {
        std::fs::read_to_string(data.dir().join(Self::FILE))
            .ok()
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default()
    }

    /// Remembers the choice.
    pub fn store(self, data: &folio::storage::AppData) -> Result<(), String> {
        let text = serde_json::to_string(&self).map_err(|e| e.to_string())?;
        std::fs::create_dir_all(data.dir()).map_err(|e| e.to_string())?;
        folio::fs::write_atomic(&data.dir().join(Self::FILE), text.as_bytes())
            .map_err(|e| e.to_string())
    }
}

/// View ▸ Site Styles: the preview and the export use the site's own stylesheets instead
/// of Folio's. Remembered in the app data folder; off until chosen.
pub struct SiteStyles;

impl SiteStyles {
    const FILE: &str = "site-styles";

    /// Whether it was left on (off when never chosen, or the file cannot be read).
    pub fn load(data: &folio::storage::AppData) -> bool {
        std::fs::read_to_string(data.dir().join(Self::FILE)).is_ok_and(|s| s.trim() == "on")
    }

    /// Remembers the choice.
    pub fn store(on: bool, data: &folio::storage::AppData) -> Result<(), String> {
        std::fs::create_dir_all(data.dir()).map_err(|e| e.to_string())?;
        let text: &[u8] = if on { b"on" } else { b"off" };
        folio::fs::write_atomic(&data.dir().join(Self::FILE), text).map_err(|e| e.to_string())
    }
}

/// Which items can act now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Enabled {
    /// A page is open: Save As, Show Page in File Manager.
    pub page: bool,
    /// The open page parses: Export (a broken page has nothing to export).
    pub export: bool,
    /// There are unsaved edits.
    pub save: bool,
    pub undo: bool,
    pub redo: bool,
    /// Something was exported this session.
    pub open_export: bool,
}

impl Enabled {
    /// What can act with `session` open (or none), `exported` saying whether there is an
    /// export to open.
    pub fn of(session: Option<&Session>, exported: bool) -> Self {
        let Some(s) = session else {
            return Enabled::default();
        };
        Enabled {
            page: true,
            export: s.open_page().is_some(),
            // A page file gone is written again by Save (trial 59b, 4).
            save: s.is_dirty() || s.is_missing(),
            undo: s.can_undo(),
            redo: s.can_redo(),
            open_export: exported,
        }
    }

    /// With `held` fields holding text the window has not applied (not valid yet): Save
    /// can act, and says why it does not save, as the window's Save button does (trial
    /// 50a, 8).
    pub fn holding(mut self, held: usize) -> Self {
        self.save |= self.page && held > 0;
        self
    }
}

/// The items whose state changes while the app runs.
pub struct Items<R: Runtime> {
    save: MenuItem<R>,
    save_as: MenuItem<R>,
    export: MenuItem<R>,
    open_export: MenuItem<R>,
    show_page: MenuItem<R>,
    undo: MenuItem<R>,
    redo: MenuItem<R>,
    recent: Submenu<R>,
    /// The pages File ▸ Open Recent lists, in its order.
    recent_paths: std::sync::Mutex<Vec<PathBuf>>,
    appearance: Vec<(Appearance, CheckMenuItem<R>)>,
    site_styles: CheckMenuItem<R>,
}

impl<R: Runtime> Items<R> {
    /// Enables each item that can act, disables the others.
    pub fn set(&self, e: Enabled) {
        for (item, on) in [
            (&self.save, e.save),
            (&self.save_as, e.page),
            (&self.export, e.export),
            (&self.show_page, e.page),
            (&self.open_export, e.open_export),
            (&self.undo, e.undo),
            (&self.redo, e.redo),
        ] {
            let _ = item.set_enabled(on);
        }
    }

    /// Checks View ▸ Site Styles when `on`.
    pub fn set_site_styles(&self, on: bool) {
        let _ = self.site_styles.set_checked(on);
    }

    /// Checks the item of `choice` and unchecks the others.
    pub fn set_appearance(&self, choice: Appearance) {
        for (a, item) in &self.appearance {
            let _ = item.set_checked(*a == choice);
        }
    }

    /// The app the items belong to.
    pub fn app_handle(&self) -> &AppHandle<R> {
        self.save.app_handle()
    }

    /// The page the `i`th File ▸ Open Recent item opens.
    fn recent_path(&self, i: usize) -> Option<PathBuf> {
        self.recent_paths
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(i)
            .cloned()
    }

    /// Lists `recent` pages (title and path) under File ▸ Open Recent.
    pub fn set_recent(&self, recent: &[folio::storage::Recent]) {
        let app = self.recent.app_handle();
        if let Ok(old) = self.recent.items() {
            for item in old {
                let _ = self.recent.remove(&item);
            }
        }
        *self.recent_paths.lock().unwrap_or_else(|p| p.into_inner()) =
            recent.iter().map(|r| r.path.clone()).collect();
        for (i, r) in recent.iter().enumerate() {
            // `&` marks a mnemonic in a label: a title's own is doubled.
            let label = format!("{} — {}", r.title, r.path.display()).replace('&', "&&");
            if let Ok(item) = MenuItemBuilder::with_id(format!("{RECENT}{i}"), label).build(app) {
                let _ = self.recent.append(&item);
            }
        }
        let _ = self.recent.set_enabled(!recent.is_empty());
    }
}

/// The prefix of File ▸ Open Recent items' ids; the rest is the index in the recent list.
const RECENT: &str = "recent-";

/// An item with an id, a label (`&` marks its mnemonic) and an accelerator (Tauri's
/// syntax, `CmdOrCtrl+S`).
fn item<R: Runtime, M: Manager<R>>(
    app: &M,
    id: &str,
    label: &str,
    accelerator: Option<&str>,
) -> tauri::Result<MenuItem<R>> {
    let mut b = MenuItemBuilder::with_id(id, label);
    if let Some(a) = accelerator {
        b = b.accelerator(a);
    }
    b.build(app)
}

/// Builds the menu bar; returns it and the items [`Items::set`] changes.
pub fn build<R: Runtime, M: Manager<R>>(app: &M) -> tauri::Result<(Menu<R>, Items<R>)> {
    let items = Items::new(app)?;
    let menu = MenuBuilder::new(app)
        .items(&[
            &file_menu(app, &items)?,
            &edit_menu(app, &items)?,
            &view_menu(app, &items)?,
            &help_menu(app)?,
        ])
        .build()?;
    Ok((menu, items))
}

impl<R: Runtime> Items<R> {
    fn new<M: Manager<R>>(app: &M) -> tauri::Result<Self> {
        Ok(Items {
            save: item(app, "save", "&Save", Some("CmdOrCtrl+S"))?,
            save_as: item(app, "save-as", "Save &As…", Some("CmdOrCtrl+Shift+S"))?,
            export: item(app, "export", "&Export…", Some("CmdOrCtrl+E"))?,
            open_export: item(app, "open-export", "Open Export in &Browser", None)?,
            show_page: item(app, "show-page", "Show Page in &File Manager", None)?,
            undo: item(app, "undo", "&Undo", Some("CmdOrCtrl+Z"))?,
            redo: item(app, "redo", "&Redo", Some("CmdOrCtrl+Shift+Z"))?,
            recent: SubmenuBuilder::new(app, "Open &Recent").build()?,
            recent_paths: std::sync::Mutex::new(Vec::new()),
            appearance: Appearance::ALL
                .iter()
                .map(|&a| {
                    let label = match a {
                        Appearance::Light => "&Light",
                        Appearance::Dark => "&Dark",
                        Appearance::System => "Follow &System",
                    };
                    CheckMenuItemBuilder::with_id(a.id(), label)
                        .build(app)
                        .map(|i| (a, i))
                })
                .collect::<tauri::Result<_>>()?,
            site_styles: CheckMenuItemBuilder::with_id("site-styles", "&Site Styles")
                .accelerator("CmdOrCtrl+Shift+Y")
                .build(app)?,
        })
    }
}

fn file_menu<R: Runtime, M: Manager<R>>(app: &M, items: &Items<R>) -> tauri::Result<Submenu<R>> {
    let separator = || PredefinedMenuItem::separator(app);
    SubmenuBuilder::new(app, "&File")
        .item(&item(app, "open-site", "&Open Site…", Some("CmdOrCtrl+O"))?)
        .item(&item(
            app,
            "open-page",
            "Open &Page…",
            Some("CmdOrCtrl+Shift+O"),
        )?)
        .item(&items.recent)
        .item(&separator()?)
        .item(&items.save)
        .item(&items.save_as)
        .item(&separator()?)
        .item(&items.export)
        .item(&items.open_export)
        .item(&items.show_page)
        .item(&separator()?)
        .item(&item(app, "close", "&Close Window", Some("CmdOrCtrl+W"))?)
        .item(&item(app, "quit", "&Quit", Some("CmdOrCtrl+Q"))?)
        .build()
}

fn edit_menu<R: Runtime, M: Manager<R>>(app: &M, items: &Items<R>) -> tauri::Result<Submenu<R>> {
    SubmenuBuilder::new(app, "&Edit")
        .item(&items.undo)
        .item(&items.redo)
        .item(&PredefinedMenuItem::separator(app)?)
        .item(&item(app, "cut", "Cu&t", Some("CmdOrCtrl+X"))?)
        .item(&item(app, "copy", "&Copy", Some("CmdOrCtrl+C"))?)
        .item(&item(app, "paste", "&Paste", Some("CmdOrCtrl+V"))?)
        .item(&item(
            app,
            "select-all",
            "Select &All",
            Some("CmdOrCtrl+A"),
        )?)
        .build()
}

fn view_menu<R: Runtime, M: Manager<R>>(app: &M, items: &Items<R>) -> tauri::Result<Submenu<R>> {
    let separator = || PredefinedMenuItem::separator(app);
    let appearance: Vec<&dyn IsMenuItem<R>> = items
        .appearance
        .iter()
        .map(|(_, i)| i as &dyn IsMenuItem<R>)
        .collect();
    SubmenuBuilder::new(app, "&View")
        .item(&item(
            app,
            "toggle-preview",
            "Show/Hide &Preview",
            Some("CmdOrCtrl+Shift+P"),
        )?)
        .item(&separator()?)
        .item(&item(app, "zoom-in", "Zoom &In", Some("CmdOrCtrl+="))?)
        .item(&item(app, "zoom-out", "Zoom &Out", Some("CmdOrCtrl+-"))?)
        .item(&item(
            app,
            "zoom-reset",
            "Actual Si&ze",
            Some("CmdOrCtrl+0"),
        )?)
        .item(&separator()?)
        .item(&items.site_styles)
        .item(
            &SubmenuBuilder::new(app, "&Appearance")
                .items(&appearance)
                .build()?,
        )
        .build()
}

fn help_menu<R: Runtime, M: Manager<R>>(app: &M) -> tauri::Result<Submenu<R>> {
    let about = AboutMetadataBuilder::new()
        .name(Some("Folio"))
        .version(Some(env!("CARGO_PKG_VERSION")))
        .comments(Some(
            "Edit the portfolio page of your Hugo site through forms, with a live preview.",
        ))
        .license(Some(LICENCES))
        .icon(app.app_handle().default_window_icon().cloned())
        .build();
    SubmenuBuilder::new(app, "&Help")
        .item(&item(app, "shortcuts", "&Keyboard Shortcuts", Some("F1"))?)
        .item(&PredefinedMenuItem::about(
            app,
            Some("&About Folio"),
            Some(about),
        )?)
        .build()
}

/// The licence text of About Folio: Folio's, and those of what it ships.
const LICENCES: &str = "Folio is free software under the MIT licence.\n\n\
It ships Font Awesome Free brand icons\n(CC BY 4.0, https://fontawesome.com/license/free).\n\n\
It is built on Tauri, WebKitGTK, GTK, pulldown-cmark, serde,\nnotify and other crates under the MIT, Apache-2.0\nand LGPL-2.1 licences.";

/// How much each Zoom In or Out step scales, and the range zoom stays in.
const ZOOM_STEP: f64 = 1.1;
const ZOOM_MIN: f64 = 0.5;
const ZOOM_MAX: f64 = 3.0;

/// The zoom after `id` (`zoom-in`, `zoom-out`, `zoom-reset`) from `now`; `None` for other
/// ids.
pub fn zoom_after(id: &str, now: f64) -> Option<f64> {
    let next = match id {
        "zoom-in" => now * ZOOM_STEP,
        "zoom-out" => now / ZOOM_STEP,
        "zoom-reset" => 1.0,
        _ => return None,
    };
    Some(next.clamp(ZOOM_MIN, ZOOM_MAX))
}

/// What a menu item sends to the window, if the window does its work; `recent(i)` is the
/// page of File ▸ Open Recent's `i`th item.
pub fn request_for(id: &str, recent: impl Fn(usize) -> Option<PathBuf>) -> Option<Request> {
    Some(match id {
        "open-site" => Request::OpenSite,
        "open-page" => Request::OpenPage,
        "save" => Request::Save,
        "save-as" => Request::SaveAs,
        "export" => Request::Export,
        "open-export" => Request::OpenExport,
        "undo" => Request::Undo,
        "redo" => Request::Redo,
        "toggle-preview" => Request::TogglePreview,
        "shortcuts" => Request::Shortcuts,
        _ => {
            let i: usize = id.strip_prefix(RECENT)?.parse().ok()?;
            Request::OpenRecent { path: recent(i)? }
        }
    })
}

/// Runs a menu item.
pub fn on_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let id = event.id().as_ref();
    let state = app.state::<AppState>();
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    let recent = |i| state.menu.get().and_then(|items| items.recent_path(i));
    if let Some(request) = request_for(id, recent) {
        state.send_menu(request);
    } else if let Some(zoom) = zoom_after(id, state.zoom()) {
        if window.set_zoom(zoom).is_ok() {
            state.set_zoom(zoom);
        }
    } else if let Some(choice) = Appearance::ALL.into_iter().find(|a| a.id() == id) {
        let desktop = state.desktop_theme.get().copied().unwrap_or(Theme::Light);
        let _ = window.set_theme(Some(choice.theme(desktop)));
        state.set_appearance(choice);
    } else if id == "site-styles" {
        state.set_site_styles(!state.site_styles());
    } else if let Some(command) = editing_command(id) {
        let _ = window.with_webview(move |webview| run_editing_command(webview, command));
    } else if id == "show-page" {
        show_page(app, &state);
    } else if id == "close" || id == "quit" {
        // As the window manager's close button: asks first if there are unsaved edits.
        let _ = window.close();
    }
}

/// WebKit's editing command for a menu item (`Cut`, `Copy`, `Paste`, `SelectAll`).
fn editing_command(id: &str) -> Option<&'static str> {
    Some(match id {
        "cut" => "Cut",
        "copy" => "Copy",
        "paste" => "Paste",
        "select-all" => "SelectAll",
        _ => return None,
    })
}

/// Runs an editing command on what has the focus in the webview (a field, or a selection
/// in the preview), as the webview's own key binding would.
fn run_editing_command(webview: tauri::webview::PlatformWebview, command: &str) {
    #[cfg(target_os = "linux")]
    {
        use webkit2gtk::WebViewExt;
        webview.inner().execute_editing_command(command);
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (webview, command);
}

/// Shows the open page in the file manager (its folder, the page selected).
fn show_page<R: Runtime>(app: &AppHandle<R>, state: &AppState) {
    use tauri_plugin_opener::OpenerExt;
    let Some(page) = state.lock().as_ref().map(|s| s.path().to_path_buf()) else {
        return;
    };
    // Without a file manager that can select a file (over D-Bus), its folder is opened
    // (by `xdg-open`, whose failure is seen: `opener.rs`).
    let shown = app.opener().reveal_item_in_dir(&page).is_ok()
        || page
            .parent()
            .is_some_and(|folder| crate::opener::open(app, folder).is_ok());
    if !shown {
        state.send_menu(Request::Failed {
            message: format!(
                "No file manager could show {}: open its folder yourself.",
                page.display()
            ),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_session(dir: &std::path::Path) -> Session {
        let data = folio::storage::AppData::new(dir);
        Session::open(&data.sample().expect("the sample copies")).expect("the sample opens")
    }

    fn edit_title(s: &mut Session) {
        let edit = folio::session::Edit::FrontMatter {
            key: "title".into(),
            value: Some("Another title".into()),
        };
        s.edit(edit, None).expect("the edit applies");
    }

    #[test]
    fn with_no_page_open_nothing_that_needs_one_is_enabled() {
        assert_eq!(Enabled::of(None, false), Enabled::default());
    }

    #[test]
    fn save_and_undo_are_enabled_by_an_edit_and_save_is_disabled_again_by_saving() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = sample_session(dir.path());
        let clean = Enabled::of(Some(&s), false);
        assert!(clean.page && clean.export && !clean.save && !clean.undo && !clean.redo);
        assert!(clean.holding(1).save && !Enabled::of(None, false).holding(1).save);

        edit_title(&mut s);
        let edited = Enabled::of(Some(&s), false);
        assert!(edited.save && edited.undo && !edited.redo);

        s.undo();
        let undone = Enabled::of(Some(&s), true);
        assert!(!undone.save && !undone.undo && undone.redo && undone.open_export);
    }

    #[test]
    fn a_page_that_does_not_parse_cannot_be_exported() {
        let dir = tempfile::tempdir().unwrap();
        let data = folio::storage::AppData::new(dir.path());
        let page = data.sample().expect("the sample copies");
        std::fs::write(&page, "---\ntitle: 'unclosed\n---\nText.\n").unwrap();
        let s = Session::open(&page).expect("a broken page opens read-only");
        let e = Enabled::of(Some(&s), false);
        assert!(e.page && !e.export, "{e:?}");
    }

    #[test]
    fn the_menu_items_follow_what_can_act() {
        let app = tauri::test::mock_app();
        let (_menu, items) = build(&app).expect("the menu builds");
        let enabled = |i: &MenuItem<_>| i.is_enabled().unwrap();
        items.set(Enabled::default());
        assert!(!enabled(&items.export) && !enabled(&items.save) && !enabled(&items.undo));

        // A clean page: it can be exported, not saved.
        items.set(Enabled {
            page: true,
            export: true,
            ..Enabled::default()
        });
        assert!(enabled(&items.export) && enabled(&items.save_as) && enabled(&items.show_page));
        assert!(!enabled(&items.save) && !enabled(&items.undo) && !enabled(&items.redo));
        assert!(!enabled(&items.open_export));

        // Edited, then undone once, then exported.
        items.set(Enabled {
            page: true,
            export: true,
            save: true,
            undo: false,
            redo: true,
            open_export: true,
        });
        assert!(enabled(&items.save) && enabled(&items.redo) && enabled(&items.open_export));
        assert!(!enabled(&items.undo));
    }

    #[test]
    fn one_appearance_is_checked_at_a_time() {
        let app = tauri::test::mock_app();
        let (_menu, items) = build(&app).expect("the menu builds");
        items.set_appearance(Appearance::Dark);
        let checked: Vec<Appearance> = items
            .appearance
            .iter()
            .filter(|(_, i)| i.is_checked().unwrap())
            .map(|(a, _)| *a)
            .collect();
        assert_eq!(checked, [Appearance::Dark]);
    }

    #[test]
    fn the_appearance_is_remembered_and_defaults_to_the_desktops() {
        let dir = tempfile::tempdir().unwrap();
        let data = folio::storage::AppData::new(dir.path().join("data"));
        assert_eq!(Appearance::load(&data), Appearance::System);
        Appearance::Dark.store(&data).unwrap();
        assert_eq!(Appearance::load(&data), Appearance::Dark);
        std::fs::write(data.dir().join(Appearance::FILE), "not json").unwrap();
        assert_eq!(Appearance::load(&data), Appearance::System);
    }

    #[test]
    fn zoom_steps_stay_within_their_range_and_reset_to_actual_size() {
        assert_eq!(zoom_after("zoom-reset", 2.0), Some(1.0));
        assert!(zoom_after("zoom-in", 1.0).unwrap() > 1.0);
        assert!(zoom_after("zoom-out", 1.0).unwrap() < 1.0);
        assert_eq!(zoom_after("zoom-in", ZOOM_MAX), Some(ZOOM_MAX));
        assert_eq!(zoom_after("zoom-out", ZOOM_MIN), Some(ZOOM_MIN));
        assert_eq!(zoom_after("save", 1.0), None);
    }

    #[test]
    fn recent_items_open_the_page_listed_at_their_place() {
        let app = tauri::test::mock_app();
        let (_menu, items) = build(&app).expect("the menu builds");
        let page = PathBuf::from("/site/content/about.md");
        items.set_recent(&[folio::storage::Recent {
            path: page.clone(),
            title: "Tom & Jerry".into(),
        }]);
        let recent = |i| items.recent_path(i);
        assert_eq!(
            request_for("recent-0", recent),
            Some(Request::OpenRecent { path: page })
        );
        assert_eq!(request_for("recent-1", recent), None);
        assert_eq!(request_for("save", recent), Some(Request::Save));
        let label = items
            .recent
            .items()
            .unwrap()
            .first()
            .cloned()
            .expect("one recent item")
            .as_menuitem()
            .unwrap()
            .text()
            .unwrap();
        assert_eq!(label, "Tom && Jerry — /site/content/about.md");
    }
}
