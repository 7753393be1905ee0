// Editors for the site's own shortcodes, built from what Folio learned from each template:
// a field per parameter with the widget its kind asks for, the body as Markdown, and the
// blocks of a container as a nested list (add, copy, delete, move, drag, Alt+arrows). Every
// change is sent as an edit of the top-level block; changes to the nested list are
// structural edits `within` it, worked out by the engine.

import { actOnPick, el, field, nextId, textInput } from "./dom.js";
import { submit } from "./edits.js";
import { BLOCK_DRAG, blockShell, cardFields, chipField, draggedBlock, frame, gapDrops, holdsBlocks, retitle } from "./cards.js";
import { folioUrl } from "./api.js";

/** A parameter's label from its name: "view_href" → "View href", "tech-icons" → "Tech
 *  icons", "linkIcon" → "Link icon"; a positional one is "Value 1", "Value 2"… */
export function label(key) {
  if (typeof key === "number") return `Value ${key + 1}`;
  const words = String(key).replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[-_]+/g, " ").trim().toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : String(key);
}

/** Whether a paired shortcode holds shortcodes on their own lines (edited as a list). */
function isContainer(sc) {
  return (sc.children ?? []).some((c) => c.kind !== "markdown");
}

/** The block as the engine should take it: without `source` (the form edits the fields),
 *  and with the body of a prose shortcode or the children of a container, never both (the
 *  other is out of date once either is edited). */
export function forSending(block) {
  if (block.kind !== "shortcode") return block;
  const { source: _source, ...rest } = block;
  if (rest.children !== undefined && rest.children !== null) {
    if (isContainer(block)) {
      delete rest.body;
      rest.children = rest.children.map(forSending);
    } else {
      delete rest.children;
    }
  }
  return rest;
}

/** The text field a block's header shows (`titleOf`, drawn again as any field is typed
 *  in): one named title, name, label or heading with a value, else the first text field
 *  with a value in the form's order (`paramSlots`), else the first of either kind. The
 *  toasts name a block by such a name too, in the call's order (`src/session/outside.rs`,
 *  `block_words`). */
function titleSlot(sc, slots) {
  const text = slots.filter((s) => s.kind === "text");
  const named = text.filter((s) => typeof s.key === "string" && TITLE_NAMES.includes(s.key.toLowerCase()));
  const set = (s) => !!findParam(sc, s.key)?.value;
  return named.find(set) ?? text.find(set) ?? named[0] ?? text[0];
}

const TITLE_NAMES = ["title", "name", "label", "heading"];

/** What tells a shortcode from its siblings, folded or not: its title field's value
 *  (`titleSlot`), else the first line of its body or of its first text inside. */
function titleOf(sc, template) {
  const slot = titleSlot(sc, paramSlots(sc, template));
  const value = slot && findParam(sc, slot.key)?.value;
  if (value) return value;
  // A container by its first block, which its forms edit (its body as text is not kept up
  // with them: trial 51a, 12, the header said a child's old name).
  if (isContainer(sc)) return firstLine(blockLine(sc.children[0]));
  const text = sc.body ?? sc.children?.find((c) => c.kind === "markdown")?.text;
  return firstLine(text);
}

/** A block in a line: prose's first, a call's name and its first value. */
function blockLine(b) {
  if (b.kind === "markdown") return b.text;
  if (b.kind === "card") return `project-card ${b.title ?? ""}`;
  const first = (b.params ?? []).find((p) => p.value !== "" && p.value !== null && p.value !== undefined);
  return `${b.name} ${first ? String(first.value) : ""}`.trim();
}

function firstLine(text) {
  const line = (text || "").split("\n").find((l) => l.trim()) ?? "";
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}

/** The editor of the shortcode block at position `pos` of the page. */
export function shortcodeEditor(block, pos, model, ctx) {
  let item = null;
  const env = {
    root: block,
    path: [],
    ctx,
    // The block is read when the edit is sent, not when it is queued: a queued keystroke
    // in another field of the block must not send an older body.
    send: (key, discrete = false) => {
      submit({ op: "block", id: block.id, get block() { return forSending(block); } }, { coalesce: discrete ? null : `b${block.id}:${key}`, anchor: nestedAnchor(block, key) });
      // A field inside may be what the block's header says.
      if (/^\d/.test(key)) retitle(item, titleOf(block, ctx.shortcode(block.name)));
    },
    onTitle: (t) => retitle(item, t || titleOf(block, ctx.shortcode(block.name))),
  };
  let fields = null;
  item = blockShell(pos, model, ctx, "Shortcode", titleOf(block, ctx.shortcode(block.name)), () => (fields = shortcodeFields(block, env)), block.name);
  let shown = JSON.stringify(ctx.problems(block.id));
  item.showProblems = () => {
    const now = JSON.stringify(ctx.problems(block.id));
    if (now === shown) return;
    shown = now;
    fields?.redraw();
  };
  return item;
}

/** Where the preview opens for an edit of field `key` (`PATH:name`, PATH the child's
 *  position at each level) of `block`: at the innermost shortcode or card on that path
 *  (`ID-K-…`, which the engine anchors inside a `{{< >}}` block's output), else at the
 *  block itself. */
function nestedAnchor(block, key) {
  const where = key.slice(0, key.indexOf(":"));
  if (!where || block.notation === "percent") return block.id;
  const path = [];
  let node = block;
  for (const k of where.split(".").map(Number)) {
    node = node?.children?.[k];
    if (!node || node.kind === "markdown") break;
    path.push(k);
  }
  return path.length ? `${block.id}-${path.join("-")}` : block.id;
}

/** The fields of shortcode `sc` (the root block, or a child `env.path` below it). */
function shortcodeFields(sc, env) {
  const template = env.ctx.shortcode(sc.name);
  const out = [];
  const redraws = [];
  if (!template && env.ctx.missingThemes.length) {
    out.push(el("p", { class: "hint", text: `No template for “${sc.name}” here: it may come from ${env.ctx.missingThemes.join(", ")}, which is not on disk (run “hugo mod vendor” to let Folio read it). Its parameters are shown as written.` }));
  } else if (!template) {
    out.push(el("p", { class: "invalid", text: `No template for “${sc.name}” in this site or its themes: Hugo stops with an error on this page. Its parameters are shown as written.` }));
  } else if (template.problem) {
    out.push(el("p", { class: "invalid", text: `The template of “${sc.name}” cannot be read: ${template.problem}` }));
  }
  const slots = paramSlots(sc, template);
  for (const slot of slots) {
    const f = paramField(sc, slot, env);
    out.push(f);
    if (f.redraw) redraws.push(f.redraw);
  }
  if (sc.body !== undefined && sc.body !== null) {
    if (isContainer(sc)) {
      const list = childList(sc, env);
      out.push(list);
      redraws.push(list.redraw);
    } else {
      // Prose for now; a shortcode added inside makes it a list of blocks.
      out.push(bodyField(sc, env, template), addControl(sc.children ?? [], { id: env.root.id, path: env.path }, env));
    }
  }
  if (slots.length === 0 && (sc.body === undefined || sc.body === null)) {
    out.push(el("p", { class: "hint", text: "This shortcode takes no parameters." }));
  }
  out.redraw = () => redraws.forEach((r) => r());
  return out;
}

/** The parameters to show, in one order for every call of a shortcode, so that no field
 *  moves when a value is set or removed: a named call's in the order its template reads
 *  them, then the names the call sets that the template does not read, as written; a
 *  positional call's by position, those the call does not reach after (a call is all named
 *  or all positional, so only its kind). */
function paramSlots(sc, template) {
  const params = sc.params ?? [];
  const schema = template?.schema?.params ?? [];
  // A call is all named or all positional: an empty one offers names when its template
  // reads any (youtube's `id` or `.Get 0`), so emptying a named call leaves its fields.
  const readsNames = schema.some((s) => typeof s.key === "string");
  const named = params.length > 0 ? params.some((p) => p.name !== undefined && p.name !== null) : readsNames;
  const of = (key) => schema.find((s) => s.key === key);
  const slot = (key, kind) => {
    const s = of(key);
    // A positional parameter the template keeps in a variable is named by it (`$name`:
    // "Name", trial 51a, 13).
    const named = s?.label ?? (typeof key === "number" && s?.variable ? `${label(s.variable)} (value ${key + 1})` : null);
    return { key, kind: kind ?? s?.kind ?? "text", default: s?.default ?? null, label: named, hidden: s?.hidden ?? false, choices: s?.choices ?? [], unsetOn: s?.unsetOn ?? false };
  };
  // Of a repeated name, Hugo reads the last: one field, for that one.
  const written = new Map();
  params.forEach((p, i) => {
    const key = p.name ?? i;
    written.delete(key);
    written.set(key, p);
  });
  const out = [];
  if (named) {
    for (const s of schema) {
      if (typeof s.key === "string") out.push(slot(s.key, written.get(s.key)?.kind));
    }
    // Said in its label, beside a field of the same name in another case that the
    // template reads (`Title=` and `.Get "title"`: review 49c, 4).
    const unread = !!template && !template.schema?.readsAllParams && !template.problem;
    for (const [key, p] of written) {
      if (!of(key) || typeof key !== "string") out.push({ ...slot(key, p.kind), unread });
    }
  } else {
    for (const [key, p] of written) out.push(slot(key, p.kind));
    const unset = schema
      .filter((s) => typeof s.key === "number" && !written.has(s.key))
      .sort((a, b) => a.key - b.key);
    for (const s of unset) {
      // A positional value can only follow the ones before it.
      if (s.key !== out.length) continue;
      out.push(slot(s.key));
    }
  }
  // Hidden by the site's folio.toml: no field (the value stays as written).
  return out.filter((o) => !o.hidden);
}

function findParam(sc, key) {
  const ps = sc.params ?? [];
  return typeof key === "number" ? ps[key] : ps.findLast((p) => p.name === key);
}

/** Sets a parameter; an empty named one is removed (the template then sees it unset). */
function setParam(sc, key, value) {
  sc.params ??= [];
  const p = findParam(sc, key);
  if (value === "" && typeof key === "string") {
    if (p) sc.params.splice(sc.params.indexOf(p), 1);
  } else if (p) {
    p.value = value;
  } else if (typeof key === "number") {
    // A later position than the call has: the ones before it are written empty, so that
    // the value lands at its place (Hugo reads positions, not names).
    while (sc.params.length < key) sc.params.push({ value: "" });
    sc.params.push({ value });
  } else {
    sc.params.push({ name: key, value });
  }
}

/** The menus whose "Other…" box the user opened (their field keys): kept open through
 *  redraws until a word is chosen. */
const openOthers = new Set();

/** One parameter's field, with the widget its kind asks for. */
function paramField(sc, slot, env) {
  const { key, kind } = slot;
  const name = typeof key === "number" ? `#${key}` : key;
  const where = env.path.join(".");
  const dataKey = `b${env.root.id}:${where}:${name}`;
  const value = findParam(sc, key)?.value ?? "";
  // A name the template does not read is labelled as written, and says so.
  const text = slot.unread ? `${name} (its template does not read it)` : slot.label ?? label(key);
  const hint = slot.default ? el("span", { class: "hint", text: `Empty: the template uses “${slot.default}”.` }) : null;
  // A chip added or removed is a step of its own for undo (`discrete`); keystrokes in
  // one field are one step.
  const set = (v, discrete = false) => {
    setParam(sc, key, v);
    env.send(`${where}:${name}`, discrete);
    // The header is drawn again from the values now: which field it shows may change
    // with this one (review 49f, 6).
    env.onTitle?.("");
  };
  const input = (attrs = {}) => textInput(value, { dataset: { key: dataKey }, placeholder: slot.default ?? "", onInput: (e) => set(e.target.value), ...attrs });
  switch (kind) {
    case "markdown": {
      const area = el("textarea", { rows: Math.min(10, Math.max(2, value.split("\n").length + 1)), value, dataset: { key: dataKey }, onInput: (e) => set(e.target.value) });
      return field(`${text} (Markdown)`, area, hint);
    }
    case "words":
      return chipField({ label: text, key: dataKey, values: value.split(/\s+/).filter(Boolean), onChange: (v) => set(v.join(" "), true) });
    case "commaList": {
      const sep = value.includes(",") && !value.includes(", ") ? "," : ", ";
      return chipField({ label: text, key: dataKey, separator: ",", values: value.split(",").map((w) => w.trim()).filter(Boolean), onChange: (v) => set(v.join(sep), true) });
    }
    case "icons": {
      const prefix = env.path.map((i) => `children.${i}.`).join("");
      return chipField({
        label: text, key: dataKey, values: value.split(/\s+/).filter(Boolean), names: env.ctx.iconNames,
        problem: (w) => env.ctx.problems(env.root.id).find((p) => p.field === `${prefix}params.${name}` && p.value === w),
        onChange: (v) => set(v.join(" "), true),
      });
    }
    case "flag": {
      // On as the template takes the value as written (the engine's `on`: `x="false"` is
      // text, which `if` takes as true); unset, off, but on for a flag on unless set to
      // false (the engine's default "true"), which unticking writes.
      const onByDefault = slot.unsetOn;
      const param = findParam(sc, key);
      const on = param ? (param.on ?? (value !== "" && value !== "false")) : onByDefault;
      const off = typeof key === "number" || onByDefault ? "false" : "";
      const toggle = (checked) => {
        setParam(sc, key, checked ? "true" : off);
        // Said to the engine: it writes the value again where its quoting says otherwise.
        const now = findParam(sc, key);
        if (now) now.on = checked;
        env.send(`${where}:${name}`, false);
      };
      return el("label", { class: "check" },
        el("input", { type: "checkbox", checked: on, dataset: { key: dataKey }, onChange: (e) => toggle(e.target.checked) }),
        text);
    }
    case "choice": {
      // The words the template tells apart, then "Other…" for any other value (an
      // `else` branch takes it), typed in the box beside. A value the template does not
      // take as its word (`cols=3`, a number, against "3") is another value. The box,
      // once opened, stays open through redraws until a word is chosen; it holds the
      // field's key, so typing in flight survives a redraw.
      const words = slot.choices ?? [];
      const unset = slot.default ? `Not set (the template uses “${slot.default}”)` : "Not set";
      const param = findParam(sc, key);
      const known = value === "" || (words.includes(value) && param?.word !== false);
      const open = !known || openOthers.has(dataKey);
      const OTHER = "\u0000other";
      const options = [
        ...(value === "" || typeof key === "string" ? [["", unset]] : []),
        ...words.map((w) => [w, w]),
        [OTHER, "Other…"],
      ];
      const other = input({
        hidden: !open,
        "aria-label": `${text}, another value`,
        onInput: (e) => {
          openOthers.add(dataKey);
          set(e.target.value);
        },
      });
      const menu = el("select", {
        dataset: { key: `${dataKey}:menu` },
        onChange: (e) => {
          if (e.target.value === OTHER) {
            openOthers.add(dataKey);
            other.value = findParam(sc, key)?.value ?? "";
            other.hidden = false;
            other.focus();
            return;
          }
          openOthers.delete(dataKey);
          other.hidden = true;
          other.value = e.target.value;
          setParam(sc, key, e.target.value);
          // Said to the engine: the word, written as the template compares it.
          const now = findParam(sc, key);
          if (now) now.word = true;
          env.send(`${where}:${name}`, true);
        },
      }, options.map(([v, t]) => el("option", { value: v, text: t, selected: open ? v === OTHER : v === value })));
      return field(text, menu, other);
    }
    case "url": {
      const shown = el("span", { class: "hint", "aria-live": "polite", text: linkText(value) });
      const control = input({ onInput: (e) => { set(e.target.value); shown.textContent = linkText(e.target.value); } });
      return field(text, control, shown, hint);
    }
    case "image": {
      const thumb = el("img", { class: "thumb", alt: "", hidden: !imageUrl(value) });
      const show = (v) => {
        const url = imageUrl(v);
        thumb.hidden = !url;
        if (!url) return;
        if (!v.startsWith("/")) thumbFallback(thumb, v);
        thumb.src = url;
      };
      show(value);
      const control = input({ onInput: (e) => { set(e.target.value); show(e.target.value); } });
      const pick = env.ctx.pickImage
        ? el("button", {
          type: "button", text: "Choose…", "aria-label": `Choose an image for ${text}`,
          onClick: async () => {
            const picked = await env.ctx.pickImage();
            if (!picked) return;
            const { chosen, images } = picked;
            // A static file chosen to replace one written without its `/` (`img/a.png`, which
            // a template pipes through relURL, keeping a base URL's path that `/img/b.png`
            // loses: the new user's trial, 49a-2) is written so too; else as offered (a
            // file beside the page stays `x.png`, a static one `/img/x.png`: review 49e, 1).
            // (A relative value that is no file beside the page or in assets/ is taken as a
            // static one: a theme's, which the picker does not list, too: review 49f, 1.)
            const old = control.value;
            const oldStatic = old !== "" && !/^(\/|[a-z]+:)/i.test(old)
              && !images.some((im) => im.folder !== "static" && im.value === old);
            control.value = oldStatic && chosen.folder === "static" ? chosen.value.slice(1) : chosen.value;
            control.dispatchEvent(new Event("input"));
          },
        })
        : null;
      // The label names the input itself; the thumbnail and picker sit beside it.
      const f = field(text, control, hint);
      const row = el("div", { class: "image-field" });
      control.replaceWith(row);
      row.append(thumb, control, ...(pick ? [pick] : []));
      return f;
    }
    default: {
      // Words the template compares the text with, or the site's folio.toml gives (it
      // prints it too: any text goes), said with the field to a screen reader.
      if (!slot.choices?.length) return field(text, input(), hint);
      const id = nextId("words");
      const words = el("span", { class: "hint", id, text: `Suggestions: ${slot.choices.map((w) => `“${w}”`).join(", ")}.` });
      return field(text, input({ "aria-describedby": id }), hint, words);
    }
  }
}

function linkText(v) {
  return v ? `Links to ${v}` : "No link.";
}

/** Where the window can show an image value from: the site's `static/` for `/x.png`, the
 *  page's folder for `x.png` (else its `assets/` or `static/`: see `thumbFallback`);
 *  nothing for remote images. */
function imageUrl(v) {
  if (!v || /^[a-z]+:/i.test(v) || v.startsWith("//")) return null;
  return v.startsWith("/") ? folioUrl(`site${v}`) : folioUrl(`page/${v}`);
}

/** A relative image not in the page's folder may be one of the site's assets, or a
 *  static file its template makes a site path of (`relURL`). */
function thumbFallback(img, v) {
  const next = [folioUrl(`assets/${v}`), folioUrl(`site/${v}`)];
  img.onerror = () => {
    const url = next.shift();
    if (url === undefined) {
      img.onerror = null;
      img.hidden = true;
    } else {
      img.src = url;
    }
  };
}

/** What the user writes in a body, as the template uses it (`schema.inner`): a `{{% %}}`
 *  call's output is read as Markdown whatever the template does with it but highlight it. */
function bodyLabel(sc, template) {
  const kind = innerKind(sc, template);
  return kind ? `Body (${kind})` : "Body";
}

/** How `sc`'s template uses the text inside it: `code`, `Markdown`, `HTML` (printed as
 *  written), or null when Folio cannot tell. */
function innerKind(sc, template) {
  const inner = template?.schema?.inner;
  if (inner === "code") return "code";
  if (inner === "markdown" || sc.notation === "percent") return "Markdown";
  if (inner === "html") return "HTML";
  return null;
}

/** The label of a text block inside `sc`: what its template makes of it. Text a template
 *  prints as written is not Markdown, which a `{{% %}}` call would make it. */
function childTextLabel(sc, template) {
  const kind = innerKind(sc, template);
  if (kind === "HTML") return `Text, shown as written (the ${sc.name} template does not render Markdown; call it with {{% %}} for Markdown)`;
  if (kind === "code") return "Code";
  return kind === "Markdown" ? "Markdown" : "Text";
}

function bodyField(sc, env, template) {
  const where = env.path.join(".");
  const area = el("textarea", {
    rows: Math.min(14, Math.max(3, sc.body.split("\n").length + 1)), value: sc.body, dataset: { key: `b${env.root.id}:${where}:^body` },
    // `^body`: no parameter's name (a template may read `.Get "body"` beside `.Inner`).
    onInput: (e) => { sc.body = e.target.value; env.send(`${where}:^body`); env.onTitle?.(""); },
  });
  return field(bodyLabel(sc, template), area);
}

/** The blocks inside a container, as a nested list, with a control to add one. */
function childList(sc, env) {
  const within = { id: env.root.id, path: env.path };
  const kids = sc.children;
  const redraws = [];
  const list = el("ol", { class: "blocks nested", "aria-label": `Inside ${sc.name}` });
  gapDrops(list);
  kids.forEach((child, i) => {
    let item = null;
    const path = [...env.path, i];
    const childEnv = { ...env, path, onTitle: (t) => retitle(item, t || titleOf(child, env.ctx.shortcode(child.name ?? ""))) };
    const where = path.join(".");
    let kind = "Text";
    let label = null;
    let title = firstLine(child.text);
    let body = [];
    if (child.kind === "markdown") {
      body = [field(childTextLabel(sc, env.ctx.shortcode(sc.name)), el("textarea", {
        rows: Math.min(10, Math.max(2, child.text.split("\n").length + 1)), value: child.text, dataset: { key: `b${env.root.id}:${where}:text` },
        onInput: (e) => { child.text = e.target.value; env.send(`${where}:text`); retitle(item, firstLine(child.text)); },
      }))];
    } else if (child.kind === "card") {
      kind = "Card";
      title = child.title || "Untitled card";
      const prefix = path.map((k) => `children.${k}.`).join("");
      body = cardFields(child, {
        key: (k) => `b${env.root.id}:${where}:${k}`,
        send: (k, discrete) => env.send(`${where}:${k}`, discrete),
        problem: (f, v) => env.ctx.problems(env.root.id).find((p) => p.field === `${prefix}${f}` && p.value === v),
        iconNames: env.ctx.iconNames,
        onTitle: (t) => retitle(item, t || "Untitled card"),
      });
    } else {
      kind = "Shortcode";
      label = child.name;
      title = titleOf(child, env.ctx.shortcode(child.name));
      body = shortcodeFields(child, childEnv);
    }
    if (body.redraw) redraws.push(body.redraw);
    item = childShell(i, kids, { kind, label, title }, within, env, body);
    list.append(item);
  });
  const wrap = el("div", { class: "field children" }, el("span", { text: `Inside “${sc.name}”` }), list, addControl(kids, within, env));
  wrap.redraw = () => redraws.forEach((r) => r());
  return wrap;
}

/** The frame of a block inside a container: fold, move, copy, delete, drag; moved past
 *  either end of its list, out of the container, into the list that holds it. */
function childShell(i, kids, { kind, label, title }, within, env, body) {
  const n = kids.length;
  // Controls inside this block are named `b{root}:{path}:…`; after a move the same
  // control, under the block's new position, gets the focus back.
  const here = `b${within.id}:${[...within.path, i].join(".")}`;
  const move = (to) => {
    if (to < 0 || to >= n) {
      const [outer, at] = holder(within, env.ctx);
      env.ctx.transfer({ id: i, within }, outer, to < 0 ? at : at + 1);
      return;
    }
    if (to === i) return;
    const key = document.activeElement?.dataset?.key ?? "";
    if (key.startsWith(`${here}:`) || key.startsWith(`${here}.`)) {
      env.ctx.focusKey(`b${within.id}:${[...within.path, to].join(".")}${key.slice(here.length)}`);
    }
    submit({ op: "move", id: i, to, within }, { anchor: within.id });
  };
  const sameList = (w) => w && w.id === within.id && w.path.join(".") === within.path.join(".");
  return frame({
    attrs: { dataset: { child: String(i) } },
    kind, label, title, pos: i, n,
    what: `${kind.toLowerCase()} ${i + 1} inside ${env.ctx.shortcodeLabel(within)}`,
    outOf: env.ctx.shortcodeLabel(within),
    key: here,
    folded: false,
    move,
    intoAbove: holdsBlocks(kids[i - 1])
      ? () => env.ctx.transfer({ id: i, within }, { id: within.id, path: [...within.path, i - 1] }, kids[i - 1].children.length)
      : null,
    copy: () => {
      // The focused control of the copy, as a move keeps it (trial 51a, 3).
      const key = document.activeElement?.dataset?.key ?? "";
      if (key.startsWith(`${here}:`) || key.startsWith(`${here}.`)) {
        env.ctx.focusKey(`b${within.id}:${[...within.path, i + 1].join(".")}${key.slice(here.length)}`);
      }
      submit({ op: "duplicate", id: i, within }, { anchor: within.id });
    },
    remove: () => {
      // From the keyboard, focus goes to the block that takes its place (or the one
      // before): its fold toggle, not its Delete, where a second Enter would delete it too.
      if (document.activeElement?.dataset?.key === `${here}:^delete` && n > 1) {
        env.ctx.focusKey(`b${within.id}:${[...within.path, i + 1 < n ? i : i - 1].join(".")}:^fold`);
      }
      env.ctx.removeWithin(i, within, kind);
    },
    drag: {
      type: BLOCK_DRAG,
      data: JSON.stringify({ within, id: i }),
      // A block of this list: to its position once moved; one from another list (the
      // top level or another container): into this one, at `to`.
      drop: (data, to) => {
        const d = draggedBlock(data);
        if (!d) return false;
        if (!sameList(d.within)) {
          env.ctx.transfer(d, within, to);
          return true;
        }
        const dest = d.id < to ? to - 1 : to;
        if (dest !== d.id) submit({ op: "move", id: d.id, to: dest, within }, { anchor: within.id });
        return true;
      },
    },
  }, () => body);
}

/** The list that holds container `within`, and the container's position in it: the top
 *  level (`null`) or the container's own container. */
function holder(within, ctx) {
  if (within.path.length === 0) return [null, ctx.positionOf(within.id)];
  return [{ id: within.id, path: within.path.slice(0, -1) }, within.path[within.path.length - 1]];
}

/** "Add…": the site's shortcodes (those already in this container, then those on the
 *  page, then the rest), and text; picking one adds it at the end ([`actOnPick`]). */
function addControl(kids, within, env) {
  const here = kids.map((k) => (k.kind === "card" ? "project-card" : k.name)).filter(Boolean);
  const names = env.ctx.shortcodeNames(here);
  const select = el("select", { "aria-label": "Add a block inside" },
    el("option", { value: "", text: "Add inside…" }),
    names.map((n) => el("option", { value: n, text: n })),
    el("option", { value: "\u0000text", text: "Text" }));
  actOnPick(select, (choice) => {
    const block = env.ctx.newBlock(choice === "\u0000text" ? null : choice);
    // Text after text is one block to Markdown: it goes into the last one, as its own
    // paragraph, the placeholder selected (as at the top level: app.js addParagraph).
    const last = kids[kids.length - 1];
    if (block.kind === "markdown" && last?.kind === "markdown") {
      const kept = last.text.replace(/\s+$/, "");
      last.text = `${kept}\n\n${block.text}`;
      const where = [...within.path, kids.length - 1].join(".");
      env.ctx.focusKey(`b${within.id}:${where}:text`, [kept.length + 2, last.text.length]);
      env.send(`${where}:text`, true);
      env.ctx.redraw();
      return;
    }
    // The focus goes to the new block's fold toggle (trial 51a, 3).
    env.ctx.focusKey(`b${within.id}:${[...within.path, kids.length].join(".")}:^fold`);
    submit({ op: "insert", index: kids.length, block, within }, { anchor: within.id });
  });
  return el("div", { class: "add-end" }, select);
}
