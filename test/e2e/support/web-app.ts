/**
 * Build (when stale) and start the Next.js dashboard for end-to-end tests.
 *
 * The build in apps/web/.next is reused when its BUILD_ID is newer than every source file of the app and
 * of @convergent/schema's generated documents; otherwise `next build` runs once (about a minute on 2 cores).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const webDir = path.join(repoRoot, 'apps/web');
const nextBin = path.join(repoRoot, 'node_modules/next/dist/bin/next');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

export function webBuildIsFresh(): boolean {
  const buildId = path.join(webDir, '.next/BUILD_ID');
  if (!existsSync(buildId)) return false;
  const sources = Math.max(
    newestMtime(path.join(webDir, 'src')),
    statSync(path.join(webDir, 'next.config.ts')).mtimeMs,
    statSync(path.join(webDir, 'package.json')).mtimeMs,
    newestMtime(path.join(repoRoot, 'packages/schema/src/generated')),
  );
  return statSync(buildId).mtimeMs > sources;
}

/** `next build` unless a fresh build exists. Throws with the build's output on failure. */
export function ensureWebBuild(log: (m: string) => void = () => {}): void {
  if (webBuildIsFresh()) {
    log('reusing apps/web/.next (newer than the sources)');
    return;
  }
  log('building the dashboard (next build)…');
  const r = spawnSync(process.execPath, [nextBin, 'build'], {
    cwd: webDir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status}):\n${(r.stdout ?? '').slice(-4000)}\n${(r.stderr ?? '').slice(-4000)}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface WebApp {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

/** `next start -H 127.0.0.1 -p <free port>` with CONVERGENT_API_URL pointing at the API's origin; resolves when it answers. */
export async function startWebApp(apiUrl: string): Promise<WebApp> {
  const port = await freePort();
  let out = '';
  const child: ChildProcess = spawn(process.execPath, [nextBin, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: webDir,
    env: { ...process.env, CONVERGENT_API_URL: apiUrl, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${out}`);
    try {
      const r = await fetch(`${url}/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer within 60 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    output: () => out,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
