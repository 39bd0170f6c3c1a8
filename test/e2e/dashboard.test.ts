/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * End-to-end: the dashboard in headless Chromium against a real API (startApiServer over openDatabase on a
 * temporary PGlite directory) seeded with planted data. Screenshots go to test/e2e/artifacts/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../apps/api/src/db/database.ts';
import { createSignInCode } from '../../apps/api/src/auth/sessions.ts';
import { importTinyResult, seedDashboard, type DashboardSeed } from './support/seed-dashboard.ts';
import { startE2eStack, type E2eStack } from './support/stack.ts';
import { repoRoot, type WebApp } from './support/web-app.ts';

const artifacts = path.join(repoRoot, 'test/e2e/artifacts');
const log = (m: string) => console.log(`[e2e] ${m}`);

let stack: E2eStack;
let tmp: string;
let db: Database;
let web: WebApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let seed: DashboardSeed;
let importedId: string;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  stack = await startE2eStack({
    name: 'dashboard',
    log,
    seed: async (database, dir) => {
      let t = Date.now();
      seed = await seedDashboard(database.prisma);
      log(`seeded planted data in ${((Date.now() - t) / 1000).toFixed(1)} s`);
      t = Date.now();
      importedId = await importTinyResult(database.prisma, seed.teamId, dir);
      log(`trained and imported a tiny real result in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    },
  });
  ({ tmp, db, web, browser } = stack);
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
}, 20 * 60_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await stack?.close();
}, 60_000);

const shot = (name: string) => page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });

/** Pixel statistics of the heatmap canvas: how many distinct colours, and red-minus-blue on/off the diagonal. */
async function canvasStats(p: Page) {
  await p.waitForSelector('canvas[data-testid="heatmap"][data-drawn]', { timeout: 30_000 });
  return p.$eval('canvas[data-testid="heatmap"]', (el) => {
    const c = el as HTMLCanvasElement;
    const ctx = c.getContext('2d')!;
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    const colours = new Set<number>();
    let opaque = 0;
    let diag = 0;
    let diagAbs = 0;
    let diagN = 0;
    let offAbs = 0;
    let off = 0;
    let offN = 0;
    const n = Math.min(c.width, c.height);
    const tenth = Math.max(1, Math.floor(n / 10));
    let head = 0;
    let tail = 0;
    for (let y = 0; y < c.height; y++) {
      for (let x = 0; x < c.width; x++) {
        const o = (y * c.width + x) * 4;
        if (data[o + 3] === 255) opaque++;
        colours.add((data[o]! << 16) | (data[o + 1]! << 8) | data[o + 2]!);
        const rb = data[o]! - data[o + 2]!;
        if (x === y && x < n) {
          diag += rb;
          diagAbs += Math.abs(rb);
          if (x < tenth) head += rb;
          if (x >= n - tenth) tail += rb;
          diagN++;
        } else {
          off += rb;
          offAbs += Math.abs(rb);
          offN++;
        }
      }
    }
    return {
      width: c.width,
      height: c.height,
      opaque,
      colours: colours.size,
      diagRedness: diag / Math.max(1, diagN),
      offRedness: off / Math.max(1, offN),
      /** Mean red − blue of the first and last tenth of the diagonal (best matches first). */
      diagHead: head / tenth,
      diagTail: tail / tenth,
      diagContrast: diagAbs / Math.max(1, diagN),
      offContrast: offAbs / Math.max(1, offN),
      drawMs: Number(c.dataset.drawMs ?? 'NaN'),
    };
  });
}

describe('dashboard end to end', { timeout: 120_000 }, () => {
  it('signs in with a one-time link and lists the team\'s experiments', async () => {
    const { code } = await createSignInCode(db.prisma, seed.teamId, { role: 'ADMIN', name: 'e2e browser' });
    await page.goto(`${web.url}/sign-in#code=${code}`);
    await page.waitForSelector('[data-testid="experiments-table"]');
    expect(page.url()).toBe(`${web.url}/`);
    const text = await page.textContent('[data-testid="experiments-table"]');
    expect(text).toContain('e2e seeds and widths');
    expect(text).not.toContain('another team');
    await shot('01-experiments');
    await page.goto(`${web.url}/settings`);
    expect(await page.locator('[data-testid="connected"]').textContent()).toContain('e2e team');
    await page.goBack();
  });

  it('opens the experiment overview with networks by architecture and the convergence figures', async () => {
    await page.click('text=e2e seeds and widths');
    await page.waitForURL(/\/experiments\/[^/?]+$/);
    await page.waitForSelector('[data-testid="headline-chart"] .recharts-line');
    expect(await page.locator('[data-testid="arch-group"]').count()).toBe(2);
    // Both layers have pairs; same- and cross-architecture bars exist.
    const table = await page.textContent('[data-testid="convergence-table"]');
    expect(table).toContain('conv1');
    expect(table).toContain('fc1');
    expect(await page.locator('[data-testid="split-chart"] .recharts-bar-rectangle').count()).toBeGreaterThan(0);
    // Stored without a random-stream version (planted rows, like rows from before the field): labelled legacy.
    expect(await page.textContent('[data-testid="legacy-streams"]')).toContain('Legacy random streams');
    // Planted rows have per-epoch metrics only (like results from before per-step curves): each group says so.
    expect(await page.locator('[data-testid="step-curves-empty"]').count()).toBe(2);
    expect(await page.locator('[data-testid="step-curves-empty"]').first().textContent()).toContain('trained before per-step curves were recorded');
    expect(await page.locator('[data-testid="step-loss-chart"]').count()).toBe(0);
    await shot('02-experiment');
  });

  it('follows to the pair view, whose reordered heatmap has matched pairs on a red diagonal', async () => {
    await page.click('[data-testid="open-pair"]');
    await page.waitForURL(/\/pair\?/);
    const stats = await canvasStats(page);
    expect(stats.width).toBe(24);
    expect(stats.opaque).toBe(24 * 24);
    expect(stats.colours).toBeGreaterThan(5);
    // Planted: matched correlations ≈ 0.4–0.6 on the diagonal, |r| ≤ 0.1 elsewhere.
    expect(stats.diagRedness).toBeGreaterThan(stats.offRedness + 60);
    expect(stats.diagHead).toBeGreaterThan(stats.diagTail);
    await page.waitForSelector('[data-testid="best-corr-histogram"] .recharts-bar-rectangle');
    await page.waitForSelector('[data-testid="sparse-curves"] .recharts-line');
    await page.waitForSelector('[data-testid="clusters"] .chip');
    await shot('03-pair');
    // Clicking a cell opens both units of that cell (and puts them in the URL).
    const box = (await page.locator('canvas[data-testid="heatmap"]').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.1, box.y + box.height * 0.1);
    await page.waitForURL(/cellA=\d+&cellB=\d+|cellB=\d+&cellA=\d+/);
    const cellLinks = page.locator('[data-testid="selected-cell"] [data-testid="unit-link"]');
    await cellLinks.nth(1).waitFor();
    expect(await cellLinks.count()).toBe(2);
  });

  it('toggles within-A, and reloading the URL restores that view', async () => {
    await page.click('button:has-text("within A")');
    await page.waitForURL(/view=withinA/);
    await page.reload();
    await page.waitForSelector('button[aria-pressed="true"]:has-text("within A")');
    const stats = await canvasStats(page);
    expect(stats.width).toBe(24);
    // The within matrix has 1 on its diagonal (the darkest red, R − B = 72) and |r| ≤ 0.1 elsewhere (≈ 0).
    expect(stats.diagRedness).toBeGreaterThan(stats.offRedness + 50);
    await shot('04-pair-within-a');
  });

  it('draws a 1,024 × 1,024 heatmap', async () => {
    const [a, b] = seed.big.networks;
    await page.goto(`${web.url}/experiments/${seed.big.experimentId}/pair?a=${a!.id}&b=${b!.id}&layer=fc1`);
    const stats = await canvasStats(page);
    await shot('05-pair-1024');
    log(`1,024 × 1,024 heatmap drawn in ${stats.drawMs.toFixed(1)} ms (colour map + putImageData)`);
    expect([stats.width, stats.height]).toEqual([1024, 1024]);
    expect(stats.opaque).toBe(1024 * 1024);
    // Planted scores here run past ±1 (0.5 ± 0.01·(i − 511.5)): the diagonal is saturated red then blue,
    // best first, on a pale background.
    expect(stats.diagContrast).toBeGreaterThan(stats.offContrast + 40);
    expect(stats.diagHead).toBeGreaterThan(stats.diagTail + 100);
  });

  it('follows a best-matched unit to its unit page, which reloads to the same unit', async () => {
    // Open the small pair explicitly: view changes push history entries, so "Back" from the previous test's page
    // lands on whatever view it last pushed, not on a fixed page.
    const [a, b] = seed.seeded.networks.filter((n) => !n.untrained);
    await page.goto(`${web.url}/experiments/${seed.seeded.experimentId}/pair?a=${a!.id}&b=${b!.id}&layer=conv1`);
    await page.waitForSelector('[data-testid="best-matches"] [data-testid="unit-link"]');
    await page.click('[data-testid="best-matches"] [data-testid="unit-link"] >> nth=0');
    await page.waitForURL(/\/units\/[^/]+$/);
    await page.waitForSelector('[data-testid="best-matches-table"] [role="row"]:nth-child(1)');
    const url = page.url();
    const heading = await page.textContent('h1');
    // Top images load from the API's signed PNG route.
    await page.waitForFunction(() => {
      const imgs = [...document.querySelectorAll('[data-testid="unit-top-images"] img')] as HTMLImageElement[];
      return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0);
    });
    await shot('06-unit');
    await page.reload();
    await page.waitForSelector('[data-testid="best-matches-table"]');
    expect(page.url()).toBe(url);
    expect(await page.textContent('h1')).toBe(heading);
  });

  it('compares networks against a reference and restores the comparison from its URL', async () => {
    const nets = seed.seeded.networks.filter((n) => !n.untrained);
    const url = `${web.url}/compare?ref=${nets[0]!.id}&others=${nets[1]!.id},${nets[3]!.id}`;
    await page.goto(url);
    await page.waitForSelector('[data-testid="comparison"]');
    await page.waitForSelector('select[aria-label="reference"] option >> nth=2', { state: 'attached' });
    expect(await page.locator('[data-testid="api-error"]').count()).toBe(0);
    await page.waitForSelector('[data-testid="compare-chart"] .recharts-line');
    expect(await page.textContent('[data-testid="comparison"]')).toContain('wide-s1');
    await page.waitForSelector('canvas[data-testid="heatmap"][data-drawn]');
    await shot('07-compare');
    await page.reload();
    await page.waitForSelector('[data-testid="compare-chart"] .recharts-line');
    expect(await page.locator('input[type="checkbox"]:checked').count()).toBe(2);
  });

  it('compares experiments: the reference experiment’s per-layer mean against another’s', async () => {
    await page.goto(`${web.url}/compare?kind=EXPERIMENT&ref=${seed.seeded.experimentId}&others=${importedId}`);
    await page.waitForSelector('[data-testid="compare-chart"] .recharts-line');
    expect(await page.locator('[data-testid="api-error"]').count()).toBe(0);
    const text = await page.textContent('[data-testid="comparison"]');
    expect(text).toContain('imported tiny result');
    expect(text).toContain('conv1');
    await shot('08-compare-experiments');
  });

  it('shows live progress of running jobs by polling', async () => {
    const exp = await db.prisma.experiment.create({
      data: { teamId: seed.teamId, name: 'e2e running experiment', dataset: 'synthetic', probe: {}, spec: {}, specHash: `running-${Date.now()}`, status: 'RUNNING', phase: 'training' },
    });
    const job = await db.prisma.job.create({
      data: { teamId: seed.teamId, experimentId: exp.id, kind: 'TRAIN', payload: {}, status: 'RUNNING', phase: 'epoch 1/4', fraction: 0.25, etaSeconds: 90, startedAt: new Date() },
    });
    await page.goto(`${web.url}/`);
    const row = page.locator('[role="row"]', { hasText: 'e2e running experiment' });
    await row.locator('text=25%').waitFor();
    expect(await row.textContent()).toContain('epoch 1/4');
    await db.prisma.job.update({ where: { id: job.id }, data: { fraction: 0.75, phase: 'epoch 3/4' } });
    // No reload: the list polls while something runs.
    await row.locator('text=75%').waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain('epoch 3/4');
    await shot('09-live-progress');
    await db.prisma.experiment.delete({ where: { id: exp.id } });

    // A failed experiment shows why, in the list and on its page.
    const failed = await db.prisma.experiment.create({
      data: { teamId: seed.teamId, name: 'e2e failed experiment', dataset: 'synthetic', probe: {}, spec: {}, specHash: `failed-${Date.now()}`, status: 'FAILED', error: 'training diverged: loss is NaN at epoch 2' },
    });
    await page.reload();
    await page.locator('[role="row"]', { hasText: 'e2e failed experiment' }).locator('text=loss is NaN').waitFor();
    await page.goto(`${web.url}/experiments/${failed.id}`);
    await page.waitForSelector('[data-testid="failed"]');
    expect(await page.locator('[data-testid="failed"]').textContent()).toContain('loss is NaN at epoch 2');
    expect(await page.locator('h1 .badge').textContent()).toBe('failed');
    await db.prisma.experiment.delete({ where: { id: failed.id } });
  });

  it('draws the per-step curves of networks still training and grows them as the page polls', async () => {
    const exp = await db.prisma.experiment.create({
      data: { teamId: seed.teamId, name: 'e2e training curves', dataset: 'synthetic', probe: {}, spec: {}, specHash: `curves-${Date.now()}`, status: 'RUNNING', phase: 'training' },
    });
    const point = (step: number) => ({ step, epoch: 1, samples: 16 * step, loss: 2 / (1 + step), accuracy: Math.min(1, 0.3 + 0.05 * step) });
    const nets = await Promise.all(
      [1, 2].map((s) =>
        db.prisma.network.create({
          data: { experimentId: exp.id, name: `live-s${s}`, arch: 'live', archSpec: { name: 'live' }, seed: s, status: 'TRAINING', epochs: 1, stepMetrics: [1, 2, 3].map(point) },
        }),
      ),
    );
    try {
      await page.goto(`${web.url}/experiments/${exp.id}`);
      await page.waitForSelector('[data-testid="step-loss-chart"][data-rows="3"] .recharts-line');
      // The TRAIN job writes more points; the page polls a running experiment and redraws without a reload.
      await db.prisma.network.update({ where: { id: nets[0]!.id }, data: { stepMetrics: [1, 2, 3, 4, 5, 6].map(point) } });
      await page.waitForSelector('[data-testid="step-loss-chart"][data-rows="6"]', { timeout: 20_000 });
      await page.waitForSelector('[data-testid="step-accuracy-chart"][data-rows="6"]');
      await shot('12b-live-step-curves');
      // Before the first bucket of steps closes, the group says the curves are on their way.
      await db.prisma.network.updateMany({ where: { experimentId: exp.id }, data: { stepMetrics: [] } });
      await page.waitForSelector('[data-testid="step-curves-empty"]', { timeout: 20_000 });
      expect(await page.textContent('[data-testid="step-curves-empty"]')).toContain('No training steps recorded yet');
    } finally {
      await db.prisma.experiment.delete({ where: { id: exp.id } });
    }
  });

  it('renders an experiment trained by the engine and stored by the real importer', async () => {
    await page.goto(`${web.url}/experiments/${importedId}`);
    await page.waitForSelector('[data-testid="headline-chart"] .recharts-line');
    expect(await page.locator('[data-testid="arch-group"]').count()).toBe(2);
    expect(await page.locator('[data-testid="legacy-streams"]').count()).toBe(0); // trained with the current streams
    // Per-step curves from the engine's series (120 images, batch 16, 1 epoch: 8 points a network), both seeds.
    await page.waitForSelector('[data-testid="step-loss-chart"] .recharts-line');
    expect(await page.locator('[data-testid="step-curves-empty"]').count()).toBe(0);
    for (const chart of ['step-loss-chart', 'step-accuracy-chart']) {
      const charts = page.locator(`[data-testid="${chart}"]`);
      expect(await charts.count()).toBe(2); // one per architecture
      expect(await charts.first().getAttribute('data-rows')).toBe('8');
      expect(await charts.first().locator('.recharts-line').count()).toBe(2); // one line per seed
      const text = await charts.first().textContent();
      expect(text).toContain('training samples seen');
      expect(text).toContain(chart === 'step-loss-chart' ? 'training loss' : 'batch accuracy');
      expect(text).toContain('seed 1');
      expect(text).toContain('seed 2');
      expect(await charts.first().getAttribute('aria-label')).toMatch(/against training samples seen/);
    }
    // Exported like the other figures: PNG / SVG per chart, CSV of every point.
    const group = page.locator('[data-testid="step-curves"]').first();
    expect(await group.locator('button[aria-label^="download step-loss-"][aria-label$="as SVG"]').count()).toBe(1);
    const [csv] = await Promise.all([page.waitForEvent('download'), group.locator('button[aria-label$="as CSV"]').click()]);
    const csvFile = path.join(tmp, `dl-${csv.suggestedFilename()}`);
    await csv.saveAs(csvFile);
    expect(csv.suggestedFilename()).toMatch(/^step-curves-.+\.csv$/);
    const csvText = readFileSync(csvFile, 'utf8');
    const lines = csvText.trim().split(/\r?\n/);
    expect(lines[0]).toBe('architecture,network,seed,step,epoch,samples,loss,batch_accuracy');
    expect(lines).toHaveLength(1 + 2 * 8);
    await shot('13-imported-experiment');
    await page.click('[data-testid="open-pair"]');
    await page.waitForURL(/\/pair\?/);
    const stats = await canvasStats(page);
    expect(stats.width * stats.height).toBeGreaterThan(1);
    expect(stats.opaque).toBe(stats.width * stats.height);
    expect(stats.colours).toBeGreaterThan(3);
    await page.waitForSelector('[data-testid="best-matches"] [data-testid="unit-link"]');
    await shot('14-imported-pair');
    await page.click('[data-testid="best-matches"] [data-testid="unit-link"] >> nth=0');
    await page.waitForURL(/\/units\/[^/]+$/);
    await page.waitForFunction(() => {
      const imgs = [...document.querySelectorAll('[data-testid="unit-top-images"] img')] as HTMLImageElement[];
      return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0);
    });
    await shot('15-imported-unit');
  });

  it('shows API errors: unknown id, another team’s id, a rejected spec and no session', async () => {
    await page.goto(`${web.url}/experiments/no-such-experiment`);
    await page.waitForSelector('[data-testid="not-found"]');
    expect(await page.textContent('[data-testid="not-found"]')).toContain('no-such-experiment');
    await shot('10-error-unknown-id');

    // Another team's id is indistinguishable from an unknown one.
    await page.goto(`${web.url}/experiments/${seed.otherTeamExperimentId}`);
    await page.waitForSelector('[data-testid="not-found"]');

    await page.goto(`${web.url}/?new=1&tab=json`);
    await page.fill('textarea', JSON.stringify({ name: 'bad', dataset: 'fashion-mnist', split: { seed: 1, validation: 10, probe: 10 }, architectures: ['lenet'], seeds: [1, 1], training: { epochs: 1, batchSize: 8, optimizer: 'adam', learningRate: 0.001 } }));
    await page.waitForSelector('[data-testid="spec-problems"]');
    expect(await page.textContent('[data-testid="spec-problems"]')).toContain('seeds');
    expect(await page.isDisabled('button:has-text("Create and queue jobs")')).toBe(true);
    await shot('11-error-spec');

    // A browser without a session (a fresh context) is told how to sign in.
    const signedOut = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const p2 = await signedOut.newPage();
    await p2.goto(`${web.url}/`);
    await p2.waitForSelector('[data-testid="api-error"]');
    expect(await p2.textContent('[data-testid="api-error"]')).toContain('UNAUTHENTICATED');
    expect(await p2.textContent('[data-testid="sign-in-hint"]')).toContain('Sign in');
    await p2.screenshot({ path: path.join(artifacts, '12-error-signed-out.png'), fullPage: true });
    await signedOut.close();
  });
});
