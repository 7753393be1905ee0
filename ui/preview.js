// The live preview: two sandboxed frames (no scripts, no same origin, so nothing in the page
// can run or reach the app). Each version's document comes from the engine and loads from a
// blob: URL (its fragment opens it at the block being edited) into the hidden frame, which is
// swapped in once loaded, so the preview never flickers. One load at a time: a frame given a
// new address mid-load may still report the old load, which would swap in a stale page.

import { api } from "./api.js";

const frames = [document.getElementById("frame-a"), document.getElementById("frame-b")];
let front = 0;
let wanted = null;
let busy = false;
// The block the preview was last opened at: a new version with no block of its own (a
// save, a reload, an outside change) opens there too, not at the top.
let lastAnchor = null;
export const timings = [];
window.folioTimings = timings;
// Where the time goes: edit -> engine answered -> document requested -> frame loaded.
export const stages = [];
window.folioStages = stages;
// Wall-clock times of preview swaps (to time outside edits from the writer's side).
export const swaps = [];
window.folioSwaps = swaps;

function swap(i) {
  const frame = frames[i];
  const old = frames[front];
  old.classList.remove("front");
  old.setAttribute("aria-hidden", "true");
  old.tabIndex = -1;
  frame.classList.add("front");
  frame.removeAttribute("aria-hidden");
  frame.removeAttribute("tabindex");
  front = i;
  if (old.dataset.blob) {
    URL.revokeObjectURL(old.dataset.blob);
    delete old.dataset.blob;
  }
  record();
  swaps.push(Date.now());
  document.body.dataset.previewVersion = frame.dataset.version;
}

function record() {
  const marks = performance.getEntriesByName("folio-edit", "mark");
  if (!marks.length) return;
  const m = performance.measure("folio-preview", "folio-edit");
  timings.push(m.duration);
  const t0 = marks[marks.length - 1].startTime;
  const at = (name) => (performance.getEntriesByName(name, "mark").pop()?.startTime ?? t0) - t0;
  stages.push({ answered: at("folio-answered"), requested: at("folio-requested"), loaded: m.duration });
  performance.clearMarks();
}

/** Loads `url` into frame `i`; resolves when it loaded (or after a while, if it never does). */
function load(i, url) {
  const frame = frames[i];
  return new Promise((resolve) => {
    const timer = setTimeout(() => { frame.onload = null; resolve(false); }, 5000);
    frame.onload = () => { clearTimeout(timer); frame.onload = null; resolve(true); };
    frame.src = url;
  });
}

/** Forgets what the frames show: the next `showPreview` loads, even for a version number
 *  the previous page also had (another page or language was opened), at the top unless
 *  `keepPlace` (the same page, shown again). */
export function resetPreview(keepPlace = false) {
  for (const f of frames) delete f.dataset.version;
  if (!keepPlace) lastAnchor = null;
}

/** Shows the engine's current preview, opened at block `anchor` (an id, or `ID-K-…` for a
 *  block nested in block ID) when given, else at the
 *  block it was last opened at. (Fetched separately rather than sent with each edit's
 *  answer: measured faster here.) */
export function showPreview(version, anchor = null) {
  if (anchor === null) anchor = lastAnchor;
  else lastAnchor = anchor;
  const shown = frames[front].dataset;
  if (shown.version === String(version) && shown.anchor === String(anchor)) return;
  wanted = { anchor };
  pump();
}

async function pump() {
  if (busy || !wanted) return;
  const { anchor } = wanted;
  wanted = null;
  busy = true;
  performance.mark("folio-requested");
  try {
    // A nested block's anchor (`ID-K-…`) is inside block ID, around which a long page's
    // preview is cut.
    const { version, html } = await api.preview(typeof anchor === "string" ? Number(anchor.split("-")[0]) : anchor);
    const i = 1 - front;
    const back = frames[i];
    if (back.dataset.blob) URL.revokeObjectURL(back.dataset.blob);
    back.dataset.blob = URL.createObjectURL(new Blob([html], { type: "text/html" }));
    back.dataset.version = String(version);
    back.dataset.anchor = String(anchor);
    // A nested block moved or deleted since it was last edited: its anchor is gone, and
    // the preview opens at its container instead of at the top.
    const at = typeof anchor === "string" && !html.includes(`id="folio-block-${anchor}"`)
      ? anchor.split("-")[0]
      : anchor;
    if (await load(i, back.dataset.blob + (at === null ? "" : `#folio-block-${at}`))) swap(i);
  } catch (e) {
    console.error("preview failed", e);
  } finally {
    busy = false;
    pump();
  }
}
