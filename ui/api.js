// The only module that talks to Tauri: every engine call the window makes goes through here.

const core = window.__TAURI__.core;

/** Calls a command; errors arrive as {kind, message}. */
async function call(cmd, args = {}) {
  try {
    return await core.invoke(cmd, args);
  } catch (e) {
    throw typeof e === "object" && e ? e : { kind: "unknown", message: String(e) };
  }
}

export const api = {
  currentView: () => call("current_view"),
  openSite: (path) => call("open_site", { path }),
  pickPath: (page) => call("pick_path", { page }),
  sitePages: (path) => call("site_pages", { path }),
  recentSites: () => call("recent_sites"),
  applyEdit: (edit, coalesce = null, seen = null) => call("apply_edit", { edit, coalesce, seen }),
  undo: () => call("undo"),
  redo: () => call("redo"),
  save: (overwrite = false) => call("save", { overwrite }),
  reload: () => call("reload"),
  exportSite: (dir = null) => call("export_site", { dir }),
  openExport: () => call("open_export"),
  iconNames: () => call("icon_names"),
  siteImages: () => call("site_images"),
  preview: (anchor = null) => call("preview", { anchor }),
  resolveConflicts: (resolutions) => call("resolve_conflicts", { resolutions }),
  recover: (restore) => call("recover", { restore }),
  followRename: (to) => call("follow_rename", { to }),
  saveAs: () => call("save_as"),
  /** Says how many fields hold text not applied yet (closing asks first while any do). */
  setHeld: (fields) => call("set_held", { fields }),
  /** Calls `onRequest` with each menu request ({action, …}); the first says the
   *  appearance. */
  subscribeMenu: (onRequest) => {
    const channel = new core.Channel();
    channel.onmessage = onRequest;
    return call("subscribe_menu", { channel });
  },
  /** Calls `onEvent` with each outside change the app reports. */
  subscribe: (onEvent) => {
    const channel = new core.Channel();
    channel.onmessage = onEvent;
    return call("subscribe", { channel });
  },
};

/** URL of something the `folio:` scheme serves (preview, icons, site images). */
export function folioUrl(path) {
  return core.convertFileSrc(path, "folio");
}
