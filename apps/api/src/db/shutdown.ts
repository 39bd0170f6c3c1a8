/**
 * Runs `close` once on SIGINT/SIGTERM (Ctrl-C), then exits: the embedded PGlite must be closed to leave
 * a clean data directory. A second signal while closing exits at once (code 130).
 */
export function onShutdownSignal(close: (signal: NodeJS.Signals) => Promise<void>, log: (m: string) => void = () => {}): () => void {
  let closing = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (closing) {
      log(`${signal} again: exiting without a clean shutdown`);
      process.exit(130);
    }
    closing = true;
    log(`${signal}: shutting down cleanly...`);
    close(signal).then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`shutdown failed: ${(err as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
