import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ENGINE_COMMANDS } from '@convergent/engine/cli';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './main.ts';

const BIN = fileURLToPath(new URL('../bin/convergent.mjs', import.meta.url));

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the convergent binary', () => {
  it('lists the engine commands and the API ones, and runs both kinds', async () => {
    const top = await run(['--help']);
    expect(top.code).toBe(0);
    for (const c of COMMANDS) expect(top.stdout).toContain(`  ${c.name}`);
    expect(COMMANDS.map((c) => c.name)).toEqual([...ENGINE_COMMANDS.map((c) => c.name), 'worker', 'team', 'token']);
    const align = await run(['align', 'only-one.npy']);
    expect(align.code).toBe(2);
    expect(align.stderr).toMatch(/^convergent align: expected two activation files/);
    const worker = await run(['worker', '--help']);
    expect(worker.code).toBe(0);
    expect(worker.stdout).toContain('--database-url');
    const unknown = await run(['nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'nope'; commands: align, .*worker, team, token/);
  });

  it('every registered command loads, with the name and summary it was registered under', async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.summary).toBe(entry.summary);
      expect(command.usage.length).toBeGreaterThan(0);
    }
  });
});
