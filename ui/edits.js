// The queue every change goes through: one engine call at a time, in order. Keystrokes in
// one field collapse into the latest value while a call is in flight, and changes that add,
// move or remove blocks lock the forms until the engine answers, so no edit can land on a
// block whose position just changed.

import { api } from "./api.js";

const pending = new Map();
let running = false;
// The key of the change in flight.
let runningKey = null;
let onUpdate = () => {};
let onError = () => {};
let onBusy = () => {};
let onHold = () => {};
let onRelease = () => {};
// The version of the last whole model the forms took in: an edit made from it is merged
// by the engine over any outside change that came in after it.
let seen = () => null;
// The `op`s that add, move or remove blocks: the engine names them (`View.structuralEdits`).
let structuralOps = [];
const idle = [];

/** Sets what happens with each engine answer. */
export function configure(handlers) {
  ({ onUpdate, onError, onBusy, onHold, onRelease, seen, structural: structuralOps } = { ...{ onUpdate, onError, onBusy, onHold, onRelease, seen, structural: structuralOps }, ...handlers });
}

/** A field holds typed text that is no value yet (JSON half typed, a date half typed):
 *  nothing of it is sent, and Save and closing wait on it, until [`release`]d (`key`
 *  names the field, `message` says what is wrong). */
export function hold(key, field, message) {
  onHold(key, field, message);
}

/** The field of `key` holds a value again (sent as usual), or nothing. */
export function release(key) {
  onRelease(key);
}

/** Queues a form edit. `coalesce` names the field (same field: latest value wins);
 *  `anchor` is the block the preview should show. */
export function submit(edit, { coalesce = null, anchor = null } = {}) {
  const structural = structuralOps.includes(edit.op);
  const key = coalesce && !structural ? `edit:${coalesce}` : Symbol(edit.op);
  performance.mark("folio-edit");
  // The forms' version as the edit is made (its values are of that model), not as it is
  // sent, when an answer in between may have brought a newer one.
  const made = seen();
  pending.set(key, { run: () => api.applyEdit(edit, structural ? null : coalesce, made), anchor, structural });
  pump();
}

/** Queues another engine call that returns an update (undo, redo). */
export function submitCall(name, run, { anchor = null } = {}) {
  performance.mark("folio-edit");
  pending.set(Symbol(name), { run, anchor, structural: true });
  pump();
}

/** The fields (their `coalesce` names) whose edits are queued or in flight: their values
 *  in the forms are newer than any model an answer brings meanwhile. */
export function pendingFields() {
  const keys = [...pending.keys(), runningKey].filter((k) => typeof k === "string" && k.startsWith("edit:"));
  return new Set(keys.map((k) => k.slice("edit:".length)));
}

/** Whether no change is queued or in flight. */
export function isIdle() {
  return !running && pending.size === 0;
}

/** Resolves once every queued change has been applied. */
export function drain() {
  if (!running && pending.size === 0) return Promise.resolve();
  return new Promise((resolve) => idle.push(resolve));
}

async function pump() {
  if (running) return;
  const next = pending.entries().next();
  if (next.done) {
    idle.splice(0).forEach((r) => r());
    return;
  }
  const [key, job] = next.value;
  pending.delete(key);
  running = true;
  runningKey = key;
  if (job.structural) onBusy(true);
  let result = null;
  let error = null;
  try {
    result = await job.run();
  } catch (e) {
    error = e;
  }
  performance.mark("folio-answered");
  // Unlock before redrawing, so focus can land in the redrawn forms.
  if (job.structural) onBusy(false);
  // The edit's key (its field's, for a field's edits) goes with its answer.
  if (error) onError(error, key);
  else onUpdate(result, job.anchor, key);
  running = false;
  runningKey = null;
  pump();
}
