/**
 * Who closes the GPU device, and when. `selectBackend()` registers the closer when it opens webgpu; the CLI's `main`
 * calls `closeGpu()` when a command ends (tests call it in their teardown), and any other process that opened one (a
 * benchmark, a script) closes it when its event loop drains (`beforeExit`). This module imports no tfjs, so the
 * CLI pays nothing for it when no command opened a GPU.
 *
 * Why the close must be explicit: left open, Dawn's device and instance are destroyed by their finalizers inside
 * Node's environment teardown, where JavaScript can no longer run. Any Dawn work still in flight then (a buffer
 * map, a queue callback, the binding's setImmediate poll) calls into JavaScript, and node-addon-api ends the process
 * with `FATAL ERROR: Error::ThrowAsJavaScriptException napi_throw` (SIGABRT, exit 134). Closing while JavaScript
 * runs leaves those finalizers nothing to do.
 */
let closer: (() => Promise<void>) | undefined;
let closesBeforeExit = false;

/** Called by the backend selection when it opens a GPU device; `close` ends it in order. */
export function onGpuOpened(close: () => Promise<void>): void {
  closer = close;
  if (!closesBeforeExit) {
    closesBeforeExit = true;
    // Fires when the event loop drains (not on process.exit()); the close keeps the loop alive until it is done.
    process.on('beforeExit', () => void closeGpu());
  }
}

/** Close the GPU device if one is open (a no-op otherwise). A later `selectBackend()` may open a new one. */
export async function closeGpu(): Promise<void> {
  const close = closer;
  closer = undefined;
  if (close) await close();
}
