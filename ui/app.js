// The window: toolbar, keyboard shortcuts, notices and dialogs around the forms and preview.

import { api } from "./api.js";
import { el } from "./dom.js";
import { configure, drain, submit, submitCall } from "./edits.js";
import { renderForms } from "./forms.js";
import { unfold } from "./cards.js";
import { showPreview } from "./preview.js";

const $ = (id) => document.getElementById(id);
const editor = $("editor");
const state = { view: null, model: null, iconNames: [], focusHint: null };

// ---- rendering ---------------------------------------------------------------------------

function ctx() {
  const view = state.view;
  return {
    iconNames: state.iconNames,
    hasConfig: Boolean(view.configPath),
    configName: view.configPath ? view.configPath.split("/").pop() : "",
    blockCount: () => state.model.blocks.length,
    foldByDefault: state.model.blocks.length > 40,
    insert: (index, kind) => {
      const block = kind === "card"
        ? { kind: "card", title: "New project", techIcons: [], otherTech: [], repository: null, body: "What it is, what you did." }
        : { kind: "markdown", text: "New paragraph." };
      state.focusHint = { from: null, to: index, field: kind === "card" ? "title" : "text" };
      submit({ op: "insert", index, block }, { anchor: index });
    },
    remove: (id, kind) => {
      state.focusHint = null;
      submit({ op: "delete", id }, { anchor: Math.max(0, id - 1) });
      notice(`${kind} deleted.`, "ok", [["Undo", () => undo()]]);
    },
    focusAfter: (from, to) => {
      // Taken now: the forms are locked (and lose focus) while the change is applied.
      const key = document.activeElement?.dataset?.key ?? "";
      const field = key.startsWith(`b${from}:`) ? key.split(":")[1] : null;
      state.focusHint = { from, to, field };
    },
  };
}

/** Redraws the forms, keeping focus and caret on the same field when it still exists. */
function draw() {
  if (state.view?.broken) {
    showBroken(state.view.broken);
    return;
  }
  if (!state.model) return;
  const active = document.activeElement;
  let key = editor.contains(active) ? active.dataset.key : null;
  const caret = key && "selectionStart" in active ? [active.selectionStart, active.selectionEnd] : null;
  const hint = state.focusHint;
  state.focusHint = null;
  if (hint && hint.to !== null) {
    key = hint.field ? `b${hint.to}:${hint.field}` : null;
  }
  const scroll = editor.scrollTop;
  renderForms(editor, state.model, ctx());
  editor.scrollTop = scroll;
  const target = key && editor.querySelector(`[data-key="${CSS.escape(key)}"]`);
  if (target) {
    const item = target.closest(".block");
    if (item) unfold(item, state.model);
    target.focus({ preventScroll: !hint });
    if (caret && "setSelectionRange" in target && target.type !== "number" && target.type !== "date" && target.type !== "datetime-local" && target.type !== "checkbox") {
      try { target.setSelectionRange(...caret); } catch { /* not a text field */ }
    }
  } else if (hint && hint.to !== null) {
    editor.querySelector(`.block[data-id="${hint.to}"]`)?.scrollIntoView({ block: "nearest" });
  }
}

function showBroken(b) {
  editor.replaceChildren(el("section", { class: "broken", role: "alert" },
    el("h2", { text: "This page has an error, so it is open read-only" }),
    el("p", { text: b.message }),
    el("ol", { "aria-label": "Source around the error" },
      b.excerpt.map(([n, line]) => el("li", { class: n === b.line ? "at" : "" }, el("span", { text: String(n) }), line))),
    el("p", { class: "hint", text: "Fix it in your editor: Folio reads the file again when it changes, and nothing is written meanwhile." })));
}

function applyUpdate(u, anchor = null) {
  Object.assign(state.view, { version: u.version, dirty: u.dirty, canUndo: u.canUndo, canRedo: u.canRedo, broken: u.broken });
  if (u.model) {
    state.model = u.model;
    draw();
  } else if (u.broken) {
    draw();
  }
  $("undo").disabled = !u.canUndo;
  $("redo").disabled = !u.canRedo;
  $("save").disabled = !u.dirty;
  $("status").textContent = u.dirty ? "Unsaved changes" : "Saved";
  document.title = u.title;
  document.body.dataset.version = String(u.version);
  showPreview(u.version, anchor);
}

function showView(view) {
  state.view = view;
  state.model = view.model;
  fillSelect($("language"), view.languages.map((l) => [l.code, l.name]), view.language);
  $("language-field").hidden = view.languages.length < 2;
  const pages = view.pages.filter((p) => p.language === view.language);
  fillSelect($("page"), pages.map((p) => [p.path, p.path.replace(`${view.siteRoot}/`, "")]), view.path);
  $("page-field").hidden = pages.length < 2;
  draw();
  applyUpdate(view);
  refreshRecent();
}

function fillSelect(select, options, current) {
  select.replaceChildren(...options.map(([value, label]) => el("option", { value, text: label, selected: value === current })));
}

async function refreshRecent() {
  const recent = await api.recentSites().catch(() => []);
  fillSelect($("recent"), [["", "Recent…"], ...recent.map((r) => [r.path, `${r.title} — ${r.path}`])], "");
}

// ---- notices and dialogs -----------------------------------------------------------------

function notice(text, kind = "ok", actions = [], timeout = 8000) {
  const n = el("div", { class: `notice ${kind}`, role: kind === "error" ? "alert" : "status" },
    el("span", { class: "grow", text }),
    actions.map(([label, fn]) => el("button", { type: "button", class: "link", text: label, onClick: () => { n.remove(); fn(); } })),
    el("button", { type: "button", class: "icon", "aria-label": "Dismiss", text: "×", onClick: () => n.remove() }));
  $("notices").append(n);
  if (timeout) setTimeout(() => n.remove(), timeout);
  return n;
}

function showError(e) {
  notice(e.message ?? String(e), "error", [], 0);
}

/** Shows a modal dialog; resolves with the chosen action's value. */
export function ask(title, body, actions) {
  const dialog = $("dialog");
  $("dialog-title").textContent = title;
  $("dialog-body").replaceChildren(...(Array.isArray(body) ? body : [body]));
  return new Promise((resolve) => {
    $("dialog-actions").replaceChildren(...actions.map(([label, value, primary]) =>
      el("button", { type: "button", class: primary ? "primary" : "", text: label, onClick: () => { dialog.close(); resolve(value); } })));
    dialog.addEventListener("cancel", () => resolve(null), { once: true });
    dialog.showModal();
    dialog.querySelector(".dialog-actions .primary")?.focus();
  });
}

// ---- commands ----------------------------------------------------------------------------

function undo() { submitCall("undo", api.undo); }
function redo() { submitCall("redo", api.redo); }

async function save(overwrite = false) {
  await drain();
  try {
    const { outcome, update } = await api.save(overwrite);
    applyUpdate(update);
    if (outcome.outcome === "saved") notice("Saved.", "ok", [], 3000);
    if (outcome.outcome === "conflict") await conflict(outcome);
  } catch (e) {
    showError(e);
  }
}

async function conflict(outcome) {
  const what = [outcome.page && "the page", outcome.config && "the site config"].filter(Boolean).join(" and ");
  const choice = await ask("The file changed on disk", [
    el("p", { text: `Someone changed ${what} outside Folio since it was loaded. Saving now would overwrite that change.` }),
    el("p", { text: "Reload to take their version (your edits can be brought back with Undo), or overwrite it with yours." }),
  ], [["Cancel", null], ["Overwrite theirs", "overwrite"], ["Reload theirs", "reload", true]]);
  if (choice === "overwrite") await save(true);
  if (choice === "reload") await reload();
}

async function reload() {
  await drain();
  try { showView(await api.reload()); } catch (e) { showError(e); }
}

async function guardUnsaved() {
  if (!state.view?.dirty) return true;
  const choice = await ask("Unsaved changes", el("p", { text: "Save your changes to this page before opening another?" }),
    [["Cancel", null], ["Discard", "discard"], ["Save", "save", true]]);
  if (choice === "save") await save();
  return choice !== null && !(choice === "save" && state.view.dirty);
}

async function open(path) {
  if (!(await guardUnsaved())) return;
  try { showView(await api.openSite(path)); } catch (e) { showError(e); }
}

async function exportSite() {
  await drain();
  try {
    const result = await api.exportSite();
    if (!result) return;
    const n = notice(`Exported to ${result.dir}`, "ok", [["Open in browser", () => api.openExport().catch(showError)]], 0);
    n.dataset.exportDir = result.dir;
    for (const w of result.warnings) notice(w, "warn");
  } catch (e) {
    showError(e);
  }
}

// ---- wiring ------------------------------------------------------------------------------

configure({
  onUpdate: applyUpdate,
  onError: showError,
  onBusy: (busy) => { editor.inert = busy; editor.setAttribute("aria-busy", String(busy)); },
});

$("undo").addEventListener("click", undo);
$("redo").addEventListener("click", redo);
$("save").addEventListener("click", () => save());
$("export").addEventListener("click", exportSite);
$("open").addEventListener("click", async () => {
  if (!(await guardUnsaved())) return;
  try { const v = await api.pickSite(); if (v) showView(v); } catch (e) { showError(e); }
});
$("recent").addEventListener("change", (e) => { if (e.target.value) open(e.target.value); });
$("page").addEventListener("change", (e) => open(e.target.value));
$("language").addEventListener("change", (e) => {
  const page = state.view.pages.find((p) => p.language === e.target.value);
  if (page) open(page.path);
});

document.addEventListener("keydown", (e) => {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
  const k = e.key.toLowerCase();
  if (k === "s") { e.preventDefault(); save(); }
  else if (k === "z" && !e.shiftKey) { e.preventDefault(); undo(); }
  else if ((k === "z" && e.shiftKey) || k === "y") { e.preventDefault(); redo(); }
}, true);

async function boot() {
  state.iconNames = await api.iconNames().catch(() => []);
  try {
    const view = await api.currentView();
    if (view) showView(view);
    else editor.replaceChildren(el("p", { class: "empty", text: "Open a Hugo site to start." }));
  } catch (e) {
    editor.replaceChildren(el("p", { class: "empty", text: "Open a Hugo site to start." }));
    showError(e);
  }
}

boot();
