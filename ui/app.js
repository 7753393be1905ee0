// The window: toolbar, keyboard shortcuts, notices and dialogs around the forms and preview.

import { api, folioUrl } from "./api.js";
import { el } from "./dom.js";
import { configure, drain, isIdle, pendingFields, submit, submitCall } from "./edits.js";
import { renderForms } from "./forms.js";
import { forgetFolds, unfold } from "./cards.js";
import { conflictView } from "./conflicts.js";
import { resetPreview, showPreview } from "./preview.js";

const $ = (id) => document.getElementById(id);
const editor = $("editor");
const state = { view: null, model: null, iconNames: [], focusHint: null, problems: new Map(), shortcodes: [], unparsed: new Map() };

/** The site's shortcodes (its own and its themes'), not Hugo's built-ins. */
const ownShortcodes = () => state.shortcodes.filter((s) => s.origin.kind !== "builtIn");

/** A new block for the forms to insert: prose, the sample's card, or a call of the site's
 *  shortcode `name` (its fields are filled in its editor). */
const NEW_PARAGRAPH = "New paragraph.";

function newBlock(name) {
  if (name === null) return { kind: "markdown", text: NEW_PARAGRAPH };
  if (name === "project-card" && sampleCard()) {
    return { kind: "card", title: "", techIcons: [], otherTech: [], repository: null, body: "" };
  }
  return { kind: "shortcode", name, params: [] };
}

/** Text added at `index` next to a text block goes into that block, as its own paragraph
 *  (two text blocks in a row are one to Markdown, and to the forms once it is read back):
 *  the placeholder is selected in it, so typing replaces it. Gives whether there was one. */
function addParagraph(index) {
  const blocks = state.model.blocks;
  const before = blocks[index - 1]?.kind === "markdown" ? blocks[index - 1] : null;
  const after = !before && blocks[index]?.kind === "markdown" ? blocks[index] : null;
  const block = before ?? after;
  if (!block) return false;
  let select;
  if (before) {
    const kept = block.text.replace(/\s+$/, "");
    block.text = `${kept}\n\n${NEW_PARAGRAPH}`;
    select = [kept.length + 2, block.text.length];
  } else {
    block.text = `${NEW_PARAGRAPH}\n\n${block.text}`;
    select = [0, NEW_PARAGRAPH.length];
  }
  state.focusHint = { id: block.id, field: "text", select };
  submit({ op: "block", id: block.id, block }, { anchor: block.id });
  draw();
  return true;
}

/** Whether the site's project-card is the sample's kind (or the page already has cards). */
function sampleCard() {
  const t = state.shortcodes.find((s) => s.name === "project-card");
  const own = t ? t.schema.params.some((p) => p.key === "tech-icons") : false;
  return own || (!t && state.model.blocks.some((b) => b.kind === "card"));
}

// ---- rendering ---------------------------------------------------------------------------

function ctx() {
  const view = state.view;
  return {
    iconNames: state.iconNames,
    hasConfig: Boolean(view.configPath),
    configName: view.configPath ? view.configPath.split("/").pop() : "",
    paramsElsewhere: view.paramsElsewhere ?? [],
    blockCount: () => state.model.blocks.length,
    positionOf: (id) => state.model.blocks.findIndex((b) => b.id === id),
    problems: (id) => state.problems.get(id) ?? [],
    foldByDefault: state.model.blocks.length > 40,
    hasSampleCard: sampleCard(),
    shortcode: (name) => state.shortcodes.find((s) => s.name === name.toLowerCase() || s.name.toLowerCase() === name.toLowerCase()) ?? null,
    missingThemes: state.missingThemes ?? [],
    /** Shortcode names to offer: `here` first, then those on the page, then the site's own,
     *  then Hugo's built-ins that take content. */
    hasOwnShortcodes: () => ownShortcodes().length > 0,
    shortcodeNames: (here) => {
      const onPage = [];
      const walk = (blocks) => blocks.forEach((b) => { if (b.kind === "shortcode") { onPage.push(b.name); walk(b.children ?? []); } });
      walk(state.model.blocks);
      const own = ownShortcodes().map((s) => s.name);
      const builtIn = state.shortcodes.filter((s) => s.origin.kind === "builtIn" && ["figure", "details", "highlight", "youtube", "vimeo", "x", "instagram", "qr"].includes(s.name)).map((s) => s.name);
      return [...new Set([...here, ...onPage, ...own, ...builtIn])];
    },
    shortcodeLabel: (within) => {
      let b = state.model.blocks.find((x) => x.id === within.id);
      for (const i of within.path) b = b?.children?.[i];
      return b?.name ? `“${b.name}”` : "the block";
    },
    newBlock,
    insertShortcode: (index, name) => {
      // The focus goes to the new block's fold toggle, where Tab goes on into its fields
      // (with none, Tab started again at the page's title: trial 51a, 3).
      state.focusHint = { pos: index, field: "^fold" };
      submit({ op: "insert", index, block: newBlock(name) }, { anchor: { pos: index } });
    },
    /** Moves the block at `from` (`{ id, within }`, as a structural edit names it) into
     *  the list `into` (a container's `{ id, path }`, or null for the top level), at `to`
     *  of that list as it is; the focus goes to the moved block's fold toggle, where the
     *  engine says it went (`placed`). */
    transfer: (from, into, to) => {
      submit({ op: "transfer", id: from.id, within: from.within, into, to }, { anchor: into?.id ?? from.within?.id ?? from.id });
    },
    removeWithin: (index, within, kind) => {
      submit({ op: "delete", id: index, within }, { anchor: within.id });
      notice(`${kind} deleted.`, "ok", [["Undo", () => undo()]]).dataset.undoable = "";
    },
    pickImage,
    /** Adds site param `key` with `value` (empty text unless given) and puts the cursor in it. */
    addParam: (key, value = "") => {
      state.focusHint = { key: `param:${key}`, id: null };
      state.model.params[key] = value;
      submit({ op: "param", key, value }, { coalesce: null });
      draw();
    },
    /** Takes site param `key` out of the config; asked first when the page calls
     *  `{{< param key >}}` and its front matter does not set it: Hugo's `param` stops the
     *  build on a key set nowhere. */
    removeParam: async (key) => {
      if (paramCalled(key)) {
        const go = await ask("Remove a param the page uses?",
          el("p", { text: `The page calls {{< param ${key} >}}: without ${key}, Hugo stops building it (param "${key}" not found).` }),
          [["Remove anyway", true], ["Keep it", false, true]]);
        if (!go) return;
      }
      // The focus stays in the params, on the field that adds one.
      state.focusHint = { key: "param:+name", id: null };
      delete state.model.params[key];
      submit({ op: "param", key, value: null }, { coalesce: null });
      draw();
    },
    /** Adds front-matter key `key` with `value` (empty text unless given) and puts the
     *  cursor in it. */
    addFrontMatter: (key, value = "") => {
      state.focusHint = { key: `fm:${key}`, id: null };
      state.model.frontMatter[key] = value;
      submit({ op: "frontMatter", key, value }, { coalesce: null });
      draw();
    },
    /** Takes front-matter key `key` out of the page. */
    removeFrontMatter: (key) => {
      state.focusHint = { key: "fm:+name", id: null };
      delete state.model.frontMatter[key];
      submit({ op: "frontMatter", key, value: null }, { coalesce: null });
      draw();
    },
    /** Focus goes to the control named `key` once the forms are redrawn. */
    focusKey: (key, select = null) => { state.focusHint = { key, id: null, select }; },
    redraw: () => draw(),
    insert: (index, kind) => {
      if (kind === "markdown" && addParagraph(index)) return;
      const block = kind === "card"
        ? { kind: "card", title: "", techIcons: [], otherTech: [], repository: null, body: "" }
        : { kind: "markdown", text: NEW_PARAGRAPH };
      // The placeholder is selected: typing replaces it.
      state.focusHint = { pos: index, field: kind === "card" ? "title" : "text", select: kind === "card" ? null : [0, NEW_PARAGRAPH.length] };
      // The new block's id is known once the engine answers: the anchor is its position.
      submit({ op: "insert", index, block }, { anchor: { pos: index } });
    },
    remove: (pos, kind) => {
      const blocks = state.model.blocks;
      // Focus goes to the block that takes its place (or the one before): its first
      // control, the fold toggle, not its Delete, where a second Enter would delete it too.
      const fromKeyboard = document.activeElement?.dataset?.key?.endsWith(":^delete");
      const next = blocks[pos + 1] ?? blocks[pos - 1];
      state.focusHint = fromKeyboard && next ? { id: next.id, field: "^fold" } : null;
      submit({ op: "delete", id: blocks[pos].id }, { anchor: blocks[Math.max(0, pos - 1)]?.id ?? null });
      notice(`${kind} deleted.`, "ok", [["Undo", () => undo()]]).dataset.undoable = "";
    },
    focusAfter: ({ id, pos = null }) => {
      // Taken now: the forms are locked (and lose focus) while the change is applied. The
      // field to focus is the one focused now, in block `id` (a move) or in the block that
      // will be at `pos` (a copy).
      const key = document.activeElement?.dataset?.key ?? "";
      // All after the block's prefix: `title`, or a site shortcode's `:^body` and a nested
      // field's `0.1:name`.
      const field = key.startsWith(`b${id}:`) ? key.slice(`b${id}:`.length) : null;
      state.focusHint = pos === null ? { id, field } : { pos, field };
    },
  };
}

/** Whether the page calls `{{< param KEY >}}` (or a key inside it, `KEY.sub`) where
 *  neither its front matter nor another of the site's config files sets `key` (in any
 *  case, as Hugo reads keys). */
function paramCalled(key) {
  const k = key.toLowerCase();
  const set = [...Object.keys(state.model.frontMatter ?? {}), ...(state.view?.paramsElsewhere ?? []).map((p) => p.key)];
  if (set.some((f) => f.toLowerCase() === k)) return false;
  const text = JSON.stringify(state.model.blocks ?? []);
  const calls = text.matchAll(/\{\{[<%]\s*param\s+(?:\\"([^\\]*)\\"|'([^']*)'|`([^`]*)`|([^\s%>]+))/gi);
  return [...calls].some((m) => {
    const called = (m[1] ?? m[2] ?? m[3] ?? m[4]).toLowerCase();
    return called === k || called.startsWith(`${k}.`);
  });
}

/** Where the fields of blocks inside containers went from model `before` to `after`: a
 *  function from a data-key (`b{id}:{path}:…`) to the key of the same field now, or null
 *  when its block is gone. A top-level block keeps its id whatever moves around it; a
 *  child is named by its place, so when blocks were inserted or removed around it (an
 *  outside change) it is found again: the children of each list are paired in order by
 *  equal content (the longest such run, so identical siblings keep their order), and a
 *  child left unpaired (the one being typed in) is the unpaired child between its paired
 *  neighbours that shares the most fields with it (of equals, the one as far from the
 *  list's end as it was); none there, it is gone (trial 59b, 1:
 *  the focus and the typing went on in the card before it; review 59c, 4). */
function nestedMoves(before, after) {
  // A child's `id` is its place: not part of what it is.
  const content = (c) => JSON.stringify(c, (k, v) => (k === "id" ? undefined : v));
  const parts = (c) => Object.entries(c ?? {}).filter(([k]) => k !== "id")
    .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => `${k}[]${content(x)}`) : [`${k}=${content(v)}`]));
  const shared = (x, y) => {
    const have = new Set(parts(x));
    return parts(y).filter((p) => have.has(p)).length;
  };
  // For each old child, its new place when paired (a longest common subsequence), else -1.
  const pair = (old, now) => {
    const [a, b] = [old.map(content), now.map(content)];
    const run = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
    for (let i = a.length - 1; i >= 0; i--) {
      for (let j = b.length - 1; j >= 0; j--) {
        run[i][j] = a[i] === b[j] ? run[i + 1][j + 1] + 1 : Math.max(run[i + 1][j], run[i][j + 1]);
      }
    }
    const pairs = new Array(a.length).fill(-1);
    for (let i = 0, j = 0; i < a.length && j < b.length;) {
      if (a[i] === b[j]) pairs[i++] = j++;
      else if (run[i + 1][j] >= run[i][j + 1]) i++;
      else j++;
    }
    return pairs;
  };
  const place = (old, now, i) => {
    const pairs = pair(old, now);
    if (pairs[i] >= 0) return pairs[i];
    const before = pairs.slice(0, i).filter((j) => j >= 0);
    const after = pairs.slice(i + 1).filter((j) => j >= 0);
    const [from, to] = [before.length ? before[before.length - 1] + 1 : 0, after.length ? after[0] : now.length];
    // Of equals, the one as far from the end as the child was.
    const likely = i + now.length - old.length;
    let [best, most] = [-1, -1];
    for (let j = from; j < to; j++) {
      const s = shared(old[i], now[j]);
      if (s > most || (s === most && Math.abs(j - likely) < Math.abs(best - likely))) [best, most] = [j, s];
    }
    return best;
  };
  return (key) => {
    const m = /^b(\d+):(\d+(?:\.\d+)*)(:.*)$/.exec(key ?? "");
    if (!m || !before || !after) return key;
    let old = before.blocks.find((b) => b.id === Number(m[1]));
    let now = after.blocks.find((b) => b.id === Number(m[1]));
    const path = [];
    for (const i of m[2].split(".").map(Number)) {
      if (!old?.children?.length || !now?.children) return key;
      const j = place(old.children, now.children, i);
      if (j < 0) return null;
      path.push(j);
      [old, now] = [old.children[i], now.children[j]];
    }
    return `b${m[1]}:${path.join(".")}${m[3]}`;
  };
}

/** Redraws the forms, keeping focus and caret on the same field when it still exists
 *  (`moved`, from a new model: where a nested field went, [`nestedMoves`]). */
function draw(moved = (key) => key) {
  // Text held in fields (not valid yet) is typed again into the fields drawn anew: a
  // redraw (an outside change, an undo elsewhere) does not drop it.
  const held = [...state.unparsed].map(([key, h]) => ({ key, dataKey: moved(h.field.dataset.key), kind: `${h.field.tagName}:${h.field.type}`, value: h.field.value }));
  clearUnparsed();
  if (state.view?.broken) {
    showBroken(state.view.broken);
    return;
  }
  if (!state.model) return;
  const active = document.activeElement;
  let key = editor.contains(active) ? moved(active.dataset.key) : null;
  const caret = key && "selectionStart" in active ? [active.selectionStart, active.selectionEnd] : null;
  // Typing still on its way to the engine is newer than the model drawn: its fields keep it.
  const waiting = pendingFields();
  const typed = waiting.size === 0 ? [] : [...editor.querySelectorAll("[data-key]")]
    .filter((f) => "value" in f && waiting.has(f.dataset.key))
    .map((f) => [moved(f.dataset.key), f.value])
    .filter(([k]) => k !== null);
  const hint = state.focusHint;
  state.focusHint = null;
  const hintId = hint ? hint.id ?? state.model.blocks[hint.pos]?.id : undefined;
  if (hint) {
    key = hint.key ?? (hint.field ? `b${hintId}:${hint.field}` : null);
  }
  const scroll = editor.scrollTop;
  renderForms(editor, state.model, ctx());
  restoreHeld(held);
  editor.scrollTop = scroll;
  const find = () => key && editor.querySelector(`[data-key="${CSS.escape(key)}"]`);
  let target = find();
  // A field of a folded block (`b{id}:…`) is built when the block unfolds.
  const folded = !target && key && editor.querySelector(`.block[data-id="${/^b(\d+):/.exec(key)?.[1]}"]`);
  if (folded) {
    unfold(folded);
    target = find();
  }
  // A move button that is now disabled (the block reached an end): its other one.
  if (target?.disabled) target = target.closest(".block-head")?.querySelector("button[data-key]:not([disabled])") ?? null;
  for (const [k, value] of typed) {
    const f = editor.querySelector(`[data-key="${CSS.escape(k)}"]`);
    if (f && f.value !== value) f.value = value;
  }
  if (target) {
    const item = target.closest(".block");
    if (item) unfold(item);
    target.focus({ preventScroll: !hint });
    if (hint?.select) target.setSelectionRange(...hint.select);
    else if (caret && "setSelectionRange" in target && target.type !== "number" && target.type !== "date" && target.type !== "datetime-local" && target.type !== "checkbox") {
      try { target.setSelectionRange(...caret); } catch { /* not a text field */ }
    }
  } else if (hint) {
    editor.querySelector(`.block[data-id="${hintId}"]`)?.scrollIntoView({ block: "nearest" });
  }
}

/** Types held text (`draw` kept it) into the fields drawn anew, through each field's own
 *  input handler: a draft is held again and says why, text the page could not read goes
 *  to the form's model and to the engine, which refuses it again and so holds it. A
 *  field no longer drawn, or now of another kind (a list become text), loses it. */
function restoreHeld(held) {
  for (const { dataKey, kind, value } of held) {
    const field = dataKey && editor.querySelector(`[data-key="${CSS.escape(dataKey)}"]`);
    if (!field || `${field.tagName}:${field.type}` !== kind) continue;
    field.value = value;
    field.dispatchEvent(new Event("input", { bubbles: true }));
  }
  if (held.length) heldChanged();
}

function showBroken(b) {
  editor.replaceChildren(el("section", { class: "broken", role: "alert" },
    el("h2", { text: "This page has an error, so it is open read-only" }),
    el("p", { text: b.message }),
    el("ol", { "aria-label": "Source around the error" },
      b.excerpt.map(([n, line]) => el("li", { class: n === b.line ? "at" : "" }, el("span", { text: String(n) }), line))),
    el("p", { class: "hint", text: "Fix it in your editor: Folio reads the file again when it changes, and nothing is written meanwhile." })));
}

/** Takes in the field problems an update brings: of every block, or of one. */
function takeProblems(u) {
  if (u.model) {
    state.problems = new Map();
  } else if (u.problemsOf !== null && u.problemsOf !== undefined) {
    state.problems.delete(u.problemsOf);
  } else {
    return null;
  }
  for (const p of u.problems ?? []) {
    if (!state.problems.has(p.block)) state.problems.set(p.block, []);
    state.problems.get(p.block).push(p);
  }
  return u.model ? null : u.problemsOf;
}

function applyUpdate(u, anchor = null) {
  Object.assign(state.view, { version: u.version, dirty: u.dirty, canUndo: u.canUndo, undoRevertsOutside: u.undoRevertsOutside, canRedo: u.canRedo, broken: u.broken, conflicts: u.conflicts, missing: u.missing });
  // A conflict dialog showing what the file no longer holds is closed (`settle` asks again).
  if (settling && shownConflicts !== null && JSON.stringify(u.conflicts ?? []) !== shownConflicts) $("dialog").close();
  // A notice of a state that is over goes: conflicts settled, the file back on disk.
  if (!u.conflicts?.length) clearNotice("conflicts");
  if (!u.missing) clearNotice("missing");
  const changed = takeProblems(u);
  if (changed !== null) editor.querySelector(`.block[data-id="${changed}"]`)?.showProblems?.();
  if (u.shortcodes) { state.shortcodes = u.shortcodes; state.missingThemes = u.missingThemes ?? []; }
  if (u.siteProblems) showSiteProblems(u.siteProblems);
  // After a param edit, which other table wins over the forms' values may have changed:
  // their notes are drawn again (a redraw keeps the field being typed in).
  if (u.paramsElsewhere) {
    const was = JSON.stringify(state.view.paramsElsewhere ?? []);
    state.view.paramsElsewhere = u.paramsElsewhere;
    if (!u.model && !u.broken && was !== JSON.stringify(u.paramsElsewhere)) draw();
  }
  if (u.placed) {
    const { id, path } = u.placed;
    state.focusHint = path.length ? { key: `b${id}:${path.join(".")}:^fold`, id: null } : { id, field: "^fold" };
  }
  if (u.model) {
    const change = anchor === CHANGED ? firstChange(state.model, u.model) : null;
    const moved = nestedMoves(state.model, u.model);
    state.model = u.model;
    state.seen = u.version;
    if (anchor === CHANGED) anchor = change?.id ?? null;
    else if (anchor !== null && typeof anchor === "object") anchor = state.model.blocks[anchor.pos]?.id ?? null;
    draw(moved);
    if (change) showChange(change);
  } else if (u.broken) {
    draw();
  }
  // "The block that changed" is found in a new model only (an undo onto a page that does
  // not parse brings none): the preview then keeps its place.
  if (anchor === CHANGED) anchor = null;
  $("undo").disabled = !u.canUndo;
  $("redo").disabled = !u.canRedo;
  canSave();
  // A page that does not parse has nothing to export (the menu's Export is greyed too).
  $("export").disabled = !!u.broken;
  $("status").textContent = statusText(u);
  document.title = u.title;
  document.body.dataset.version = String(u.version);
  showPreview(u.version, anchor);
}

/** Blocks past which a page's forms take long enough to draw (about a second here, for
 *  4,000) that the window says what it is doing first. */
const LONG_PAGE = 2000;

async function showView(view) {
  // A page opened, or read again from disk: what fields held of the last is over.
  clearUnparsed();
  if (state.view?.path !== view.path) {
    forgetFolds();
    resetPreview();
    // What was said of the last page's file is not said of this one.
    ["disk", "conflicts", "missing", "save", "stops"].forEach(clearNotice);
  }
  state.view = view;
  configure({ structural: view.structuralEdits });
  state.model = view.model;
  state.seen = view.version;
  state.shortcodes = view.shortcodes ?? [];
  state.missingThemes = view.missingThemes ?? [];
  fillPages(view);
  const blocks = view.model?.blocks.length ?? 0;
  const version = view.version;
  if (blocks > LONG_PAGE) {
    $("status").textContent = `Opening ${blocks.toLocaleString()} blocks…`;
    editor.replaceChildren(el("p", { class: "empty", role: "status", text: `Opening ${view.path.split("/").pop()}: ${blocks.toLocaleString()} blocks…` }));
    // Painted before the forms are built.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    // Meanwhile another page was opened, which drew itself.
    if (state.view !== view) return;
  }
  // applyUpdate draws the forms (a view has a model, or says why not); an update that
  // came meanwhile (an outside change, an undo from the menu) is newer, and the forms are
  // drawn from its state.
  if (view.version === version) applyUpdate(view);
  else draw();
  refreshRecent();
  offerRecovery(view);
}

/** The Language and Page selectors, on the open page (listed even when it is none of the
 *  site's portfolio pages, as a page saved under a new name may be). */
function fillPages(view) {
  fillSelect($("language"), view.languages.map((l) => [l.code, l.name]), view.language);
  $("language-field").hidden = view.languages.length < 2;
  const pages = view.pages.filter((p) => p.language === view.language);
  if (!pages.some((p) => p.path === view.path)) pages.push({ path: view.path });
  fillSelect($("page"), pages.map((p) => [p.path, inSite(view, p.path)]), view.path);
  $("page-field").hidden = pages.length < 2;
}

/** A page's path from the open site's folder (`content/en/about.md`). */
function inSite(view, path) {
  return path.replace(`${view.siteRoot}/`, "");
}

function fillSelect(select, options, current) {
  select.replaceChildren(...options.map(([value, label]) => el("option", { value, text: label, selected: value === current })));
}

async function refreshRecent() {
  const recent = await api.recentSites().catch(() => []);
  fillSelect($("recent"), [["", "Recent…"], ...recent.map((r) => [r.path, `${r.title} — ${r.path}`])], "");
}

// ---- notices and dialogs -----------------------------------------------------------------

/** Says what of the whole site Folio writes otherwise than Hugo, or cannot read (`folio
 *  check`'s site-wide problems): one notice, replaced when the list changes (a notice
 *  dismissed stays away through undo and redo, which send the list again). */
function showSiteProblems(list) {
  const key = JSON.stringify(list);
  if (key === state.siteProblems) return;
  state.siteProblems = key;
  document.querySelectorAll("#notices [data-site]").forEach((n) => n.remove());
  if (!list.length) return;
  const head = list.length === 1
    ? "Where this site differs from Hugo in Folio:"
    : `This site differs from Hugo in Folio in ${list.length} ways (folio check lists them all); the first:`;
  notice(`${head} ${list[0]}`, "warn", [], 0).dataset.site = "";
}

/** Shows a notice. The same text replaces its earlier copy, and at most three stay: the
 *  oldest passing ones ("ok") go first. `key` names the state it tells of (conflicts
 *  waiting, the file on disk broken…): one notice per key, taken away by `clearNotice`
 *  when that state ends. */
function notice(text, kind = "ok", actions = [], timeout = 8000, key = null) {
  const area = $("notices");
  [...area.children].filter((n) => n.dataset.text === text || (key && n.dataset.key === key)).forEach((n) => n.remove());
  while (area.children.length >= 3) {
    const oldest = [...area.children].find((n) => n.classList.contains("ok")) ?? area.firstElementChild;
    oldest.remove();
  }
  const n = el("div", { class: `notice ${kind}`, role: kind === "error" ? "alert" : "status" },
    el("span", { class: "grow", text }),
    actions.map(([label, fn]) => el("button", { type: "button", class: "link", text: label, onClick: () => { n.remove(); fn(); } })),
    el("button", { type: "button", class: "icon", "aria-label": "Dismiss", text: "×", onClick: () => n.remove() }));
  n.dataset.text = text;
  if (key) n.dataset.key = key;
  area.append(n);
  if (timeout) setTimeout(() => n.remove(), timeout);
  return n;
}

/** Takes away the notice of a state that has ended ([`notice`]'s `key`). */
function clearNotice(key) {
  [...$("notices").children].filter((n) => n.dataset.key === key).forEach((n) => n.remove());
}

function showError(e) {
  notice(unparsedWords(e.message ?? String(e)), "error", [], 0);
}

/** An edit the engine refused (a value the file's format cannot hold here): said, and the
 *  forms put back on what the page holds once the queue is done, so no field keeps text
 *  that is in no file. But text being typed that the page cannot read yet (a shortcode
 *  call half typed: `{{<`) stays in its field as typed ([`holdUnparsed`]). */
async function refused(e, key) {
  const field = document.activeElement;
  const typing = $("editor").contains(field) && field.matches("textarea, input:not([type=checkbox])");
  if (typing && typeof key === "string" && e.kind === "model" && /would not parse/.test(e.message ?? "")) {
    holdUnparsed(field, e, key);
    return;
  }
  showError(e);
  await putBack();
}

/** Typed text the page cannot read yet: kept in its field, marked, and said once (not a
 *  notice per keystroke); nothing of it is written, and Save waits, until a later edit of
 *  its block is applied ([`clearUnparsed`]), the forms are drawn again from the page, or
 *  the user goes back to the last text that read. One hold per field (`key`, its edit's). */
function holdUnparsed(field, e, key) {
  const message = unparsedWords(e.message);
  state.unparsed.set(key, { field, message });
  field.setAttribute("aria-invalid", "true");
  heldChanged();
  notice(`Not applied yet, as the page cannot read it: ${message}. Finish typing; Save waits until it reads.`,
    "error", [[PUT_BACK, () => putBack(true)]], 0, "unparsed");
}

/** The engine's words for typed text the page cannot read, without the file and the
 *  model's path to the block (`blocks[2]`, which the form names no block by), its place
 *  said as a line of the page (trial 51a, 9). */
function unparsedWords(message) {
  return (message ?? "")
    .replace(/^.*?: (?:blocks|frontMatter)[^:\s]*: /, "")
    .replace(/^the edited page would not parse at (\d+):(\d+): /, "at line $1, column $2 of the page: ");
}

/** A form's field holds text that is no value yet (`edits.js` [`hold`]): held as text the
 *  page cannot read is, its own message beside the field saying why. */
function holdDraft(key, field, message) {
  state.unparsed.set(key, { field, message });
  field.setAttribute("aria-invalid", "true");
  heldChanged();
}

/** The field of `key` holds a value again. */
function releaseDraft(key) {
  const held = state.unparsed.get(key);
  if (!held) return;
  held.field.removeAttribute("aria-invalid");
  state.unparsed.delete(key);
  heldChanged();
}

/** What holds changed tells: the shell (closing asks while any field holds text), and the
 *  status line. */
function heldChanged() {
  api.setHeld(state.unparsed.size).catch(() => {});
  if (state.view) $("status").textContent = statusText(state.view);
  canSave();
}

/** Save can act with unsaved changes, with the page file gone (it writes it again: trial
 *  59b, 4), or with text held in a field, when it says why it does not save (trial 50a,
 *  8: it was greyed for a date held, not for a call held). */
function canSave() {
  $("save").disabled = !state.view?.dirty && !state.view?.missing && state.unparsed.size === 0;
}

/** The status line for the view `u`. */
function statusText(u) {
  if (u.conflicts?.length) return "Conflicts to settle";
  if (u.missing) return `File ${u.missing}`;
  if (state.unparsed.size) return "Typed text not valid yet";
  return u.dirty ? "Unsaved changes" : "Saved";
}

/** The block an edit's key names (`edit:b12:title` → `edit:b12`): a form sends its whole
 *  block, so an edit of one field applied carries the others too. */
function blockOf(key) {
  return key.split(":").slice(0, 2).join(":");
}

/** An edit of the block of `key` was applied (none: every field, as the forms are drawn
 *  again from the page): what [`holdUnparsed`] held there is over. */
function clearUnparsed(key = null) {
  const before = state.unparsed.size;
  for (const [held, { field }] of state.unparsed) {
    if (key === null || blockOf(held) === blockOf(key)) {
      field.removeAttribute("aria-invalid");
      state.unparsed.delete(held);
    }
  }
  if (state.unparsed.size === 0) clearNotice("unparsed");
  if (state.unparsed.size !== before) heldChanged();
}

/** The action that takes text not valid yet out of its field: the field shows again the
 *  last text that read, which is the unsaved page's (not the file's: trial 50a, 7). */
const PUT_BACK = "Back to the last text that reads";

/** Says that Save did not save, as field text not valid yet (`held`) is in no file. */
function notSavedWhileHeld(held) {
  notice(`Not saved: the text being typed cannot be read yet (${held.message}). Finish it, or go back to the last text that reads.`,
    "error", [[PUT_BACK, () => putBack(true)]], 0, "unparsed");
}

/** Puts the forms back on what the page holds, once the queue is done (`force`: redrawn
 *  even where the model did not change, for text held in a field only). */
async function putBack(force = false) {
  await drain();
  const view = await api.currentView().catch(() => null);
  // An edit made meanwhile is newer than this view: the forms keep it (and what they hold).
  if (!isIdle() || view?.version !== state.view.version) return;
  if (view?.model && (force || JSON.stringify(view.model) !== JSON.stringify(state.model))) {
    // Put back: the held text goes, and the fields show the page's.
    clearUnparsed();
    state.model = view.model;
    draw();
  }
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

/** Lets the user choose one of the site's images (static/, assets/, the page's bundle);
 *  resolves with `{ chosen, images }` (the image chosen, and all those offered: each
 *  `{ value, folder }`), or null. */
async function pickImage() {
  let images = [];
  try { images = await api.siteImages(); } catch (e) { showError(e); return null; }
  const where = { static: "static/", assets: "assets/", bundle: "next to the page" };
  const list = images.length
    ? el("ul", { class: "image-list", "aria-label": "Images" }, images.map((im) => el("li", {},
      el("button", { type: "button", class: "image-choice", onClick: () => { $("dialog").close(); chosen({ chosen: im, images }); } },
        el("img", { alt: "", src: folioUrl(im.folder === "static" ? `site${im.value}` : im.folder === "assets" ? `assets/${im.value}` : `page/${im.value}`) }),
        el("span", { text: im.value }), el("span", { class: "hint", text: where[im.folder] })))))
    : el("p", { text: "This site has no images in static/, assets/ or next to the page." });
  let chosen = () => {};
  const picked = new Promise((resolve) => { chosen = resolve; });
  const asked = ask("Choose an image", [list], [["Cancel", null]]);
  return Promise.race([picked, asked]);
}

// ---- commands ----------------------------------------------------------------------------

async function undo() {
  // In a field holding text not valid yet, undo first takes back that typing: the page's
  // text comes back in it, and the edit before stays.
  const active = document.activeElement;
  if ([...state.unparsed.values()].some((h) => h.field === active)) {
    await putBack(true);
    return;
  }
  // Undoing past a change made outside Folio (a reload, a merge) brings back the text from
  // before it, which a save then writes over it: asked first, kept by default.
  if (state.view?.undoRevertsOutside) {
    const go = await ask("Undo the change made outside Folio?", [
      el("p", { text: "The next undo takes the page back to before the change that came in from outside Folio (another editor, git)." }),
      el("p", { text: "The file on disk keeps that change until you save; saving after this undo writes over it (unless the text then does not read with the site's templates: then only Save As keeps it)." }),
    ], [["Undo it", true], ["Keep it", false, true]]);
    if (!go) return;
  }
  // An offer to undo a deletion is spent once anything is undone.
  document.querySelectorAll("#notices [data-undoable]").forEach((n) => n.remove());
  submitCall("undo", api.undo, { anchor: CHANGED });
}
function redo() { submitCall("redo", api.redo, { anchor: CHANGED }); }

/** The anchor of an undo or redo: whatever it changed, found when its answer comes. */
const CHANGED = Symbol("changed");

/** What differs between two models, first on the page: a block (`{id}`), the front matter
 *  (`{section: "page"}`), the params (`{section: "params"}`), or null. */
function firstChange(before, after) {
  if (!before) return null;
  if (JSON.stringify(before.frontMatter) !== JSON.stringify(after.frontMatter)) return { section: "page" };
  if (JSON.stringify(before.params) !== JSON.stringify(after.params)) return { section: "params" };
  const old = new Map(before.blocks.map((b) => [b.id, JSON.stringify(b)]));
  const hit = after.blocks.find((b) => old.get(b.id) !== JSON.stringify(b));
  if (hit) return { id: hit.id };
  // Only a removal: the block now where the first removed one was.
  const kept = new Set(after.blocks.map((a) => a.id));
  const gone = before.blocks.findIndex((b) => !kept.has(b.id));
  return gone >= 0 ? { id: after.blocks[Math.min(gone, after.blocks.length - 1)]?.id ?? null } : null;
}

/** Brings what an undo or redo changed into view and marks it for a moment. */
function showChange(change) {
  const target = change?.section
    ? editor.querySelector(`fieldset.${change.section}`)
    : change?.id !== undefined && change?.id !== null ? editor.querySelector(`.block[data-id="${change.id}"]`) : null;
  if (!target) return;
  if (target.classList.contains("block")) unfold(target);
  target.scrollIntoView({ block: "nearest" });
  target.classList.remove("changed");
  void target.offsetWidth;
  target.classList.add("changed");
  setTimeout(() => target.classList.remove("changed"), 1600);
}

/** When a key last reached the page (`performance.now()`, ms). */
let lastKeyAt = -Infinity;
for (const type of ["keydown", "input"]) {
  document.addEventListener(type, () => { lastKeyAt = performance.now(); }, true);
}

/** How long no key must reach the page before keys typed count as all in (ms), and the
 *  longest a request waits for that (a key held down). */
const KEYS_QUIET = 150;
const KEYS_WAIT_AT_MOST = 2000;

/** Waits for the keys typed to be all in, then for the edits they made: a menu request
 *  may overtake keys the window has yet to hand the page, and saved half a line typed
 *  fast as "Saved." (review 50d, 2). A shortcut (Ctrl+S) comes after them by itself
 *  (`src-tauri/src/keys.rs`); a click on the menu right after typing, or a platform where
 *  the shell cannot order keys, is what this wait is for. */
async function settled() {
  const start = performance.now();
  while (performance.now() - lastKeyAt < KEYS_QUIET && performance.now() - start < KEYS_WAIT_AT_MOST) {
    await new Promise((r) => setTimeout(r, 20));
  }
  await drain();
}

async function save(overwrite = false) {
  await settled();
  const held = state.unparsed.values().next().value;
  if (held) {
    notSavedWhileHeld(held);
    return;
  }
  try {
    const { outcome, update, stops } = await api.save(overwrite);
    applyUpdate(update);
    if (outcome.outcome === "saved") {
      // The file on disk is Folio's text now: whatever was wrong with it is gone, and so
      // is what a failed save said.
      clearNotice("disk");
      // What went wrong before (a failed save, a refused edit) is over once the page is
      // saved: those notices go, rather than piling up beside "Saved".
      document.querySelectorAll("#notices .notice.error").forEach((n) => n.remove());
      notice("Saved.", "ok", [], 3000);
      buildStops(stops, "Saved");
    }
    if (outcome.outcome === "outside") await outside(outcome.outside, true);
  } catch (e) {
    // Said until a save succeeds, with the way out.
    notice(e.message ?? String(e), "error", [["Save as…", saveAs]], 0, "save");
  }
}

/** Tells the user about an outside change (and settles conflicts). `saving`: it was found
 *  while saving, so nothing was written yet. */
async function outside(o, saving = false) {
  const again = saving ? " Nothing was saved yet: check the preview, then save again." : "";
  // What the file on disk is now replaces what was said of it before: where Hugo stopped
  // on the page last saved is not said of other text (review 50d, 6), but stays when
  // nothing came in (review 50e).
  if (o.kind !== "unwatched") clearNotice("disk");
  if (!["unwatched", "nothing"].includes(o.kind)) clearNotice("stops");
  switch (o.kind) {
    case "reloaded":
      notice("The page changed on disk and was reloaded.", "ok", [], 5000);
      break;
    case "configReloaded":
      notice("The site config changed on disk: params and preview were reloaded.", "ok", [], 5000);
      break;
    case "templatesReloaded":
      notice("A template, or a file templates read (data/, i18n/, assets/, a theme's config), changed on disk: the page was read again with it.", "ok", [], 5000);
      break;
    case "merged":
      notice(o.incoming.length
        ? `Taken in from the file on disk: ${o.incoming.join(", ")}. Your other unsaved edits are kept.${again}`
        : `Your version was kept: nothing of this last change made outside Folio was taken in.${again}`, "ok", [], 12000);
      break;
    case "replaced":
      notice("The page changed on disk where you had unsaved edits, and Folio cannot read its blocks with the site's templates now to merge them: the file's text is shown. Undo brings yours back, to keep with Save As (it does not read with the templates now).", "warn",
        [["Undo", () => undo()]], 0, "disk");
      break;
    case "conflicts":
      await settle(o.conflicts);
      break;
    case "removed":
      notice("The page file is gone: deleted outside Folio, or a folder above it moved. Your text is still here.", "warn",
        [["Save to re-create it", () => save()], ["Save as…", saveAs]], 0, "missing");
      break;
    case "back":
      notice("The page file is back on disk.", "ok", [], 5000);
      break;
    case "renamed":
      notice(`The page file was renamed to ${o.to}. Your text is still here.`, "warn",
        [["Follow the rename", () => follow(o.to)], ["Save here again", () => save()], ["Save as…", saveAs]], 0, "missing");
      break;
    case "unwatched":
      notice(`Folio cannot see outside edits here: ${o.problems.join("; ")}. Reopen the site once this is fixed.`, "warn", [], 0);
      break;
    case "unparsable":
      // Found by a save, said as a save that did not happen, with the ways on (trial
      // 52a-9: the same notice again looked like nothing at all).
      if (saving) {
        notice(`Not saved: the file on disk now has an error (${o.broken.message}), and saving would write over the change made there. Fix it outside Folio (your edits are kept and merged then), or write yours over it.`, "error",
          [["Save yours over it", () => save(true)], ["Save as…", saveAs]], 0, "disk");
      } else {
        notice(`The file on disk now has an error (${o.broken.message}). Your edits are kept and will be merged once it is fixed.`, "warn", [], 0, "disk");
      }
      break;
    default:
      break;
  }
}

let settling = false;
// The conflicts the open conflict dialog shows (JSON), while it is open.
let shownConflicts = null;

async function settle(conflicts) {
  if (settling || !conflicts?.length) return;
  settling = true;
  shownConflicts = JSON.stringify(conflicts);
  const choices = await conflictView($("dialog"), conflicts).finally(() => { settling = false; });
  const now = state.view.conflicts ?? [];
  if (JSON.stringify(now) !== shownConflicts) {
    // The file changed again while the dialog was open (`applyUpdate` closed it): choices
    // made of what it was are not sent; what conflicts now is asked again.
    shownConflicts = null;
    if (now.length) {
      notice("The file changed on disk again: the conflicts are shown as they are now.", "warn", [], 8000);
      await settle(now);
    }
    return;
  }
  shownConflicts = null;
  if (!choices) {
    notice("Conflicts with changes on disk are waiting: Save stays held back until you settle them.", "warn",
      [["Settle now", () => settle(state.view.conflicts)]], 0, "conflicts");
    return;
  }
  try {
    const event = await api.resolveConflicts(choices);
    applyUpdate(event.update);
    await outside(event.outside);
  } catch (e) {
    showError(e);
  }
}

async function follow(to) {
  try {
    const event = await api.followRename(to);
    applyUpdate(event.update);
    await outside(event.outside);
  } catch (e) {
    showError(e);
  }
}

/** Says what stops Hugo's build of the page just saved or exported (`done`), each
 *  located, until a save finds none: the file is written all the same. */
function buildStops(stops, done) {
  clearNotice("stops");
  if (!stops?.length) return;
  // One reason at many places is said once, with its places (trial 51a, 10: a template
  // gone said the same words for each of its calls).
  const groups = new Map();
  for (const stop of stops) {
    const m = /^(.*?):(\d+):(\d+): ([\s\S]*)$/.exec(stop);
    const [file, at, why] = m ? [m[1], `${m[2]}:${m[3]}`, m[4]] : ["", "", stop];
    const key = `${file}\u0000${why}`;
    if (!groups.has(key)) groups.set(key, { file, places: [], why });
    if (at) groups.get(key).places.push(at);
  }
  const said = [...groups.values()].map(({ file, places, why }) =>
    (places.length ? `${file}:${places.join(", ")}: ${why}` : why));
  const more = said.length > 3 ? ` (and ${said.length - 3} more: folio check lists them)` : "";
  notice(`${done}, but Hugo will not build this page: ${said.slice(0, 3).join("; ")}${more}`,
    "warn", [], 0, "stops");
}

async function saveAs() {
  await settled();
  const held = state.unparsed.values().next().value;
  if (held) {
    notSavedWhileHeld(held);
    return;
  }
  try {
    const saved = await api.saveAs();
    if (saved) {
      applyUpdate(saved.update);
      // What a failed save said is over: the text is in a file now.
      clearNotice("save");
      notice("Saved under the new name.", "ok", [], 4000);
      buildStops(saved.stops, "Saved");
      // The page open now is the new file: the selectors say so.
      const view = await api.currentView();
      if (view) {
        Object.assign(state.view, { path: view.path, pages: view.pages, language: view.language, languages: view.languages });
        fillPages(state.view);
      }
      refreshRecent();
    }
  } catch (e) {
    showError(e);
  }
}

async function onOutside(event) {
  await drain();
  // An event computed before a later change (a settled conflict, an edit) is out of date:
  // the later update brought its text (an edit made before the forms saw it is merged
  // over it), and what it says of it still holds.
  if (state.view && event.update.version < state.view.version) {
    if (["merged", "reloaded", "configReloaded"].includes(event.outside.kind)) await outside(event.outside);
    return;
  }
  applyUpdate(event.update);
  await outside(event.outside);
}

async function offerRecovery(view) {
  if (!view.recovery) return;
  const when = new Date(view.recovery).toLocaleString();
  const choice = await ask("Restore unsaved changes?", [
    el("p", { text: `Folio did not close cleanly while this page had unsaved changes (last kept ${when}).` }),
    el("p", { text: "Restore them? If the file changed since, the changes are merged with it." }),
  ], [["Discard them", false], ["Restore", true, true]]);
  try {
    const event = await api.recover(Boolean(choice));
    applyUpdate(event.update);
    if (choice) {
      notice("Unsaved changes restored.", "ok", [], 5000);
      await outside(event.outside);
    }
  } catch (e) {
    showError(e);
  }
}

async function reload() {
  await drain();
  try { await showView(await api.reload()); } catch (e) { showError(e); }
}

async function guardUnsaved() {
  if (state.unparsed.size) {
    const go = await ask("Text not valid yet", el("p", { text: "A field holds text that is not valid yet, so it is in no file; opening another page loses it." }),
      [["Open anyway", true], ["Cancel", false, true]]);
    if (!go) return false;
  }
  if (!state.view?.dirty) return true;
  // The same question, in the same order, as closing the window asks (events.rs).
  const choice = await ask("Unsaved changes", el("p", { text: "This page has unsaved changes. Save them before opening another?" }),
    [["Save", "save", true], ["Don't save", "discard"], ["Cancel", null]]);
  if (choice === "save") await save();
  // Discarded on purpose: the journal of the edits goes too, or opening this same page
  // again offered them back as if Folio had crashed (review 52c, 1).
  if (choice === "discard") await api.recover(false).catch(() => {});
  return choice !== null && !(choice === "save" && state.view.dirty);
}

/** Opens `path` (after asking about unsaved edits); whether it was opened. A site whose
 *  pages are none of them an obvious portfolio page offers its pages to choose from. */
async function open(path, asked = false) {
  if (!asked && !(await guardUnsaved())) return false;
  try {
    const view = await api.openSite(path);
    // What was said before is of the page or the attempt before (trial 51a, 11: a failed
    // open's error stayed over the site opened next).
    $("notices").replaceChildren();
    await showView(view);
    return true;
  } catch (e) {
    if (e.kind === "site" && /no portfolio page/.test(e.message ?? "")) {
      const chosen = await choosePage(path);
      return chosen ? open(chosen, true) : false;
    }
    showError(e);
    return false;
  }
}

/** Asks which of the site's pages to open; resolves with its path, or null. */
async function choosePage(site) {
  let pages = [];
  try { pages = await api.sitePages(site); } catch (e) { showError(e); return null; }
  if (!pages.length) {
    notice(`${site} has no content pages (Markdown files in its content folder).`, "warn", [], 0);
    return null;
  }
  // One page is the page: nothing to choose.
  if (pages.length === 1) return pages[0].path;
  let chosen = () => {};
  const picked = new Promise((resolve) => { chosen = resolve; });
  const list = el("ul", { class: "page-list", "aria-label": "Pages" }, pages.map((p) => el("li", {},
    el("button", { type: "button", class: "link", text: p.path.replace(`${site.replace(/\/$/, "")}/`, ""),
      onClick: () => { $("dialog").close(); chosen(p.path); } }))));
  const asked = ask("Which page is your portfolio?", [
    el("p", { text: "Folio did not find a portfolio page here (one with project cards, or with layout: about in its front matter). Choose the page to edit:" }), list,
  ], [["Cancel", null]]);
  return Promise.race([picked, asked]);
}

async function exportSite() {
  await settled();
  try {
    const result = await api.exportSite();
    if (!result) return;
    const others = result.otherLanguages.length
      ? ` The site's other languages (${result.otherLanguages.join(", ")}) are exported from their own pages: choose one under Language, then Export.`
      : "";
    // One export notice: the latest (trial 51a, 11: they piled up).
    const n = notice(`Exported the ${result.language} page to ${result.dir}.${others}`, "ok", [["Open in browser", () => api.openExport().catch(showError)]], 0, "exported");
    n.dataset.exportDir = result.dir;
    for (const w of result.warnings) notice(w, "warn");
    buildStops(result.stops, "Exported");
  } catch (e) {
    showError(e);
  }
}

// ---- wiring ------------------------------------------------------------------------------

/** The split between forms and preview: dragged, or moved with ← and → on the divider;
 *  remembered across starts. */
function split() {
  const divider = $("divider");
  const workspace = divider.parentElement;
  const apply = (px) => {
    const max = Math.min(workspace.clientWidth, document.documentElement.clientWidth) - 320;
    const w = Math.round(Math.max(320, Math.min(max, px)));
    workspace.style.setProperty("--forms-width", `${w}px`);
    divider.setAttribute("aria-valuenow", String(w));
    return w;
  };
  const saved = () => Number(localStorage.getItem("folio.formsWidth"));
  // Applied once laid out, and again when the window changes size (a width kept from a
  // larger window must still leave room for the preview).
  const fit = () => {
    if (saved()) apply(saved());
    // A focusable separator says where it is (in pixels of forms), kept or not.
    else divider.setAttribute("aria-valuenow", String(Math.round($("editor").getBoundingClientRect().width)));
  };
  requestAnimationFrame(fit);
  window.addEventListener("resize", fit);
  const keep = (w) => localStorage.setItem("folio.formsWidth", String(w));
  divider.addEventListener("pointerdown", (e) => {
    divider.setPointerCapture(e.pointerId);
    divider.classList.add("dragging");
    const left = workspace.getBoundingClientRect().left;
    const move = (ev) => apply(ev.clientX - left);
    const up = (ev) => {
      divider.classList.remove("dragging");
      divider.removeEventListener("pointermove", move);
      divider.removeEventListener("pointerup", up);
      keep(apply(ev.clientX - left));
    };
    divider.addEventListener("pointermove", move);
    divider.addEventListener("pointerup", up);
  });
  divider.addEventListener("keydown", (e) => {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
    e.preventDefault();
    const now = $("editor").getBoundingClientRect().width;
    keep(apply(now + (e.key === "ArrowRight" ? 40 : -40)));
  });
}
split();

configure({
  seen: () => state.seen ?? null,
  onHold: holdDraft,
  onRelease: releaseDraft,
  onUpdate: (update, anchor, key) => {
    // Only the held field's own edit, applied, ends the hold: another field's does not.
    if (typeof key === "string") clearUnparsed(key);
    applyUpdate(update, anchor);
  },
  onError: refused,
  onBusy: (busy) => {
    // Making the forms inert takes the focus away: the field that had it gets it back
    // (and keeps it through the redraw that follows, see draw()).
    if (busy) {
      const active = document.activeElement;
      state.busyFocus = editor.contains(active) ? active.dataset.key ?? null : null;
    }
    editor.inert = busy;
    editor.setAttribute("aria-busy", String(busy));
    if (!busy && state.busyFocus) {
      const key = state.busyFocus;
      state.busyFocus = null;
      if (!editor.contains(document.activeElement)) {
        state.focusHint = state.focusHint ?? { key };
        editor.querySelector(`[data-key="${CSS.escape(key)}"]`)?.focus();
      }
    }
  },
});

$("undo").addEventListener("click", undo);
$("redo").addEventListener("click", redo);
$("save").addEventListener("click", () => save());
$("export").addEventListener("click", exportSite);
/** Asks for a site folder, or a page file (`page`), and opens it. */
async function pickSite(page = false) {
  if (!(await guardUnsaved())) return;
  try {
    const path = await api.pickPath(page);
    if (path) await open(path, true);
  } catch (e) {
    showError(e);
  }
}
$("open").addEventListener("click", () => pickSite(false));
$("open-page").addEventListener("click", () => pickSite(true));
// The menu goes back to its prompt whatever happens: a choice cancelled (unsaved edits)
// can be made again.
$("recent").addEventListener("change", (e) => {
  const path = e.target.value;
  e.target.value = "";
  if (path) open(path);
});
// A switch that did not happen (Cancel, an error) puts the selector back on what is open
// as a new element (`redrawSelector`): a select whose value a script sets back fires no
// event in WebKitGTK when the same choice is made again with the keys (it remembers the
// index it last announced; review 52c, 2). Their events are heard on the document, so
// the new element is heard too.
document.addEventListener("change", (e) => {
  if (e.target.id === "page") switchPage(e);
  if (e.target.id === "language") switchLanguage(e);
});

/** Puts the selector `select` back on what is open, as a new element with the focus it had. */
function redrawSelector(select) {
  const fresh = select.cloneNode(false);
  const focused = document.activeElement === select;
  select.replaceWith(fresh);
  fillPages(state.view);
  if (focused) fresh.focus();
}

async function switchPage(e) {
  if (!(await open(e.target.value))) redrawSelector(e.target);
}

// Another language opens the open page's translation (the same path in its content
// folder, `projects.pt-br.md` for `projects.md`), else that language's first page.
// A language with neither says so: the selector alone going back would look broken.
async function switchLanguage(e) {
  const { pages, path, languages } = state.view;
  const key = pages.find((p) => p.path === path)?.translationKey;
  const theirs = pages.filter((p) => p.language === e.target.value);
  const page = theirs.find((p) => p.translationKey === key) ?? theirs[0];
  const name = languages.find((l) => l.code === e.target.value)?.name ?? e.target.value;
  if (!page) {
    notice(`Nothing to open in ${name}: it has no translation of this page (${key ?? "its file"} in its content folder) and no page calling the site's shortcodes. Open one of its pages with Open page…, if it has one.`, "warn", [], 0, "language");
  }
  if (!page || !(await open(page.path))) {
    redrawSelector(e.target);
  } else if (page.translationKey !== key) {
    // Another page than a translation: said, as the user asked for this one's (52c, 3).
    notice(`${name} has no translation of this page: its page ${inSite(state.view, page.path)} is open instead.`, "warn", [], 12000, "language");
  }
}

// The menu bar's accelerators (Ctrl+S, Ctrl+Z, Ctrl+O…) are the window's, and reach the
// app through its requests wherever the focus is; only Ctrl+Y, a second Redo the menu
// cannot show, is heard here.
document.addEventListener("keydown", (e) => {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "y") {
    e.preventDefault();
    redo();
  }
}, true);

/** What each menu request does. */
const menuActions = {
  openSite: () => pickSite(false),
  openPage: () => pickSite(true),
  openRecent: (r) => guardUnsaved().then((ok) => ok && open(r.path, true)),
  save: () => save(),
  saveAs: () => saveAs(),
  export: () => exportSite(),
  openExport: () => api.openExport().catch(showError),
  undo: () => undo(),
  redo: () => redo(),
  togglePreview: () => togglePreview(),
  refreshPreview: () => {
    resetPreview(true);
    showPreview(Number(document.body.dataset.version ?? 0));
  },
  appearance: (r) => setAppearance(r.choice),
  shortcuts: () => showShortcuts(),
  failed: (r) => showError({ message: r.message }),
};

/** Shows or hides the preview (the forms take the whole width). */
function togglePreview() {
  const hidden = document.body.classList.toggle("no-preview");
  $("preview-pane").hidden = hidden;
  $("divider").hidden = hidden;
}

/** Draws the window light or dark: `system` follows the desktop (and its changes). */
const systemDark = window.matchMedia("(prefers-color-scheme: dark)");
let appearance = "system";
function setAppearance(choice) {
  appearance = choice;
  const dark = choice === "dark" || (choice === "system" && systemDark.matches);
  document.documentElement.dataset.appearance = dark ? "dark" : "light";
}
systemDark.addEventListener("change", () => setAppearance(appearance));
setAppearance(appearance);

/** Help ▸ Keyboard Shortcuts. */
function showShortcuts() {
  const rows = [
    ["Ctrl+S", "Save"], ["Ctrl+Shift+S", "Save as…"], ["Ctrl+O", "Open a site"],
    ["Ctrl+Shift+O", "Open a page"], ["Ctrl+E", "Export"], ["Ctrl+Z", "Undo"],
    ["Ctrl+Shift+Z (Ctrl+Y in the forms)", "Redo"], ["Ctrl+Shift+P", "Show or hide the preview"],
    ["Ctrl+Shift+Y", "The site's own styles, or Folio's"],
    ["Ctrl+=, Ctrl+-, Ctrl+0", "Zoom in, out, actual size"],
    ["Alt+↑, Alt+↓", "Move the focused block up or down (past the end of a container: out of it)"],
    ["Alt+→, Alt+←", "Move the focused block into the container above it, or out of its container"],
    ["← →", "On the divider: make the forms narrower or wider"],
    ["Tab, Shift+Tab", "Next or previous field"], ["Escape", "Close a dialog"],
    ["Ctrl+W, Ctrl+Q", "Close Folio (asks first if there are unsaved changes)"],
  ];
  const table = el("table", { class: "shortcuts" },
    el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "Keys" }), el("th", { scope: "col", text: "Action" }))),
    el("tbody", {}, ...rows.map(([keys, what]) => el("tr", {}, el("td", {}, el("kbd", { text: keys })), el("td", { text: what })))));
  return ask("Keyboard shortcuts", table, [["Close", null, true]]);
}

async function boot() {
  // While a dialog asks something, the menu's other requests wait for its answer.
  await api.subscribeMenu((r) => {
    if ($("dialog").open && !["appearance", "failed"].includes(r.action)) return;
    menuActions[r.action]?.(r);
  }).catch(showError);
  state.iconNames = await api.iconNames().catch(() => []);
  await api.subscribe(onOutside).catch(showError);
  try {
    const view = await api.currentView();
    if (view) await showView(view);
    else {
      editor.replaceChildren(el("p", { class: "empty", text: "Open a Hugo site to start." }));
      refreshRecent();
    }
  } catch (e) {
    editor.replaceChildren(el("p", { class: "empty", text: "Open a Hugo site to start." }));
    refreshRecent();
    // A site given at start whose pages are none of them an obvious portfolio page: choose.
    const site = /^(.*): no portfolio page found/.exec(e.message ?? "");
    if (site) {
      const chosen = await choosePage(site[1]);
      if (chosen) await open(chosen, true);
      return;
    }
    showError(e);
  }
}

boot();
