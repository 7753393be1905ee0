// The conflict view: for each field both Folio and another program changed, the two
// versions side by side with their differences marked; keep mine, take theirs, or edit.
// Nothing is saved until every conflict has a choice.

import { el } from "./dom.js";

/** Words of `a` and `b` marked as kept, removed (from a) or added (in b). */
export function diffWords(a, b) {
  const x = a.split(/(\s+)/);
  const y = b.split(/(\s+)/);
  const n = x.length;
  const m = y.length;
  if (n * m > 400000) return [["del", a], ["ins", b]];
  const len = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      len[i][j] = x[i] === y[j] ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  const push = (kind, text) => {
    if (out.length && out[out.length - 1][0] === kind) out[out.length - 1][1] += text;
    else out.push([kind, text]);
  };
  while (i < n && j < m) {
    if (x[i] === y[j]) { push("same", x[i]); i++; j++; }
    else if (len[i + 1][j] >= len[i][j + 1]) push("del", x[i++]);
    else push("ins", y[j++]);
  }
  while (i < n) push("del", x[i++]);
  while (j < m) push("ins", y[j++]);
  return out;
}

function show(value) {
  if (value === null || value === undefined) return "(removed)";
  if (typeof value === "string") return value;
  if (typeof value === "object" && value.kind) return value.kind === "card" ? `Card “${value.title}”` : value.text ?? value.source ?? "";
  return JSON.stringify(value);
}

function diffView(mine, theirs) {
  const parts = diffWords(show(theirs), show(mine));
  return el("pre", { "aria-label": "Differences (removed: theirs only, added: yours only)" },
    parts.map(([kind, text]) => (kind === "same" ? text : el(kind === "del" ? "del" : "ins", { text }))));
}

/** Shows the conflicts; resolves with `{at: {pick, value?}}` or null (decide later). */
export function conflictView(dialog, conflicts) {
  const choices = new Map();
  const apply = el("button", { type: "button", class: "primary", text: "Use these choices", disabled: true });
  const refresh = () => { apply.disabled = choices.size !== conflicts.length; };
  const items = conflicts.map((c, k) => {
    const name = `conflict-${k}`;
    // As tall as the text it holds (within reason), the dialog's width: it may be a whole call.
    const lines = show(c.mine).split("\n").length;
    const editor = el("textarea", { class: "conflict-edit", rows: Math.min(16, Math.max(4, lines + 1)), value: show(c.mine), hidden: true, "aria-label": `Your own version of ${c.label}` });
    const radio = (pick, label) => el("label", { class: "check" },
      el("input", { type: "radio", name, value: pick, onChange: () => {
        editor.hidden = pick !== "value";
        choices.set(c.at, pick === "value" ? { pick, value: editor.value } : { pick });
        refresh();
      } }), label);
    editor.addEventListener("input", () => choices.set(c.at, { pick: "value", value: editor.value }));
    return el("fieldset", { class: "conflict" },
      el("legend", { text: c.label }),
      el("div", { class: "row" },
        el("div", {}, el("strong", { text: "Yours (in Folio)" }), el("pre", { text: show(c.mine) })),
        el("div", {}, el("strong", { text: "Theirs (on disk)" }), el("pre", { text: show(c.theirs) }))),
      typeof c.mine === "string" && typeof c.theirs === "string" ? diffView(c.mine, c.theirs) : null,
      el("div", { class: "row" }, radio("mine", "Keep mine"), radio("theirs", "Take theirs"),
        typeof c.mine === "string" ? radio("value", "Edit…") : null),
      editor);
  });
  return new Promise((resolve) => {
    document.getElementById("dialog-title").textContent = conflicts.length === 1
      ? "A change on disk conflicts with yours" : `${conflicts.length} changes on disk conflict with yours`;
    document.getElementById("dialog-body").replaceChildren(
      el("p", { text: "Another program changed the same fields you changed in Folio. Choose what to keep; nothing is saved until every conflict is settled." }),
      ...items);
    const later = el("button", { type: "button", text: "Decide later", onClick: () => { dialog.close(); resolve(null); } });
    apply.addEventListener("click", () => { dialog.close(); resolve(Object.fromEntries(choices)); });
    document.getElementById("dialog-actions").replaceChildren(later, apply);
    dialog.addEventListener("cancel", () => resolve(null), { once: true });
    // Closed from outside (the conflicts changed on disk meanwhile): decided later.
    dialog.addEventListener("close", () => resolve(null), { once: true });
    dialog.showModal();
  });
}
