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
    use std::cell::RefCell;

    let given = RefCell::new(Given::default());
    window
        .gtk_window()?
        .connect_key_press_event(move |window, key| {
            // A modifier's own press (Shift after Ctrl) runs no accelerator.
            if !key.state().contains(ModifierType::CONTROL_MASK) || key.is_modifier() {
                return Propagation::Proceed;
            }
            let this = KeyId {
                time: key.time(),
                keyval: *key.keyval(),
                keycode: key.hardware_keycode(),
                state: key.state().bits(),
            };
            match given.borrow_mut().meet(this) {
                Met::New => {}
                Met::Back => {
                    // Handled by the page and not taken. WebKit waits to see it pass once more
                    // (it then hands it on, `shouldForwardNextKeyEvent`; if it never came, the
                    // next key would skip the page), then the accelerators run. Never the
                    // default handler: it would give the key to the page again.
                    let _ = window.propagate_key_event(key);
                    window.activate_key(key);
                    return Propagation::Stop;
                }
                // Back a second time: WebKit did not take it as given back. Given to no one
                // again, so that it cannot go round (review 54b, 1).
                Met::Again => return Propagation::Stop,
            }
            if window.propagate_key_event(key) {
                Propagation::Stop
            } else {
                given.borrow_mut().forget(this);
                Propagation::Proceed
            }
        });
    Ok(())
}

/// One key press, as the window meets it twice: the X server's time (ms), the key, its
/// place on the keyboard, the modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct KeyId {
    time: u32,
    keyval: u32,
    keycode: u16,
    state: u32,
}

/// What a key press met in the window is.
#[derive(Debug, PartialEq, Eq)]
enum Met {
    /// Not given to the page yet: it is now.
    New,
    /// Given to the page, which gave it back.
    Back,
    /// Given back before already.
    Again,
}

/// The key presses given to the page and not back yet, and those given back, the latest
/// [`Given::KEPT`] of each: several can wait in WebKit at once (a held key repeats; Shift
/// pressed after Ctrl).
#[derive(Debug, Default)]
struct Given {
    waiting: std::collections::VecDeque<KeyId>,
    back: std::collections::VecDeque<KeyId>,
}

impl Given {
    const KEPT: usize = 64;

    /// What `key` is, and it is remembered as that.
    fn meet(&mut self, key: KeyId) -> Met {
        if self.back.contains(&key) {
            return Met::Again;
        }
        if let Some(at) = self.waiting.iter().position(|k| *k == key) {
            self.waiting.remove(at);
            Self::keep(&mut self.back, key);
            return Met::Back;
        }
        Self::keep(&mut self.waiting, key);
        Met::New
    }

    /// Forgets `key` given: the page did not take it in.
    fn forget(&mut self, key: KeyId) {
        self.waiting.retain(|k| *k != key);
    }

    fn keep(list: &mut std::collections::VecDeque<KeyId>, key: KeyId) {
        if list.len() == Self::KEPT {
            list.pop_front();
        }
        list.push_back(key);
    }
}

/// Elsewhere the menu's keys are the platform's to order.
#[cfg(not(target_os = "linux"))]
pub fn page_first<R: tauri::Runtime>(_window: &tauri::WebviewWindow<R>) -> tauri::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(time: u32, keyval: u32) -> KeyId {
        KeyId {
            time,
            keyval,
            keycode: 20,
            state: 4,
        }
    }

    #[test]
    fn two_keys_waiting_at_once_each_come_back_once_and_never_go_round() {
        let mut given = Given::default();
        let (shift_plus, repeat) = (key(10, 43), key(11, 43));
        assert_eq!(given.meet(shift_plus), Met::New);
        assert_eq!(given.meet(repeat), Met::New);
        assert_eq!(given.meet(shift_plus), Met::Back);
        assert_eq!(given.meet(repeat), Met::Back);
        assert_eq!(given.meet(shift_plus), Met::Again);
        assert_eq!(given.meet(key(12, 43)), Met::New);
    }

    #[test]
    fn a_key_the_page_could_not_be_given_is_new_when_met_again() {
        let mut given = Given::default();
        assert_eq!(given.meet(key(10, 115)), Met::New);
        given.forget(key(10, 115));
        assert_eq!(given.meet(key(10, 115)), Met::New);
    }

    #[test]
    fn only_the_latest_keys_are_kept() {
        let mut given = Given::default();
        for t in 0..200 {
            given.meet(key(t, 122));
        }
        assert!(given.waiting.len() <= Given::KEPT);
        assert_eq!(given.meet(key(199, 122)), Met::Back);
    }
}
