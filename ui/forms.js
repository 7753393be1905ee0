// The forms: the page's front matter, the site params, and every block of the body in
// order (prose as Markdown text, the sample's cards, and the site's own shortcodes with the
// fields their templates read).

import { actOnPick, el, field, textInput } from "./dom.js";
import { hold, release, submit } from "./edits.js";
import { formatDate, parseDate } from "./dates.js";
import { cardEditor, blockShell, gapDrops, moveBlock, retitle } from "./cards.js";
import { shortcodeEditor } from "./shortcodes.js";

/** The page-level keys that get their own controls. */
const PAGE_KEYS = ["title", "date", "weight", "layout", "comments", "draft"];
/** Params the sample's page shows (offered first when the site has none yet). */
const PARAM_KEYS = ["email", "github", "linkedin"];

/** Draws the forms for `model` into `root`. */
export function renderForms(root, model, ctx) {
  root.replaceChildren(
    pageFields(model.frontMatter, ctx),
    paramFields(model.params, ctx),
    blockList(model, ctx),
  );
}

/** Sets a front matter key; `null`, from a field emptied, removes it (typed into again,
 *  the key keeps its place: the engine makes a field's edits in a row to the text from
 *  before the first, `Session::edit`). */
function setFrontMatter(fm, key, value) {
  if (value === null) delete fm[key];
  else fm[key] = value;
  submit({ op: "frontMatter", key, value }, { coalesce: `fm:${key}` });
}

function pageFields(fm, ctx) {
  const set = (key) => (value) => setFrontMatter(fm, key, value);
  const title = textInput(fm.title, { dataset: { key: "fm:title" }, onInput: (e) => set("title")(e.target.value) });
  const weightMsg = el("span", { class: "hint", "aria-live": "polite" });
  // A text field read here: a number field's value is "" for text that is no number,
  // which no handler can tell from the field emptied, nor put back when the forms are
  // drawn again (review 51c, 1).
  const weight = el("input", {
    type: "text", inputmode: "numeric", value: fm.weight ?? "", dataset: { key: "fm:weight" },
    onInput: (e) => weightTyped(e.target, weightMsg, set("weight")),
  });
  const layout = textInput(fm.layout, { dataset: { key: "fm:layout" }, onInput: (e) => set("layout")(e.target.value === "" && !("layout" in fm) ? null : e.target.value) });
  const check = (key, label) => el("label", { class: "check" },
    el("input", { type: "checkbox", checked: fm[key] === true, dataset: { key: `fm:${key}` }, onChange: (e) => set(key)(e.target.checked) }),
    label);
  const others = Object.keys(fm).filter((k) => !PAGE_KEYS.includes(k))
    .map((k) => valueField(k, fm[k], `fm:${k}`, set(k), () => ctx.removeFrontMatter(k)));
  return el("fieldset", { class: "page" }, el("legend", { text: "Page" }),
    field("Title", title),
    dateField(fm.date, set("date")),
    el("div", { class: "row" }, field("Weight", weight, weightMsg), field("Layout", layout)),
    // Draft is Hugo's; `comments` is a theme's (the sample's), shown where the page has it.
    el("div", { class: "row" }, "comments" in fm ? check("comments", "Comments") : null, check("draft", "Draft")),
    others,
    addKey("field", "description", (k) => sameKey([...Object.keys(fm), ...PAGE_KEYS.filter((p) => p !== "comments")], k), ctx.addFrontMatter, "fm:+name"));
}

/** The weight typed into `input`, written with `set` when it is a number (emptied: the
 *  key goes). Text that is no number, or a number too large to be one Hugo orders by, is
 *  held and said (trial 51a, 1: it took the page's weight out of the file on save). Hugo
 *  reads a weight as a whole number (`cast.ToInt`: 1.5 orders as 1, 1e20 overflows;
 *  checked with Hugo 0.168). */
function weightTyped(input, msg, set) {
  const text = input.value.trim();
  const n = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : NaN;
  const why = text === "" ? null
    : Number.isNaN(n) ? "Not a number: the weight is a whole number (pages are ordered by it)."
    : !Number.isSafeInteger(Math.trunc(n)) ? "Out of range: the weight is a whole number (pages are ordered by it)."
    : null;
  if (why) {
    msg.textContent = why;
    hold("draft:fm:weight", input, "the weight is a whole number, and this is none");
    return;
  }
  release("draft:fm:weight");
  msg.textContent = text !== "" && !Number.isInteger(n) ? `Hugo reads this weight as ${Math.trunc(n)}.` : "";
  set(text === "" ? null : n);
}

/** The kinds of value a new key can start as, with the value it starts with: each gets
 *  the field its kind is edited in (text, a number, a checkbox, JSON). */
const NEW_KINDS = [["Text", ""], ["Number", 0], ["True or false", false], ["List", []], ["Table", {}]];

/** A name field, a choice of the kind of value, and a button that adds a key of that name
 *  with that kind's empty value (`taken`: the key already there that the name is, in any
 *  case, or null). */
function addKey(what, example, taken, add, dataKey) {
  const name = el("input", { type: "text", placeholder: `name, e.g. ${example}`, "aria-label": `New ${what} name`, dataset: { key: dataKey } });
  const kind = el("select", { "aria-label": `Kind of value of the new ${what}`, dataset: { key: `${dataKey}:kind` } },
    NEW_KINDS.map(([k], i) => el("option", { value: String(i), text: k })));
  const msg = el("span", { class: "hint", "aria-live": "polite" });
  const button = el("button", { type: "button", text: `Add ${what}`, onClick: () => {
    const k = name.value.trim();
    const there = k ? taken(k) : null;
    if (!k || there) {
      // Hugo reads keys in any case as one (it lower-cases them): a second spelling
      // would be a second key in the file and one value to Hugo.
      msg.textContent = there ? `${there} is already there (Hugo reads ${k} as the same key): edit it above.` : "";
      name.focus();
      return;
    }
    msg.textContent = "";
    add(k, JSON.parse(JSON.stringify(NEW_KINDS[Number(kind.value)]?.[1] ?? "")));
  } });
  name.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); button.click(); } });
  return el("div", { class: "add-param" }, field(`New ${what}`, name, msg), kind, button);
}

/** The key of `keys` that is `k` in any case, as Hugo reads keys; else null. */
function sameKey(keys, k) {
  return keys.find((key) => key.toLowerCase() === k.toLowerCase()) ?? null;
}

/** What to tell of typed text that is no date yet, and of what the page keeps until it
 *  is one (`kept`, the date last written; none when the page has no date). */
function notADate(text, kept) {
  const keeps = kept ? ` Until then the page keeps ${kept}.` : " Until then the page has no date.";
  return `${whyNoDate(text)}${keeps}`;
}

/** Why `text` is no date Hugo reads, and how to write one. */
function whyNoDate(text) {
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?:Z|[+-].*)?$/.test(text)) {
    return "Add the seconds (09:30:00): Hugo stops on a time without them.";
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return `There is no day ${text}.`;
  return "Not a date yet: YYYY-MM-DD, or with a time, YYYY-MM-DDTHH:MM:SS.";
}

/** The page's date: typed as written (kept exactly as typed once it reads as a date), or
 *  picked from a calendar beside it, which writes it in the format the date had (its time,
 *  seconds and zone). The typed field takes every key: WebKitGTK's own date field opens a
 *  calendar on a click, and the calendar takes the keys. Text that is no date is marked
 *  and said; a value that is no text (a number, a list) is a plain field. */
function dateField(value, set) {
  const none = value === undefined || value === null;
  const parsed = typeof value === "string" ? parseDate(value) : null;
  if (!none && !parsed && typeof value !== "string") return valueField("date", value, "fm:date", set);
  // The file's own text, which Hugo cannot read as a date (written outside Folio): shown
  // in the date field, marked, saying so (trial 50a, 2), but not held: it is the file's.
  const unread = !none && !parsed;
  // The date the file has now (typed into a page without one, or emptied: null).
  let kept = none ? null : value;
  const write = (v) => { kept = v; set(v); };
  // The format a picked date is written in: the date's as last typed.
  let format = parsed ?? { date: "", sep: "T", time: null, seconds: "", zone: "" };
  const said = (p) => (p?.zone ? `Time zone ${p.zone} is kept.` : "");
  const msg = el("span", {
    class: "hint", "aria-live": "polite",
    text: none ? "This page has no date." : unread ? `${whyNoDate(value)} Hugo stops its build on the page's date.` : said(parsed),
  });
  const pickerValue = (p) => (p.time === null ? p.date : `${p.date}T${p.time}${p.seconds.slice(0, 3)}`);
  const picker = el("input", {
    class: "date-picker",
    "aria-label": "Pick the date from a calendar",
    dataset: { key: "fm:date:^pick" },
  });
  // The calendar picks what the date holds: a day, or a day and a time (to the second).
  const fit = (p) => {
    picker.type = p.time === null ? "date" : "datetime-local";
    if (p.time !== null) picker.step = "1";
    else picker.removeAttribute("step");
    picker.value = p.date ? pickerValue(p) : "";
  };
  fit(format);
  const text = el("input", {
    type: "text", value: none ? "" : value, dataset: { key: "fm:date" },
    "aria-invalid": unread ? "true" : null,
    placeholder: "YYYY-MM-DD, e.g. 2025-01-31, or 2025-01-31T09:30:00",
    // Each keystroke, so that a date typed and saved at once (Ctrl+S) is in the save.
    onInput: (e) => {
      const v = e.target.value.trim();
      const p = parseDate(v);
      if (p) {
        release("draft:fm:date");
        e.target.removeAttribute("aria-invalid");
        format = p;
        msg.textContent = said(p);
        fit(p);
        write(v);
      } else if (v) {
        msg.textContent = notADate(v, kept);
        // What the save says is why, as beside the field (trial 52a-7: `2024-13-45` is
        // written YYYY-MM-DD, but is no day).
        hold("draft:fm:date", e.target, `the date field holds no date yet: ${whyNoDate(v)}`);
      } else {
        release("draft:fm:date");
        e.target.removeAttribute("aria-invalid");
        // Emptied: the page has no date, at once (a save may come before the field
        // loses focus).
        msg.textContent = "This page has no date.";
        if (kept !== null) write(null);
      }
    },
  });
  picker.addEventListener("input", () => {
    if (!picker.value) return;
    release("draft:fm:date");
    const v = formatDate(format, picker.value);
    text.value = v;
    format = parseDate(v) ?? format;
    msg.textContent = said(format);
    write(v);
  });
  return field("Date", text, picker, msg);
}

/** A text field for any value: scalars as text (keeping numbers and booleans typed),
 *  lists and maps as JSON; with `remove`, a button that takes the key out of the file. */
function valueField(key, value, dataKey, set, remove = null) {
  const control = valueControl(key, value, dataKey, set);
  if (!remove) return control;
  return el("div", { class: "removable" }, control,
    el("button", { type: "button", text: "Remove", "aria-label": `Remove ${key}`, dataset: { key: `${dataKey}:^remove` }, onClick: remove }));
}

function valueControl(key, value, dataKey, set) {
  if (value !== null && typeof value === "object") {
    const area = el("textarea", { rows: 3, dataset: { key: dataKey }, value: JSON.stringify(value) });
    const msg = el("span", { class: "invalid", role: "alert" });
    area.addEventListener("input", () => {
      let parsed;
      try {
        parsed = JSON.parse(area.value);
      } catch {
        msg.textContent = "Not valid JSON yet: nothing is written until it is.";
        hold(`draft:${dataKey}`, area, `${key} is not valid JSON yet`);
        return;
      }
      msg.textContent = "";
      release(`draft:${dataKey}`);
      set(parsed);
    });
    return field(`${key} (JSON)`, area, msg);
  }
  if (typeof value === "boolean") {
    return el("label", { class: "check" }, el("input", { type: "checkbox", checked: value, dataset: { key: dataKey }, onChange: (e) => set(e.target.checked) }), key);
  }
  const input = textInput(value, {
    dataset: { key: dataKey },
    onInput: (e) => {
      const t = e.target.value;
      set(typeof value === "number" && t.trim() !== "" && !Number.isNaN(Number(t)) ? Number(t) : t);
    },
  });
  return field(key, input);
}

function paramFields(params, ctx) {
  if (!ctx.hasConfig) {
    return el("fieldset", { class: "params" }, el("legend", { text: "Site params" }),
      el("p", { class: "hint", text: "This page is not inside a Hugo site with a config file, so there are no site params." }));
  }
  const set = (key) => (value) => {
    if (value === null) delete params[key];
    else params[key] = value;
    submit({ op: "param", key, value }, { coalesce: `param:${key}` });
  };
  // The params the site has; a new one is added by name (never shown as if it were set).
  const keys = Object.keys(params);
  // A param added here since the page opened is this file's now, and wins (keys in any
  // case, as Hugo reads them).
  const own = new Set(keys.map((k) => k.toLowerCase()));
  const elsewhere = ctx.paramsElsewhere.filter((p) => !own.has(p.key.toLowerCase()));
  return el("fieldset", { class: "params" }, el("legend", { text: "Site params" }),
    keys.length
      ? keys.map((k) => {
        const of = (p) => p.key.toLowerCase() === k.toLowerCase();
        const field = overridden(valueField(k, params[k], `param:${k}`, set(k), () => ctx.removeParam(k)),
          ctx.paramsElsewhere.find((p) => p.wins && of(p)));
        // A table of this file the theme's own table adds keys to (Hugo merges them in).
        const added = ctx.paramsElsewhere.find((p) => p.fromTheme && of(p));
        return added ? el("div", {}, field, el("p", {
          class: "hint", dataset: { key: `param-theme-adds:${k}` },
          text: `The theme in ${added.file} adds ${shown(added.value)} to this table: Hugo merges its keys in.`,
        })) : field;
      })
      : elsewhere.length ? null : el("p", { class: "hint", text: "The site config has no params yet." }),
    elsewhere.map((p) => paramElsewhere(p)),
    addKey("param", PARAM_KEYS.find((k) => !(k in params)) ?? "twitter", (k) => sameKey(Object.keys(params), k), ctx.addParam, "param:+name"),
    el("p", { class: "hint", text: `These live in the site config, ${ctx.configName}; Save writes them there.` }));
}

/** A param set in another of the site's config files, or a theme's default: shown as the
 *  templates see it, not edited here (Save writes one file). */
function paramElsewhere({ key, value, file, table, fromTheme }) {
  const where = fromTheme
    ? `The default of the theme in ${file}: add ${key} here to set the site's own.`
    : `Set in ${file}${table && table !== "params" ? ` [${table}]` : ""}: edit it there.`;
  return field(key, textInput(shown(value), { readonly: true, dataset: { key: `param-elsewhere:${key}` } }),
    el("span", { class: "hint", text: where }));
}

/** A param's field, and, when another table wins over it for this page (its language's
 *  params, the build environment's config: `winner`), what Hugo reads instead. */
function overridden(control, winner) {
  if (!winner) return control;
  return el("div", {}, control, el("p", {
    class: "hint warn", dataset: { key: `param-wins:${winner.key}` },
    text: `Hugo reads ${shown(winner.value)} here, from ${winner.file}${winner.table ? ` [${winner.table}]` : ""}, which wins over this value: edit it there.`,
  }));
}

/** A param's value as text: a string as it is, anything else as JSON. */
function shown(value) {
  return value !== null && typeof value === "object" ? JSON.stringify(value) : String(value ?? "");
}

function blockList(model, ctx) {
  const list = el("ol", { class: "blocks", "aria-label": "Content blocks" });
  gapDrops(list);
  model.blocks.forEach((block, pos) => {
    list.append(insertBar(pos, ctx));
    list.append(blockItem(block, pos, model, ctx));
  });
  const end = el("div", { class: "add-end" },
    ctx.hasSampleCard ? el("button", { type: "button", text: "Add card", onClick: () => ctx.insert(model.blocks.length, "card") }) : null,
    el("button", { type: "button", text: "Add text", onClick: () => ctx.insert(model.blocks.length, "markdown") }),
    shortcodePicker(model.blocks.length, model, ctx, "Add shortcode…"));
  // Say why there is no "Add card" (Folio's own card, the sample's project-card): the
  // site cannot render one. Not to a site with shortcodes of its own, which "Add
  // shortcode…" offers (the new user's trial, 49a-7: read as "Folio cannot see mine").
  const why = !ctx.hasSampleCard && !ctx.shortcode("project-card") && !ctx.hasOwnShortcodes()
    ? el("p", { class: "hint", text: "No “Add card”: Folio's card is the sample's project-card shortcode, and this site has no template for it (Hugo stops on a shortcode it has no template for). “Add shortcode…” adds Hugo's own; add a template to layouts/shortcodes/ for cards of your own." })
    : null;
  return el("fieldset", { class: "content" }, el("legend", { text: "Content" }), list, end, why);
}

function insertBar(index, ctx) {
  const bar = el("li", { class: "insert-bar" },
    ctx.hasSampleCard ? el("button", { type: "button", text: "+ Card here", "aria-label": `Add a card before block ${index + 1}`, onClick: () => ctx.insert(index, "card") }) : null,
    el("button", { type: "button", text: "+ Text here", "aria-label": `Add text before block ${index + 1}`, onClick: () => ctx.insert(index, "markdown") }));
  // A block dragged over the gap is marked to go there; the list takes the drop
  // (`gapDrops`).
  bar.addEventListener("dragover", (e) => {
    if (e.dataTransfer.types.includes("application/x-folio-block")) bar.classList.add("drop-here");
  });
  for (const end of ["dragleave", "drop"]) bar.addEventListener(end, () => bar.classList.remove("drop-here"));
  return bar;
}

/** A list of the site's shortcodes (those on the page first); picking one adds it at
 *  `index` ([`actOnPick`]). */
function shortcodePicker(index, model, ctx, prompt) {
  const here = model.blocks.map((b) => (b.kind === "card" ? "project-card" : b.name)).filter(Boolean);
  const select = el("select", { "aria-label": "Add a shortcode at the end" },
    el("option", { value: "", text: prompt }),
    ctx.shortcodeNames(here).map((n) => el("option", { value: n, text: n })));
  actOnPick(select, (name) => ctx.insertShortcode(index, name));
  return select;
}

function blockItem(block, pos, model, ctx) {
  if (block.kind === "card") return cardEditor(block, pos, model, ctx);
  if (block.kind === "shortcode") return shortcodeEditor(block, pos, model, ctx);
  const id = block.id;
  if (block.kind === "markdown") {
    let item = null;
    item = blockShell(pos, model, ctx, "Text", firstLine(block.text), () => [field("Markdown", el("textarea", {
      rows: Math.min(14, Math.max(3, block.text.split("\n").length + 1)),
      value: block.text,
      dataset: { key: `b${id}:text` },
      onInput: (e) => {
        block.text = e.target.value;
        submit({ op: "block", id, block }, { coalesce: `b${id}:text`, anchor: id });
        retitle(item, firstLine(block.text));
      },
    }))]);
    return item;
  }
  return blockShell(pos, model, ctx, "Block", block.kind, () => []);
}

function firstLine(text) {
  const line = (text || "").split("\n").find((l) => l.trim()) ?? "";
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}

export { moveBlock };
