// The live preview: two sandboxed frames (no scripts, no same origin, so nothing in the page
// can run or reach the app). The next version loads in the hidden frame and is swapped in
// once loaded, so the preview never flickers; it opens at the block being edited.

import { folioUrl } from "./api.js";

const frames = [document.getElementById("frame-a"), document.getElementById("frame-b")];
let front = 0;
let wanted = null;
export const timings = [];
window.folioTimings = timings;

for (const [i, frame] of frames.entries()) {
  frame.addEventListener("load", () => {
    if (i === front || frame.dataset.version !== wanted) return;
    frames[front].classList.remove("front");
    frames[front].setAttribute("aria-hidden", "true");
    frames[front].tabIndex = -1;
    frame.classList.add("front");
    frame.removeAttribute("aria-hidden");
    frame.removeAttribute("tabindex");
    front = i;
    const marks = performance.getEntriesByName("folio-edit", "mark");
    if (marks.length) {
      const m = performance.measure("folio-preview", "folio-edit");
      timings.push(m.duration);
      performance.clearMarks("folio-edit");
    }
    document.body.dataset.previewVersion = wanted;
  });
}

/** Shows preview `version`, scrolled to block `anchor` when given. */
export function showPreview(version, anchor = null) {
  const key = `${version}`;
  const url = folioUrl(`preview/${version}`) + (anchor === null ? "" : `#folio-block-${anchor}`);
  const current = frames[front];
  if (current.dataset.version === key && current.dataset.url === url) return;
  wanted = key;
  const back = frames[1 - front];
  back.dataset.version = key;
  back.dataset.url = url;
  back.src = url;
}
