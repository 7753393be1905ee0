// The live preview: two sandboxed frames (no scripts, no same origin, so nothing in the page
// can run or reach the app). Each version's document comes from the engine and loads from a
// blob: URL (its fragment opens it at the block being edited) into the hidden frame, which is
// swapped in once loaded, so the preview never flickers.

import { api } from "./api.js";

const frames = [document.getElementById("frame-a"), document.getElementById("frame-b")];
let front = 0;
let wanted = null;
let fetching = false;
export const timings = [];
window.folioTimings = timings;
// Where the time goes: edit -> engine answered -> document requested -> frame loaded.
export const stages = [];
window.folioStages = stages;

for (const [i, frame] of frames.entries()) {
  frame.addEventListener("load", () => {
    if (i === front || !frame.dataset.blob) return;
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
    document.body.dataset.previewVersion = frame.dataset.version;
  });
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

/** Shows the engine's current preview, opened at block `anchor` when given. */
export function showPreview(version, anchor = null) {
  const shown = frames[front].dataset;
  if (shown.version === String(version) && shown.anchor === String(anchor)) return;
  wanted = { anchor };
  pump();
}

async function pump() {
  if (fetching || !wanted) return;
  const { anchor } = wanted;
  wanted = null;
  fetching = true;
  performance.mark("folio-requested");
  try {
    const { version, html } = await api.preview(anchor);
    const back = frames[1 - front];
    if (back.dataset.blob) URL.revokeObjectURL(back.dataset.blob);
    back.dataset.blob = URL.createObjectURL(new Blob([html], { type: "text/html" }));
    back.dataset.version = String(version);
    back.dataset.anchor = String(anchor);
    back.src = back.dataset.blob + (anchor === null ? "" : `#folio-block-${anchor}`);
  } catch (e) {
    console.error("preview failed", e);
  } finally {
    fetching = false;
    pump();
  }
}
