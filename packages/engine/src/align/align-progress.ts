/**
 * How a two-file alignment (`align-files.ts`) reports progress: rows streamed, and each method's work. The CLI's
 * `Progress` (cli/progress.ts) prints it on stderr; the API's align-activations job passes its own callbacks (or
 * none). A leaf module, so the streaming pass and the alignment both import it.
 */
export interface AlignProgress {
  /** `done` of `total` rows streamed. */
  rows(done: number, total: number): void;
  /** The streaming pass ended. */
  finish(): void;
  /** Run one named step (a method): the reporter may announce and time it. */
  step<T>(name: string, work: () => T | Promise<T>): Promise<T>;
}

/** Reports nothing. */
export const SILENT_PROGRESS: AlignProgress = {
  rows: () => {},
  finish: () => {},
  step: async (_name, work) => work(),
};
