// `npm start` stops cleanly on SIGINT / SIGTERM (exit 0, PGlite closed, db.lock and db.url removed), takes one
// Ctrl-C delivered twice (terminal + npm) as one, and starts again after a SIGKILL left its lock and URL files.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const data = mkdtempSync(path.join(os.tmpdir(), 'cv-start-'));
const children: ChildProcess[] = [];

interface Started {
  child: ChildProcess;
  graphqlUrl: string;
  token: string;
  out: () => string;
  err: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function start(): Promise<Started> {
  const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs'), '--no-web', '--no-demo', '--port', '0', '--data', data], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const end = Date.now() + 240_000;
  while (!/Convergent API is running/.test(out)) {
    if (child.exitCode !== null) throw new Error(`npm start exited early (${child.exitCode}):\n${err}`);
    if (Date.now() > end) throw new Error(`npm start did not come up:\n${out}\n${err}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const graphqlUrl = /GraphQL endpoint (\S+)/.exec(out)![1]!;
  // The token is never printed: npm start writes it to <data>/local-token (0600).
  const token = readFileSync(path.join(data, 'local-token'), 'utf8').trim();
  return { child, graphqlUrl, token, out: () => out, err: () => err, exited };
}

async function viewer(s: Started): Promise<string> {
  const res = await fetch(s.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` }, body: JSON.stringify({ query: '{ viewer { team { name } } }' }) });
  return ((await res.json()) as { data: { viewer: { team: { name: string } } } }).data.viewer.team.name;
}

const lock = path.join(data, 'db.lock');
const urlFile = path.join(data, 'db.url');

describe('npm start shutdown', () => {
  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    rmSync(data, { recursive: true, force: true });
  });

  it('stops cleanly on SIGINT, also when the same Ctrl-C arrives twice, and on SIGTERM after a SIGKILLed run', async () => {
    // 1. Ctrl-C: exit 0, database closed, its lock and URL files gone.
    const first = await start();
    expect(existsSync(lock)).toBe(true);
    expect(statSync(urlFile).mode & 0o777).toBe(0o600);
    const team = await viewer(first);
    // No secret on the terminal (it lands in scrollback, logs and screen shares): the token is in a 0600 file.
    expect(first.out() + first.err()).not.toContain(first.token);
    expect(first.out() + first.err()).not.toMatch(/cv[gs]_[A-Za-z0-9_-]{20,}/);
    expect(statSync(path.join(data, 'local-token')).mode & 0o777).toBe(0o600);
    first.child.kill('SIGINT');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(first.err()).toMatch(/shutting down/);
    expect(first.err()).not.toMatch(/without a clean shutdown|Apollo|shutdown failed/);
    expect(existsSync(lock)).toBe(false);
    expect(existsSync(urlFile)).toBe(false);

    // 2. One Ctrl-C delivered twice (terminal and npm): still one clean shutdown.
    const second = await start();
    second.child.kill('SIGINT');
    second.child.kill('SIGINT');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(lock)).toBe(false);

    // 3. SIGKILL leaves the files behind; the next start recovers, with the data.
    const third = await start();
    third.child.kill('SIGKILL');
    await third.exited;
    expect(existsSync(lock)).toBe(true);
    expect(readFileSync(lock, 'utf8').trim()).toBe(String(third.child.pid));
    const fourth = await start();
    expect(await viewer(fourth)).toBe(team);
    fourth.child.kill('SIGTERM');
    expect(await fourth.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(lock)).toBe(false);
    expect(existsSync(urlFile)).toBe(false);
  }, 900_000);
});
