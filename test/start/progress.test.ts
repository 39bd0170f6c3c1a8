import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { boardLines, formatEta, renderBar, renderJob, ProgressBoard, type JobLine } from '../../scripts/start/progress.ts';

const job = (over: Partial<JobLine> = {}): JobLine => ({
  id: 'j1', label: 'train lenet seed 1', status: 'RUNNING', phase: 'epoch 1/1', fraction: 0.5, etaSeconds: 75, error: null, ...over,
});

describe('npm start progress board', () => {
  it('draws bars proportional to the fraction and clamps bad fractions', () => {
    expect(renderBar(0.5, 10)).toBe('[#####.....]  50%');
    expect(renderBar(2, 4)).toBe('[####] 100%');
    expect(renderBar(Number.NaN, 4)).toBe('[....]   0%');
  });

  it('formats ETAs in seconds and minutes, and none when unknown', () => {
    expect(formatEta(75)).toBe('ETA 1m15s');
    expect(formatEta(9.4)).toBe('ETA 9s');
    expect(formatEta(null)).toBe('');
  });

  it('shows the error of a failed job instead of its phase', () => {
    expect(renderJob(job({ status: 'FAILED', error: 'disk full' }))).toContain('error: disk full');
    expect(renderJob(job())).toContain('epoch 1/1');
  });

  it('draws a bar per running job and counts the queued ones by step on a terminal', () => {
    const lines = boardLines([
      job({ id: 'a1', label: 'align demo', status: 'QUEUED' }),
      job({ id: 'a2', label: 'align demo', status: 'QUEUED' }),
      job({ id: 't1', label: 'train lenet-s1' }),
      job({ id: 't2', label: 'train lenet-s2', status: 'QUEUED' }),
      job({ id: 'x', label: 'experiment demo', status: 'COMPLETED' }),
    ]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('train lenet-s1');
    expect(lines[1]).toBe('queued: 2 align, 1 train');
    expect(boardLines([job({ status: 'COMPLETED' })])).toEqual(['no running jobs (1 recent)']);
  });

  it('prints a line per status or phase change when not on a terminal', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (c: Buffer) => (text += c.toString()));
    const states = [[job()], [job()], [job({ phase: 'recording' })]];
    let i = 0;
    const board = new ProgressBoard(out as unknown as NodeJS.WriteStream, async () => states[Math.min(i++, states.length - 1)]!, 5);
    board.start();
    await new Promise((r) => setTimeout(r, 60));
    board.stop();
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('recording');
  });
});
