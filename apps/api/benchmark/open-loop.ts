// Open-loop load for bench:api: N clients, each with its own keep-alive connection, sending requests on a
// schedule that does not wait for the server (what a team's dashboards do), unlike a closed loop (autocannon
// without a rate), whose clients only send when the previous answer is back.
//
// Two arrival models, both at `rate` requests per second per client:
//   - poisson:  every client has independent exponential gaps (random phase): the clients of a team that do
//               not coordinate. 50 such clients make one Poisson stream of 50 req/s.
//   - lockstep: all clients send at the same instants, k / rate s: a burst of N requests at once, every
//               1 / rate s (what autocannon's overallRate does: each connection sends its quota when its
//               1 s timer, started together with all others, fires). A worst case, kept as a row.
//
// Latency is counted from the scheduled send time to the end of the response, so a request that had to wait
// for its client's previous one (connection busy) counts the wait: no coordinated omission. (autocannon's
// overallRate corrects for it with an expected interval of ceil(1 / rate) = 1 ms instead of 1000 / rate ms,
// which adds synthetic samples at every millisecond below each slow response.)
import http from 'node:http';

export interface OpenLoopOptions {
  url: string;
  headers: Record<string, string>;
  clients: number;
  /** Requests per second per client. */
  rate: number;
  seconds: number;
  arrival: 'poisson' | 'lockstep';
  /** Body of the next request (random ids). */
  body: () => string;
  /** Seeded uniform [0, 1) for the Poisson gaps (default Math.random). */
  random?: () => number;
}

export interface OpenLoopResult {
  /** Latency of every completed request, ms, ascending. */
  latencies: Float64Array;
  sent: number;
  /** Non-200 answers, GraphQL errors in a 200 answer, and transport errors. */
  errors: number;
  seconds: number;
}

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function openLoop(o: OpenLoopOptions): Promise<OpenLoopResult> {
  const random = o.random ?? Math.random;
  const target = new URL(o.url);
  const period = 1000 / o.rate;
  const start = performance.now() + 50; // let every client's schedule start after setup
  const end = start + o.seconds * 1000;
  const latencies: number[] = [];
  let sent = 0;
  let errors = 0;

  const runClient = () =>
    new Promise<void>((resolveClient) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      let pending = 0;
      let scheduling = true;
      const finishOne = () => {
        pending -= 1;
        if (!scheduling && pending === 0) {
          agent.destroy();
          resolveClient();
        }
      };
      const send = (scheduledAt: number) => {
        sent += 1;
        pending += 1;
        const payload = o.body();
        const req = http.request(
          {
            host: target.hostname,
            port: target.port,
            path: target.pathname,
            method: 'POST',
            agent,
            headers: { ...o.headers, 'content-length': Buffer.byteLength(payload) },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              latencies.push(performance.now() - scheduledAt);
              const text = Buffer.concat(chunks).toString('utf8');
              if (res.statusCode !== 200 || text.includes('"errors"')) errors += 1;
              finishOne();
            });
          },
        );
        req.on('error', () => {
          errors += 1;
          finishOne();
        });
        req.end(payload);
      };
      // Arrival times of this client, each sent by its own timer (a busy connection queues it in the agent).
      const gap = () => (o.arrival === 'poisson' ? -Math.log(1 - random()) * period : period);
      let next = start + (o.arrival === 'poisson' ? gap() : 0);
      const tick = () => {
        while (next <= performance.now() && next < end) {
          send(next);
          next += gap();
        }
        if (next < end) setTimeout(tick, Math.max(0, next - performance.now()));
        else {
          scheduling = false;
          if (pending === 0) {
            agent.destroy();
            resolveClient();
          }
        }
      };
      setTimeout(tick, Math.max(0, next - performance.now()));
    });

  await Promise.all(Array.from({ length: o.clients }, () => runClient()));
  const sorted = Float64Array.from(latencies).sort();
  return { latencies: sorted, sent, errors, seconds: o.seconds };
}
