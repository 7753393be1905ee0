// Block editors: the frame every block shares (drag handle, move, duplicate, delete,
// collapse) and the project card editor with its chips.

import { el, field, nextId } from "./dom.js";
import { submit } from "./edits.js";
import { folioUrl } from "./api.js";

// Blocks folded or unfolded by the user, by a key that survives redraws. Long pages start
// folded (a thousand open editors make every keystroke slow to paint).
const collapsed = new Set();
const expanded = new Set();

/** Forgets which blocks were folded (block ids start again with each page opened). */
export function forgetFolds() {
  collapsed.clear();
  expanded.clear();
}

/** The drag type of every block, at the top level or inside a container: its data is
 *  the block's place, `{ within, id }` as a structural edit names it. */
export const BLOCK_DRAG = "application/x-folio-block";

/** A dragged block's place (`BLOCK_DRAG` data), or null for data of another kind. */
export function draggedBlock(data) {
  try {
    const d = JSON.parse(data);
    return d && typeof d.id === "number" ? d : null;
  } catch {
    return null;
  }
}

/** Whether a block is a container, a paired shortcode with blocks inside it (a card, a
 *  call), which other blocks can be moved into: not one whose body is text alone (a
 *  `highlight`'s code, a `details`' prose). */
export function holdsBlocks(block) {
  return block?.kind === "shortcode" && Array.isArray(block.children) && block.children.some((c) => c.kind !== "markdown");
}

/** Moves block `id` to position `to` (focus follows the block: its id does not change). */
export function moveBlock(id, to, ctx) {
  if (to < 0 || to >= ctx.blockCount() || to === ctx.positionOf(id)) return;
  ctx.focusAfter({ id });
  submit({ op: "move", id, to }, { anchor: id });
}

/** The frame around the fields of the block at position `pos`, which `body()` builds (when
 *  the block is first unfolded: a folded block of a long page costs its header only).
 *  Blocks are named by the engine's block id (stable for the session); positions only
 *  label and bound moves. */
export function blockShell(pos, model, ctx, kind, title, body, label = null) {
  const id = model.blocks[pos].id;
  return frame({
    attrs: { dataset: { id: String(id), pos: String(pos) } },
    kind, label, title, pos, n: model.blocks.length,
    what: `${kind.toLowerCase()} ${pos + 1}`,
    key: `b${id}`,
    folded: ctx.foldByDefault ? !expanded.has(id) : collapsed.has(id),
    onFold: (now) => { if (now) { collapsed.add(id); expanded.delete(id); } else { collapsed.delete(id); expanded.add(id); } },
    move: (to) => moveBlock(id, to, ctx),
    copy: () => { ctx.focusAfter({ id, pos: pos + 1 }); submit({ op: "duplicate", id }, { anchor: id }); },
    remove: () => ctx.remove(pos, kind),
    // Alt+→: into the paired shortcode above, after its last block.
    intoAbove: holdsBlocks(model.blocks[pos - 1])
      ? () => ctx.transfer({ id, within: null }, { id: model.blocks[pos - 1].id, path: [] }, model.blocks[pos - 1].children.length)
      : null,
    drag: {
      type: BLOCK_DRAG,
      data: JSON.stringify({ within: null, id }),
      // A block of this list: to its position once moved (after its removal); one from
      // inside a container: out of it, to here.
      drop: (data, to) => {
        const d = draggedBlock(data);
        if (!d) return false;
        if (d.within) {
          ctx.transfer(d, null, to);
          return true;
        }
        const from = ctx.positionOf(d.id);
        if (from < 0) return false;
        moveBlock(d.id, from < to ? to - 1 : to, ctx);
        return true;
      },
    },
  }, body);
}

/** The frame every block shares, at the top level or inside a container: drag handle,
 *  fold toggle, kind (shown as `o.label` when given: a shortcode's name) and title, move up
 *  and down, copy, delete, Alt+↑/↓, and drag and drop. Inside a container (`o.outOf` names
 *  it), up from the first place and down from the last move the block out of it, as
 *  Alt+← does; Alt+→ moves it into the paired shortcode above it (`o.intoAbove`), and a
 *  drop takes blocks from other lists too. `o.key` prefixes the data-keys of its move and delete
 *  buttons (focus finds them again after a redraw); `o.drag.drop(data, to)` moves the
 *  dragged block (its `o.drag.data`) to position `to` of the list as it is, and says
 *  whether it took it. `body()` gives the block's fields; a folded block builds them when
 *  it is first unfolded (`item.folioBuild`). */
export function frame(o, body) {
  const { kind, title, pos, n, what } = o;
  const item = el("li", { class: `block ${o.folded ? "collapsed" : ""}`, "aria-label": `${kind} ${pos + 1}: ${named(o.label, title)}`, ...o.attrs });
  item.folioLabel = o.label;
  const fields = el("div", { class: "block-body" });
  item.folioBuild = () => {
    item.folioBuild = null;
    fields.append(...body());
  };
  if (!o.folded) item.folioBuild();
  const toggle = el("button", {
    type: "button", class: "icon", "aria-expanded": String(!o.folded),
    "aria-label": `Show or hide ${what}`, text: o.folded ? "▸" : "▾", dataset: { key: `${o.key}:^fold` },
    onClick: () => {
      item.folioBuild?.();
      const now = item.classList.toggle("collapsed");
      toggle.textContent = now ? "▸" : "▾";
      toggle.setAttribute("aria-expanded", String(!now));
      o.onFold?.(now);
    },
  });
  const handle = el("span", { class: "handle", draggable: "true", title: "Drag to move, also into or out of a container (or Alt+↑/↓, Alt+→ into the one above, Alt+← out)", "aria-hidden": "true", text: "⠿" });
  const head = el("div", { class: "block-head" },
    handle, toggle, el("span", { class: "kind", text: o.label ?? kind, title: o.label ?? kind }), el("h3", { text: title, title }),
    moveButton(o, "up", pos === 0, () => o.move(pos - 1)),
    moveButton(o, "down", pos === n - 1, () => o.move(pos + 1)),
    el("button", { type: "button", class: "icon", "aria-label": `Copy ${what}`, title: "Duplicate", dataset: { key: `${o.key}:^copy` }, onClick: o.copy, text: "Copy" }),
    el("button", { type: "button", class: "icon danger", "aria-label": `Delete ${what}`, title: "Delete", dataset: { key: `${o.key}:^delete` }, onClick: o.remove, text: "Delete" }));
  item.append(head, fields);
  item.addEventListener("keydown", (e) => {
    if (!e.altKey) return;
    const act = {
      ArrowUp: () => o.move(pos - 1),
      ArrowDown: () => o.move(pos + 1),
      ArrowRight: o.intoAbove,
      ArrowLeft: o.outOf ? () => o.move(n) : null,
    }[e.key];
    if (!act) return;
    e.preventDefault();
    // A block inside a container: the container does not move too.
    e.stopPropagation();
    act();
  });
  dragAndDrop(item, handle, pos, o.drag);
  return item;
}

/** A frame's move button, `dir` "up" or "down": at the end of its list it moves a block
 *  out of its container (`o.outOf`), and at the top level it is disabled there. */
function moveButton(o, dir, atEnd, onClick) {
  const key = dir === "up" ? "↑" : "↓";
  const out = atEnd && o.outOf;
  return el("button", {
    type: "button", class: "icon", disabled: atEnd && !o.outOf, dataset: { key: `${o.key}:^${dir}` }, onClick, text: key,
    "aria-label": out ? `Move ${o.what} out of ${o.outOf}, ${dir === "up" ? "above" : "below"} it` : `Move ${o.what} ${dir}`,
    title: out ? `Move out of ${o.outOf} (Alt+${key})` : `Move ${dir} (Alt+${key})`,
  });
}

/** Renames a block's frame as its title field changes (the editor is not redrawn while typing). */
export function retitle(item, title) {
  const h = item?.querySelector(":scope > .block-head h3");
  if (!h || h.textContent === title) return;
  h.textContent = title;
  h.title = title;
  item.setAttribute("aria-label", item.getAttribute("aria-label").replace(/:.*$/s, `: ${named(item.folioLabel, title)}`));
}

/** A block's name for screen readers: its label (a shortcode's name), then its title. */
function named(label, title) {
  return [label, title].filter(Boolean).join(": ");
}

/** Unfolds a block (when something in it gets focus, or is to get it), building its fields
 *  if they were not yet. */
export function unfold(item) {
  item.folioBuild?.();
  if (!item.classList.contains("collapsed")) return;
  const id = Number(item.dataset.id);
  item.classList.remove("collapsed");
  expanded.add(id);
  collapsed.delete(id);
  const toggle = item.querySelector(".block-head button[aria-expanded]");
  if (toggle) { toggle.textContent = "▾"; toggle.setAttribute("aria-expanded", "true"); }
}

/** Drops in the gaps of a list of blocks (between two, above the first, below the last):
 *  the dragged block goes where the pointer is among the list's blocks, as a drop on a
 *  block's own halves does. Each block keeps its `drag` (`folioDrag`) for this. */
export function gapDrops(list) {
  const blocks = () => [...list.children].filter((c) => c.folioDrag);
  const drag = (e) => blocks().map((b) => b.folioDrag).find((d) => e.dataTransfer.types.includes(d.type));
  list.addEventListener("dragover", (e) => {
    if (!drag(e) || insideDragged(list)) return;
    e.preventDefault();
    e.stopPropagation();
  });
  list.addEventListener("drop", (e) => {
    const d = drag(e);
    if (!d || insideDragged(list)) return;
    // Before the first block whose middle is below the pointer.
    const items = blocks();
    const to = items.findIndex((b) => { const r = b.getBoundingClientRect(); return e.clientY < r.top + r.height / 2; });
    if (!d.drop(e.dataTransfer.getData(d.type), to < 0 ? items.length : to)) return;
    e.preventDefault();
    e.stopPropagation();
  });
}

/** Whether `node` is the block being dragged or inside it: a block cannot be dropped
 *  into itself. */
function insideDragged(node) {
  return Boolean(document.querySelector(".block.dragging")?.contains(node));
}

function dragAndDrop(item, handle, pos, drag) {
  item.folioDrag = drag;
  handle.addEventListener("dragstart", (e) => {
    e.stopPropagation();
    e.dataTransfer.setData(drag.type, drag.data);
    e.dataTransfer.effectAllowed = "move";
    item.classList.add("dragging");
  });
  handle.addEventListener("dragend", () => item.classList.remove("dragging"));
  const where = (e) => (e.clientY < item.getBoundingClientRect().top + item.offsetHeight / 2 ? "before" : "after");
  item.addEventListener("dragover", (e) => {
    if (!e.dataTransfer.types.includes(drag.type) || insideDragged(item)) return;
    e.preventDefault();
    e.stopPropagation();
    item.classList.toggle("drop-before", where(e) === "before");
    item.classList.toggle("drop-after", where(e) === "after");
  });
  item.addEventListener("dragleave", () => item.classList.remove("drop-before", "drop-after"));
  item.addEventListener("drop", (e) => {
    if (!e.dataTransfer.types.includes(drag.type) || insideDragged(item)) return;
    const side = where(e);
    item.classList.remove("drop-before", "drop-after");
    if (!drag.drop(e.dataTransfer.getData(drag.type), side === "before" ? pos : pos + 1)) return;
    e.preventDefault();
    e.stopPropagation();
  });
}

/** The editor of the project card at position `pos`. */
export function cardEditor(card, pos, model, ctx) {
  const id = card.id;
  // A chip added or removed is a step of its own for undo (`discrete`).
  const send = (key, discrete = false) => submit({ op: "block", id, block: card }, { coalesce: discrete ? null : `b${id}:${key}`, anchor: id });
  let item = null;
  let fields = null;
  item = blockShell(pos, model, ctx, "Card", card.title || "Untitled card", () => {
    fields = cardFields(card, {
      key: (k) => `b${id}:${k}`,
      send,
      // What is wrong with a field is the engine's word (the rules of `folio check`), sent
      // with each update; the editor only shows it.
      problem: (field, value) => ctx.problems(id).find((p) => p.field === field && p.value === value),
      iconNames: ctx.iconNames,
      onTitle: (t) => retitle(item, t || "Untitled card"),
    });
    return fields;
  });
  // Called when the engine's answer brings this card's problems: redraws only when they
  // changed (redrawing the chips on every keystroke reloads their icons). Fields not yet
  // built read the problems when they are.
  let shown = JSON.stringify(ctx.problems(id));
  item.showProblems = () => {
    const now = JSON.stringify(ctx.problems(id));
    if (now === shown) return;
    shown = now;
    fields?.redraw();
  };
  return item;
}

/** The fields of a project card (title, icon chips, other tech, repository, its other
 *  parameters, body), wherever it is: `send(field)` submits the change, `key(field)` names
 *  each control for focus, `problem(field, value)` is what the engine found wrong. The
 *  returned list has a `redraw()` for new problems. */
export function cardFields(card, { key, send, problem, iconNames, onTitle = () => {} }) {
  const title = el("input", {
    type: "text", value: card.title, dataset: { key: key("title") }, placeholder: "Project name",
    onInput: (e) => { card.title = e.target.value; send("title"); onTitle(card.title); },
  });
  const icons = chipField({
    label: "Tech icons", key: key("icons"), values: card.techIcons, names: iconNames,
    problem: (w) => problem("techIcons", w),
    onChange: (v) => { card.techIcons = v; send("icons", true); },
  });
  const other = chipField({ label: "Other tech", key: key("other"), values: card.otherTech, onChange: (v) => { card.otherTech = v; send("other", true); } });
  const repoMsg = el("span", { class: "hint", "aria-live": "polite" });
  const repo = el("input", { type: "text", value: card.repository ?? "", placeholder: "owner/repo", dataset: { key: key("repo") } });
  const showRepo = () => {
    const v = card.repository ?? "";
    const bad = problem("repository", v);
    repo.setAttribute("aria-invalid", String(Boolean(bad)));
    repoMsg.className = bad ? "invalid" : "hint";
    repoMsg.textContent = v === "" ? "No repository link." : bad ? bad.message : `Links to https://github.com/${v}`;
  };
  repo.addEventListener("input", () => { card.repository = repo.value.trim() === "" ? null : repo.value.trim(); showRepo(); send("repo"); });
  showRepo();
  const body = el("textarea", {
    rows: Math.min(16, Math.max(4, card.body.split("\n").length + 1)), value: card.body, dataset: { key: key("body") },
    placeholder: "What it is, what you did (Markdown).",
    onInput: (e) => { card.body = e.target.value; send("body"); },
  });
  // The call's other parameters (`year="2021"`, read by the site's own card template):
  // each its own text field, as written.
  const extras = Object.entries(card.extra ?? {})
    .filter(([, v]) => typeof v === "string")
    .map(([name, v]) => field(name, el("input", {
      type: "text", value: v, dataset: { key: key(`extra:${name}`) },
      onInput: (e) => { card.extra[name] = e.target.value; send(`extra:${name}`); },
    })));
  const fields = [field("Title", title), icons, other, field("Repository", repo, repoMsg), ...extras, field("Body (Markdown)", body)];
  fields.redraw = () => { showRepo(); icons.redraw(); };
  return fields;
}

/** A list of words as removable chips, with an input that adds them (and, given `names`,
 *  suggests from them; `problem(word)` is what the engine found wrong with a word). */
export function chipField({ label, key, values, names = null, problem = () => null, onChange, separator = " " }) {
  const listId = nextId("suggest");
  const input = el("input", {
    type: "text", dataset: { key }, autocomplete: "off",
    role: names ? "combobox" : null, "aria-autocomplete": names ? "list" : null,
    "aria-expanded": names ? "false" : null, "aria-controls": names ? listId : null,
    placeholder: names ? "Add an icon (e.g. python)" : separator === " " ? "Add a word" : "Add an item",
  });
  const chips = el("ul", { class: "chips", "aria-label": label });
  const suggestions = el("ul", { class: "suggestions", id: listId, role: "listbox", hidden: true, "aria-label": `${label} suggestions` });
  let active = -1;
  const set = (next) => { values.splice(0, values.length, ...next); draw(); onChange([...values]); };
  // What the site's template splits the value on is what separates items here: an item
  // never holds a separator (the site would show it as two).
  const note = el("span", { class: "hint", "aria-live": "polite" });
  const add = (word) => {
    const parts = (separator === " " ? word.split(/\s+/) : word.split(separator))
      .map((w) => w.trim())
      .filter((w) => w && !values.includes(w));
    input.value = "";
    close();
    note.textContent = parts.length > 1
      ? `“${word.trim()}” became ${parts.length} items: the site's template splits this list on ${separator === " " ? "spaces" : `“${separator}”`}.`
      : "";
    if (parts.length) set([...values, ...parts]);
  };
  const draw = () => chips.replaceChildren(...values.map((w, i) => {
    const bad = problem(w);
    const known = !bad;
    const chip = el("li", { class: `chip ${known ? "" : "unknown"}`, title: known ? w : bad.message },
      names && known ? el("img", { src: folioUrl(`icon/${w}.svg`), alt: "" }) : null,
      el("span", { text: w }),
      known ? null : el("span", { class: "visually-hidden", text: "(unknown icon)" }),
      el("button", { type: "button", "aria-label": `Remove ${w}`, text: "×", onClick: () => { set(values.filter((_, j) => j !== i)); input.focus(); } }));
    return chip;
  }));
  const close = () => { suggestions.hidden = true; active = -1; input.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant"); };
  const open = () => {
    if (!names) return;
    const q = input.value.trim().toLowerCase();
    if (!q) { close(); return; }
    const found = [...names.filter((n) => n.startsWith(q)), ...names.filter((n) => !n.startsWith(q) && n.includes(q))].filter((n) => !values.includes(n)).slice(0, 8);
    suggestions.replaceChildren(...found.map((n, i) => el("li", {
      id: `${listId}-${i}`, role: "option", "aria-selected": String(i === active), dataset: { name: n },
      onMousedown: (e) => { e.preventDefault(); add(n); },
    }, el("img", { src: folioUrl(`icon/${n}.svg`), alt: "" }), n)));
    suggestions.hidden = found.length === 0;
    input.setAttribute("aria-expanded", String(found.length > 0));
  };
  input.addEventListener("input", () => { active = -1; open(); });
  input.addEventListener("blur", () => { if (input.value.trim()) add(input.value); close(); });
  input.addEventListener("keydown", (e) => {
    const options = [...suggestions.children];
    if ((e.key === "ArrowDown" || e.key === "ArrowUp") && !suggestions.hidden && options.length) {
      e.preventDefault();
      active = (active + (e.key === "ArrowDown" ? 1 : -1) + options.length) % options.length;
      options.forEach((o, i) => o.setAttribute("aria-selected", String(i === active)));
      input.setAttribute("aria-activedescendant", options[active].id);
    } else if (e.key === "Enter" || e.key === separator || (separator === " " && e.key === ",")) {
      if (!input.value.trim() && active < 0) return;
      e.preventDefault();
      // Enter when one name alone is offered for what is typed ("rus", or "ust": rust) takes it;
      // a word that is a name itself, or a separator, keeps what is typed.
      const typed = input.value.trim().toLowerCase();
      const only = e.key === "Enter" && !suggestions.hidden && options.length === 1 && !names?.includes(typed)
        ? options[0].dataset.name : null;
      add(active >= 0 && options[active] ? options[active].dataset.name : only ?? input.value);
    } else if (e.key === "Tab" && !suggestions.hidden && options.length) {
      // Leaving the field takes the highlighted suggestion, else the one offered for what
      // is typed ("pyth" is python), as Enter does; among several ("go": gofore, google…)
      // none is guessed, and what is typed stays, flagged if it is no icon. The focus
      // moves on as Tab does.
      const typed = input.value.trim().toLowerCase();
      const pick = options[active] ?? (options.length === 1 && !names?.includes(typed) ? options[0] : null);
      if (pick) input.value = pick.dataset.name;
    } else if (e.key === "Escape") {
      close();
    } else if (e.key === "Backspace" && input.value === "" && values.length) {
      set(values.slice(0, -1));
    }
  });
  draw();
  input.id = nextId();
  const wrap = el("div", { class: "field" }, el("label", { for: input.id, text: label }), chips, el("div", { class: "chip-input" }, input, suggestions), note);
  wrap.redraw = draw;
  return wrap;
}
