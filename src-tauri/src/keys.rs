//! Keys held with Ctrl reach the page before the menu's accelerators.
//!
//! GTK runs a window's accelerators before the focused widget sees the key, but WebKit hands
//! the page its keys one at a time, each after the page has handled the one before. So a
//! Ctrl+S pressed right after a line typed fast ran the menu's Save while the line's last
//! keys still waited in WebKit's queue, and saved without them (note 53 E: it happened
//! with both cores busy).
//!
//! Here the window gives every key pressed with Ctrl to the focused widget (the webview)
//! first. WebKit queues it behind the keys typed before it; when the page has handled it
//! and not taken it (`preventDefault`), WebKit sends the same event back through the
//! window (`PageClientImpl::doneWithKeyEvent` in WebKitGTK), and that second time the
//! window runs its accelerators. A menu request from a key therefore
//! reaches the page after every key typed before it. Keys typed in the sandboxed preview
//! frame come back the same way, so the menu's keys work there too.

/// Makes the window's keys held with Ctrl reach the page before its accelerators.
///
/// # Errors
/// When Tauri cannot give the window's GTK window.
#[cfg(target_os = "linux")]
pub fn page_first<R: tauri::Runtime>(window: &tauri::WebviewWindow<R>) -> tauri::Result<()> {
    use gtk::gdk::ModifierType;
    use gtk::glib::Propagation;
    use gtk::prelude::*;
    use std::cell::Cell;

    // The key given to the page last (its time, in ms from the X server, and its keyval):
    // met again, it is the page giving it back.
    let given: Cell<Option<(u32, u32)>> = Cell::new(None);
    window
        .gtk_window()?
        .connect_key_press_event(move |window, key| {
            if !key.state().contains(ModifierType::CONTROL_MASK) {
                return Propagation::Proceed;
            }
            let this = (key.time(), *key.keyval());
            if given.replace(None) == Some(this) {
                // Handled by the page and not taken. WebKit waits to see it pass once more (it
                // then hands it on, `shouldForwardNextKeyEvent`; if it never came, the next key
                // would skip the page), then the accelerators run. Never the default handler:
                // it would give the key to the page again.
                let _ = window.propagate_key_event(key);
                window.activate_key(key);
                return Propagation::Stop;
            }
            given.set(Some(this));
            if window.propagate_key_event(key) {
                Propagation::Stop
            } else {
                given.set(None);
                Propagation::Proceed
            }
        });
    Ok(())
}

/// Elsewhere the menu's keys are the platform's to order.
#[cfg(not(target_os = "linux"))]
pub fn page_first<R: tauri::Runtime>(_window: &tauri::WebviewWindow<R>) -> tauri::Result<()> {
    Ok(())
}
