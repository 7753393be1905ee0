// Small DOM helpers: elements from attributes and children, and labelled form fields.

let uid = 0;

/** `el("input", {type: "text", onInput: fn}, ...children)`: attributes starting with
 *  `on` are listeners; `dataset`/`aria` objects expand; strings become text. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === "dataset") Object.assign(node.dataset, v);
    else if (k === "value") node.value = v;
    else if (k === "checked") node.checked = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

/** A text input for `value`: one line, or a textarea when the value holds line breaks (a
 *  YAML block scalar, a TOML multi-line string, a raw string parameter), which a one-line
 *  input would drop. */
export function textInput(value, attrs = {}) {
  const text = value === null || value === undefined ? "" : String(value);
  if (text.includes("\n")) {
    return el("textarea", { rows: Math.min(10, text.split("\n").length + 1), value: text, ...attrs });
  }
  return el("input", { type: "text", value: text, ...attrs });
}

/** A fresh id for label/field pairs. */
export function nextId(prefix = "f") {
  uid += 1;
  return `${prefix}-${uid}`;
}

/** A labelled field wrapping `control` (which gets an id if it has none). */
export function field(label, control, ...extra) {
  if (!control.id) control.id = nextId();
  return el("div", { class: "field" }, el("label", { for: control.id, text: label }), control, ...extra);
}

/** Makes `select` act with its choice (`act(value)`) when it is picked from the open list
 *  (a click, or Space then Enter there) or with Enter on the closed select; other keys on
 *  the closed select (arrows, Alt+Down, letters) only move the choice, which WebKitGTK
 *  changes (and says it changed) at once (trial 51a, 2: one Down added a block; review
 *  51c, 2: so did Alt+Down, which opens no list there). Left, it goes back to its first
 *  option, the prompt (value ""), so that no choice waits in it (review 51c, 3). */
export function actOnPick(select, act) {
  // The choice was moved by keys on the closed select since it was last opened or picked.
  let keyed = false;
  const pick = () => {
    keyed = false;
    const value = select.value;
    select.value = "";
    if (value) act(value);
  };
  // The list is about to open: a choice moved by keys goes back to the prompt, so that
  // picking that same choice there is a change (review 51e, 2).
  const opening = () => {
    if (keyed) select.value = "";
    keyed = false;
  };
  select.addEventListener("keydown", (e) => {
    // Alt+arrows are the block's own keys (moving it): not the list's, not the block's
    // around it (review 51e, 1).
    if (e.altKey) e.stopPropagation();
    if (e.key === "Enter") {
      e.preventDefault();
      pick();
    } else if (e.key === " ") {
      opening();
    } else if (!["Tab", "Shift", "Escape"].includes(e.key)) {
      keyed = true;
    }
  });
  select.addEventListener("mousedown", opening);
  select.addEventListener("change", () => { if (!keyed) pick(); });
  select.addEventListener("blur", () => {
    keyed = false;
    select.value = "";
  });
}
