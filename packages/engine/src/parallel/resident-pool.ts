/**
 * Long-lived workers that a SYNCHRONOUS caller hands work to (the statistics products: `MomentAccumulator.update`
 * stays synchronous). A pool serves one export of one module (a `ResidentFactory`, see protocol.ts): each worker
 * builds its handler once, then takes messages from a port synchronously, sleeping on a shared wake word
 * (`Atomics.wait`) between them, so neither side needs its event loop to pass work. A worker's status (starting,
 * ready, dead) is a shared word the caller reads without waiting: work goes only to READY workers, so a worker still
 * loading never delays the caller.
 *
 * The workers start lazily, are reused by every user in the process, are unref'd (a process exits without closing
 * the pool) and closable. They are started by `startWorker` (the engine's one worker entry, built JavaScript): a
 * resident worker costs only what its module loads (the product workers: tfjs-core and the wasm backend, ~0.2 s CPU).
 */
import { MessageChannel, type MessagePort, type TransferListItem, type Worker } from 'node:worker_threads';
import { RESIDENT_DEAD, RESIDENT_STARTING, RESIDENT_STATUS, RESIDENT_WAKE } from './protocol.ts';
import { startWorker } from './start-worker.ts';

export { RESIDENT_DEAD, RESIDENT_READY, RESIDENT_STARTING } from './protocol.ts';

/** What a caller needs of a resident worker (tests substitute one to steer their scheduling). */
export interface ResidentHandle<TMessage> {
  /** RESIDENT_STARTING (0), RESIDENT_READY (1) or RESIDENT_DEAD (−1). */
  readonly status: number;
  /** Hand a message to the worker (it runs the handler on it as soon as it is free). */
  post(message: TMessage, transfer?: TransferListItem[]): void;
}

class ResidentWorker<TMessage> implements ResidentHandle<TMessage> {
  readonly control = new Int32Array(new SharedArrayBuffer(8));
  private readonly worker: Worker;
  private readonly port: MessagePort;

  constructor(moduleUrl: URL, exportName: string, data: unknown) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = startWorker({ mode: 'resident', moduleUrl: moduleUrl.href, exportName, backend: false, control: this.control, port: port2, data }, { transferList: [port2] });
    this.worker.unref();
    // A worker that dies while the caller is idle (e.g. it failed to load) is marked, so no work goes to it.
    this.worker.on('error', () => Atomics.store(this.control, RESIDENT_STATUS, RESIDENT_DEAD));
    this.worker.on('exit', () => Atomics.store(this.control, RESIDENT_STATUS, RESIDENT_DEAD));
  }

  get status(): number {
    return Atomics.load(this.control, RESIDENT_STATUS);
  }

  private wake(): void {
    Atomics.add(this.control, RESIDENT_WAKE, 1);
    Atomics.notify(this.control, RESIDENT_WAKE);
  }

  post(message: TMessage, transfer?: TransferListItem[]): void {
    this.port.postMessage(message, transfer);
    this.wake();
  }

  /** Resolves once the worker can take work (true) or has died (false). */
  async ready(): Promise<boolean> {
    for (;;) {
      const s = this.status;
      if (s !== RESIDENT_STARTING) return s !== RESIDENT_DEAD;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async close(): Promise<void> {
    this.port.postMessage({ stop: true });
    this.wake();
    this.port.close();
    await this.worker.terminate();
  }
}

export class ResidentPool<TMessage> {
  private workers: ResidentWorker<TMessage>[] = [];

  /** `moduleUrl` (its source URL; the worker loads the build) exports `exportName`, called with `data` in each worker. */
  constructor(
    private readonly moduleUrl: URL,
    private readonly exportName: string,
    private readonly data: unknown = undefined,
  ) {}

  private ensure(count: number): ResidentWorker<TMessage>[] {
    this.workers = this.workers.filter((w) => w.status !== RESIDENT_DEAD);
    while (this.workers.length < count) this.workers.push(new ResidentWorker<TMessage>(this.moduleUrl, this.exportName, this.data));
    return this.workers.slice(0, count);
  }

  /** The first `count` workers, starting any that are missing (returns at once; they load in the background). */
  handles(count: number): readonly ResidentHandle<TMessage>[] {
    return this.ensure(count);
  }

  /** Start `count` workers and wait until they are ready; returns how many are. */
  async start(count: number): Promise<number> {
    const ok = await Promise.all(this.ensure(count).map((w) => w.ready()));
    return ok.filter(Boolean).length;
  }

  /** Stop every worker (tests, or a long-lived process that is done with this work). */
  async close(): Promise<void> {
    const all = this.workers;
    this.workers = [];
    await Promise.all(all.map((w) => w.close()));
  }
}
