/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * End-to-end: launching and managing experiments from the dashboard, comparing across experiments, exporting,
 * accessibility (axe-core) and layout at 1440 and 390 px, in headless Chromium against a real API with an embedded
 * job worker on a temporary PGlite database. The experiment created through the form really trains (MNIST, a small
 * MLP, a few hundred images) in the worker.
 *
 * Screenshots of every page at both widths go to docs/screenshots/ (README) when E2E_SCREENSHOTS=1, else to
 * test/e2e/artifacts/. Time to interactive per page is printed, not asserted (benchmarks print, tests check).
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../apps/api/src/db/database.ts';
import { importTinyResult, importTrustResult, seedDashboard, type DashboardSeed } from './support/seed-dashboard.ts';
import { signedInPage, startE2eStack, type E2eStack } from './support/stack.ts';
import { repoRoot, type WebApp } from './support/web-app.ts';

const artifacts = path.join(repoRoot, 'test/e2e/artifacts');
const screenshots = process.env.E2E_SCREENSHOTS === '1' ? path.join(repoRoot, 'docs/screenshots') : path.join(artifacts, 'pages');
const log = (m: string) => console.log(`[e2e] ${m}`);

let stack: E2eStack;
let tmp: string;
let db: Database;
let web: WebApp;
let context: BrowserContext;
let page: Page;
let seed: DashboardSeed;
let importedId: string;
let trustId: string;
let createdId: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  mkdirSync(screenshots, { recursive: true });
  stack = await startE2eStack({
    name: 'manage',
    log,
    seed: async (database, dir) => {
      seed = await seedDashboard(database.prisma);
      importedId = await importTinyResult(database.prisma, seed.teamId, dir);
      trustId = await importTrustResult(database.prisma, seed.teamId, dir);
    },
    api: { embeddedWorker: true, log: (m) => (process.env.E2E_VERBOSE ? log(`api: ${m}`) : undefined) },
  });
  ({ tmp, db, web } = stack);
  ({ context, page } = await signedInPage(stack, { teamId: seed.teamId, name: 'e2e manage', viewport: { width: 1440, height: 900 }, log, pageErrors }));
}, 20 * 60_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await stack?.close();
}, 120_000);

const statusOf = async (p: Page) => ((await p.locator('h1 .badge').textContent()) ?? '').trim();

/** Wait until the experiment page's status badge reads one of `wanted`; returns every status seen on the way. */
async function watchStatus(p: Page, wanted: string[], timeoutMs: number): Promise<string[]> {
  const seen: string[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await statusOf(p).catch(() => '');
    if (s && seen[seen.length - 1] !== s) seen.push(s);
    if (wanted.includes(s)) return seen;
    if (Date.now() > deadline) throw new Error(`status stayed ${JSON.stringify(seen)}; wanted ${wanted.join(' or ')}`);
    await p.waitForTimeout(250);
  }
}

async function download(p: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([p.waitForEvent('download'), click()]);
  const file = path.join(tmp, `dl-${Date.now()}-${d.suggestedFilename()}`);
  await d.saveAs(file);
  return { name: d.suggestedFilename(), bytes: readFileSync(file) };
}

describe('launch, manage, compare, export', { timeout: 300_000 }, () => {
  it('creates an experiment through the form (validated live by the API) and watches it train to completion', async () => {
    await page.goto(`${web.url}/?new=1`);
    await page.waitForSelector('[data-testid="spec-form"]');
    // A misspelt dataset in the JSON tab is named at once, and the form cannot submit it.
    await page.click('button:has-text("JSON (advanced)")');
    const base = JSON.parse(await page.inputValue('textarea'));
    await page.fill('textarea', JSON.stringify({ ...base, dataset: 'fashion_mnist' }, null, 2));
    await page.waitForSelector('[data-testid="spec-problems"]:has-text("fashion_mnist")');
    expect(await page.textContent('[data-testid="spec-problems"]')).toContain('is not a built-in dataset');
    expect(await page.isDisabled('button:has-text("Create and queue jobs")')).toBe(true);
    await page.click('button[aria-pressed="false"]:has-text("Form")');
    await page.waitForSelector('[data-testid="spec-form"]');

    await page.fill('#spec-name', 'e2e form experiment');
    await page.selectOption('#spec-dataset', 'mnist');
    await page.fill('#spec-split-probe', '60');
    await page.fill('#spec-split-validation', '100');
    await page.getByRole('checkbox', { name: 'lenet', exact: true }).uncheck();
    await page.getByRole('checkbox', { name: 'mlp', exact: true }).check();
    await page.fill('#spec-seeds', '2');
    await page.fill('#spec-training-epochs', '1');
    await page.fill('#spec-training-batchSize', '32');
    await page.fill('#spec-training-learningRate', '0.003');
    await page.fill('#spec-training-trainLimit', '400');
    for (const m of ['mi', 'cka', 'sparse', 'spectral']) await page.getByRole('checkbox', { name: m, exact: true }).uncheck();
    // A bad number is reported at its field by the API's validator.
    await page.fill('#spec-training-epochs', '0');
    await page.waitForSelector('.field-error:has-text("training.epochs")');
    await page.fill('#spec-training-epochs', '1');
    await page.waitForSelector('[data-testid="spec-validation"][data-ok="true"][data-stale="false"]');
    expect(await page.textContent('[data-testid="spec-validation"]')).toContain('trains 2 networks');
    expect(await page.textContent('[data-testid="spec-validation"]')).toContain('semi, max');
    await page.screenshot({ path: path.join(artifacts, '20-form.png'), fullPage: true });

    // The JSON tab shows exactly what the form set.
    await page.click('button:has-text("JSON (advanced)")');
    const spec = JSON.parse(await page.inputValue('textarea'));
    expect(spec).toMatchObject({
      name: 'e2e form experiment',
      dataset: 'mnist',
      split: { probe: 60, validation: 100 },
      architectures: ['mlp'],
      seeds: [1, 2],
      training: { epochs: 1, batchSize: 32, learningRate: 0.003, trainLimit: 400 },
      methods: ['semi', 'max'],
    });
    await page.click('button:has-text("Create and queue jobs")');
    await page.waitForURL(/\/experiments\/[^/?]+$/);
    createdId = new URL(page.url()).pathname.split('/').pop()!;
    const t0 = Date.now();
    const seen = await watchStatus(page, ['completed', 'failed'], 240_000);
    log(`form experiment: statuses ${seen.join(' → ')} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    expect(seen[seen.length - 1]).toBe('completed');
    expect(seen.length).toBeGreaterThan(1); // it was seen queued or running first
    await page.waitForSelector('[data-testid="headline-chart"] .recharts-line');
    expect(await page.locator('[data-testid="runs-table"] tbody tr').count()).toBe(2); // 2 seeds (untrained twins are chance baselines, not runs)
    expect(await page.textContent('.stats')).toContain('60'); // probe images
  });

  it('clones it into the form, cancels and retries the clone, then deletes it after confirmation', async () => {
    await page.click('text=Clone into the form');
    await page.waitForURL(/clone=/);
    await page.waitForFunction(() => (document.querySelector('#spec-name') as HTMLInputElement | null)?.value.endsWith('(copy)'));
    // Enough work that it is still running when cancelled.
    await page.fill('#spec-training-epochs', '3');
    await page.fill('#spec-training-trainLimit', '20000');
    await page.waitForSelector('[data-testid="spec-validation"][data-ok="true"][data-stale="false"]');
    await page.click('button:has-text("Create and queue jobs")');
    await page.waitForURL(/\/experiments\/[^/?]+$/);
    const cloneId = new URL(page.url()).pathname.split('/').pop()!;
    expect(cloneId).not.toBe(createdId);
    await watchStatus(page, ['running'], 60_000);
    await page.click('button:has-text("Cancel")');
    await watchStatus(page, ['cancelled'], 60_000);
    await page.click('button:has-text("Retry")');
    await watchStatus(page, ['queued', 'running'], 30_000);
    await page.click('button:has-text("Cancel")');
    await watchStatus(page, ['cancelled'], 60_000);
    await page.click('button:has-text("Delete…")');
    expect(await page.textContent('[role="alertdialog"]')).toContain('cannot be undone');
    await page.click('button:has-text("Keep it")'); // the confirmation can be dismissed
    expect(await page.locator('[role="alertdialog"]').count()).toBe(0);
    await page.click('button:has-text("Delete…")');
    await page.click('button:has-text("Delete for good")');
    await page.waitForURL(`${web.url}/`);
    await page.waitForSelector('[data-testid="experiments-table"]');
    expect(await page.textContent('[data-testid="experiments-table"]')).not.toContain('(copy)');
    expect(await db.prisma.experiment.count({ where: { id: cloneId } })).toBe(0);
  });

  it('runs table: filters, sorts, groups, and compares selected rows; Back undoes each view change', async () => {
    await page.goto(`${web.url}/experiments/${seed.seeded.experimentId}`);
    await page.waitForSelector('[data-testid="runs-table"]');
    const rows = () => page.locator('[data-testid="runs-table"] tbody tr:not(.group-row)');
    expect(await rows().count()).toBe(5); // trained networks (the untrained twin is the chance baseline)
    await page.getByLabel('filter by architecture').selectOption('wide');
    await page.waitForURL(/rarch=wide/);
    expect(await rows().count()).toBe(2);
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('rarch'));
    expect(await rows().count()).toBe(5);
    await page.fill('input[placeholder="e.g. x2, untrained"]', 'wide');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="runs-table"] tbody tr').length === 2);
    await page.fill('input[placeholder="e.g. x2, untrained"]', '');
    await page.click('button.sort:has-text("val accuracy")');
    await page.click('button.sort:has-text("val accuracy")');
    await page.waitForURL(/rdir=desc/);
    const accs = await rows().locator('td:nth-child(6)').allTextContents();
    const nums = accs.map((a) => Number.parseFloat(a)).filter((x) => Number.isFinite(x));
    expect(nums).toEqual([...nums].sort((a, b) => b - a));
    await page.getByLabel('group runs by').selectOption('seed');
    await page.waitForSelector('tr.group-row');
    expect(await page.locator('tr.group-row').count()).toBe(3); // seeds 1, 2, 3
    await page.getByLabel('group runs by').selectOption('none');
    // Selection lives in the URL (sel=…): click, then wait for the URL rather than for the box itself.
    await page.getByLabel('select small-s1').click();
    await page.waitForURL(/sel=[^&]+/);
    await page.getByLabel('select wide-s1').click();
    await page.waitForURL(/sel=[^&]+(%2C|,)[^&]+/);
    expect(await page.getByLabel('select wide-s1').isChecked()).toBe(true);
    await page.click('[data-testid="compare-selected"]');
    await page.waitForSelector('[data-testid="config-diff"]');
    expect(await page.textContent('[data-testid="config-diff"]')).toContain('architecture');

    // Pair view: a layer switch is a history entry.
    const nets = seed.seeded.networks;
    await page.goto(`${web.url}/experiments/${seed.seeded.experimentId}/pair?a=${nets[0]!.id}&b=${nets[1]!.id}&layer=conv1`);
    await page.waitForSelector('canvas[data-testid="heatmap"][data-drawn]');
    await page.selectOption('select[aria-label="layer"]', 'fc1');
    await page.waitForURL(/layer=fc1/);
    await page.goBack();
    await page.waitForURL(/layer=conv1/);
    await page.waitForSelector('select[aria-label="layer"] >> option:checked:has-text("conv1")', { state: 'attached' });
  });

  it('compares two networks of two experiments: the full config diff and why they have no alignment', async () => {
    const refNet = (await db.prisma.network.findFirst({ where: { experimentId: createdId, untrained: false }, orderBy: { seed: 'asc' } }))!;
    const other = (await db.prisma.network.findFirst({ where: { experimentId: importedId, untrained: false } }))!;
    await page.goto(`${web.url}/compare?ref=${refNet.id}&others=${other.id}`);
    await page.waitForSelector('[data-testid="config-diff"]');
    const diff = await page.textContent('[data-testid="config-diff"]');
    for (const p of ['experiment.dataset', 'experiment.name', 'experiment.split.probe', 'experiment.training.learningRate', 'experiment.training.trainLimit', 'architecture']) expect(diff).toContain(p);
    // Not the same probe images (MNIST against the synthetic set): no button, the exact reasons instead.
    await page.waitForSelector('[data-testid="align-reasons"]');
    const reasons = await page.textContent('[data-testid="align-reasons"]');
    expect(reasons).toContain('These networks cannot be aligned');
    expect(reasons).toMatch(/the probe images differ \(dataset[^)]*\): experiment “e2e form experiment” probes \d+ images of mnist/);
    expect(await page.locator('[data-testid="align-button"]').count()).toBe(0);
    await page.waitForSelector('[data-testid="no-alignment-reason"]');
    expect(await page.textContent('[data-testid="no-alignment-reason"]')).toContain('Cannot be aligned: the probe images differ');
    await page.screenshot({ path: path.join(artifacts, '21-compare-across.png'), fullPage: true });

    // Within one experiment the difference panels share one colour scale.
    const nets = seed.seeded.networks.filter((n) => !n.untrained);
    await page.goto(`${web.url}/compare?ref=${nets[0]!.id}&others=${nets[1]!.id},${nets[2]!.id}`);
    await page.waitForFunction(() => document.querySelectorAll('canvas[data-testid="heatmap"][data-drawn]').length === 2);
    const labels = await page.locator('[data-testid="difference-panel"] .colorbar-labels').allTextContents();
    expect(labels).toHaveLength(2);
    expect(labels[0]).toBe(labels[1]);
  });

  it('aligns two networks of two experiments on demand (same probe images): queues the job, shows its result, opens the pair', async () => {
    const refNet = (await db.prisma.network.findFirst({ where: { experimentId: importedId, untrained: false }, orderBy: { name: 'asc' } }))!;
    // Another seed of the same architecture (the same seed trains to the same weights in both results: correlation 1).
    const other = (await db.prisma.network.findFirst({ where: { experimentId: trustId, untrained: false, arch: refNet.arch, seed: { not: refNet.seed } }, orderBy: { name: 'asc' } }))!;
    await page.goto(`${web.url}/compare?ref=${refNet.id}&others=${other.id}`);
    await page.waitForSelector('[data-testid="align-button"]');
    expect(await page.textContent('[data-testid="no-alignment-reason"]')).toContain('Not aligned yet');
    const t0 = Date.now();
    await page.click('[data-testid="align-button"]');
    // Each layer's alignment shows as soon as it is stored; the job is done once both are.
    await page.waitForSelector('[data-testid="cross-aligned"]:has-text("(job done)")', { timeout: 120_000 });
    log(`on-demand alignment queued, run and shown in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    expect(await page.locator('[data-testid="cross-pair-link"]').allTextContents()).toEqual([expect.stringMatching(/^conv1 \(-?\d/), expect.stringMatching(/^fc1 \(-?\d/)]);
    // The per-layer figures and the difference matrix now include the pair, like a pair of one experiment.
    await page.waitForSelector('canvas[data-testid="heatmap"][data-drawn]', { timeout: 30_000 });
    expect(await page.locator('[data-testid="no-alignment-reason"]').count()).toBe(0);
    const stored = await db.prisma.alignment.findFirstOrThrow({ where: { networkAId: refNet.id, networkBId: other.id, layerName: 'conv1', method: 'HUNGARIAN' } });
    expect(stored).toMatchObject({ experimentId: importedId, crossExperimentId: trustId, status: 'COMPLETED' });
    await page.screenshot({ path: path.join(artifacts, '22-compare-aligned-on-demand.png'), fullPage: true });

    await page.click('[data-testid="cross-pair-link"] >> nth=0');
    await page.waitForSelector('[data-testid="cross-experiment-pair"]');
    expect(await page.textContent('[data-testid="cross-experiment-pair"]')).toContain('imported trust result');
    await page.waitForSelector('canvas[data-testid="heatmap"][data-drawn]', { timeout: 30_000 });
    expect(await page.locator('[data-testid="not-aligned"]').count()).toBe(0);
  });

  it('pair and unit pages: dead units, a = b, unknown layer, 404s', async () => {
    const nets = seed.seeded.networks;
    const pair = (a: string, b: string, layer: string) => `${web.url}/experiments/${seed.seeded.experimentId}/pair?a=${a}&b=${b}&layer=${layer}`;
    await page.goto(pair(nets[0]!.id, nets[0]!.id, 'conv1'));
    await page.waitForSelector('[data-testid="not-aligned"]');
    expect(await page.textContent('[data-testid="not-aligned"]')).toContain('the same network');
    await page.goto(pair(nets[0]!.id, nets[1]!.id, 'nope'));
    await page.waitForSelector('[data-testid="not-found"]');
    expect(await page.textContent('[data-testid="not-found"]')).toContain('layer');
    await page.goto(`${web.url}/experiments/no-such-id`);
    await page.waitForSelector('[data-testid="not-found"]');
    // The seeder makes each layer's last unit dead.
    const deadUnit = nets[0]!.layers['fc1']!.unitIds.at(-1)!;
    await page.goto(`${web.url}/units/${deadUnit}`);
    await page.waitForSelector('[data-testid="dead-unit"]');
    expect(await page.locator('[data-testid="unit-top-images"]').count()).toBe(0);
    // Worst matched leaves dead units out.
    await page.goto(pair(nets[0]!.id, nets[1]!.id, 'fc1'));
    await page.waitForSelector('[data-testid="worst-matches"] [data-testid="unit-link"]');
    const worst = await page.locator('[data-testid="worst-matches"] [data-testid="unit-link"]').allTextContents();
    const units = nets[0]!.layers['fc1']!.units;
    expect(worst.some((w) => w === `A unit ${units - 1}` || w === `B unit ${units - 1}`)).toBe(false);
    expect(await page.textContent('.stats')).toMatch(/\d+probe images/); // a number, not a dash
    const favicon = await fetch(`${web.url}/favicon.ico`);
    expect(favicon.status).toBe(200);
  });

  it('overview: switches methods, each with its interval, matched chance, shuffled null and live-unit counts', async () => {
    await page.goto(`${web.url}/experiments/${trustId}`);
    await page.waitForSelector('[data-testid="headline-chart"] .recharts-line');
    const cells = (testId: string) => page.locator(`[data-testid="convergence-table"] [data-testid="${testId}"]`).allTextContents();
    // Three seeds of two architectures: conv1 has 3 × 12 + 3 × 16 units, fc1 3 × 16 + 3 × 24.
    const live = await cells('live-count');
    expect(live.map((t) => t.split('/')[1]!.trim())).toEqual(['84', '120']);
    for (const t of live) expect(Number(t.split('/')[0])).toBeLessThanOrEqual(Number(t.split('/')[1]));
    const legend = await page.textContent('[data-testid="headline-chart"] .recharts-legend-wrapper');
    for (const mark of ['95% CI', 'matched chance', 'shuffled-probe null']) expect(legend).toContain(mark);
    const axes = await page.locator('[data-testid="headline-chart"] .recharts-label').allTextContents();
    expect(axes.join(' ')).toContain('layer');
    expect(axes.join(' ')).toContain('matched correlation r');
    expect(legend).toContain('higher is better');
    const options = await page.locator('select[aria-label="method"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toEqual(expect.arrayContaining(['max', 'semi', 'mi', 'cka', 'cka-debiased', 'sparse', 'sparse-held-out', 'spectral']));
    expect(options).toEqual(expect.arrayContaining(['svcca', 'pwcca', 'procrustes', 'knn']));
    // The trust fixture computes the paper's methods only: the newer measures say so instead of drawing nothing.
    for (const id of ['svcca', 'knn']) {
      await page.selectOption('select[aria-label="method"]', id);
      await page.waitForURL(new RegExp(`method=${id}(&|$)`));
      const label = await page.locator(`select[aria-label="method"] option[value="${id}"]`).textContent();
      await page.waitForFunction((l) => document.body.textContent?.includes(`No ${l} figures for this experiment yet`), label);
    }
    const computed = options.filter((o) => !['svcca', 'pwcca', 'procrustes', 'knn'].includes(o));
    for (const id of computed) {
      await page.selectOption('select[aria-label="method"]', id);
      if (id === 'max') await page.waitForURL((u) => !u.searchParams.has('method'));
      else await page.waitForURL(new RegExp(`method=${id}(&|$)`));
      const label = await page.locator(`select[aria-label="method"] option[value="${id}"]`).textContent();
      await page.waitForFunction((l) => document.querySelector('[data-testid="convergence-table"] caption')?.textContent?.startsWith(l ?? ''), label);
      await page.waitForSelector('[data-testid="headline-chart"] .recharts-errorBars, [data-testid="headline-chart"] .recharts-errorBar', { state: 'attached' });
      // Every layer: an interval that brackets the mean, a matched chance, a verdict; warnings name what is at or below chance.
      const rows = page.locator('[data-testid="convergence-row"]');
      expect(await rows.count()).toBe(2);
      const caption = (await page.textContent('[data-testid="method-caption"]')) ?? '';
      expect(caption).toContain(id.startsWith('sparse') ? 'lower is better' : 'higher is better');
      for (let i = 0; i < 2; i++) {
        const [, , , mean, ci, chance, , , , verdict] = await rows.nth(i).locator('td').allTextContents();
        const [lo, hi] = ci!.replace(/[[\]]/g, '').split(',').map(Number);
        expect(lo!, `${id} row ${i}: ${ci}`).toBeLessThanOrEqual(Number(mean) + 1e-3);
        expect(hi!, `${id} row ${i}: ${ci}`).toBeGreaterThanOrEqual(Number(mean) - 1e-3);
        expect(Number.isFinite(Number(chance)), `${id} chance ${chance}`).toBe(true);
        if (verdict === 'at or below chance') {
          const layer = await rows.nth(i).locator('td').first().textContent();
          expect(await page.textContent('[data-testid="convergence-warnings"]')).toContain(`${layer}: the trained figure`);
        }
      }
    }
    // The method is a history entry: Back returns to the previous method.
    await page.goBack();
    await page.waitForURL(new RegExp(`method=${computed.at(-2)}(&|$)`));
    // Counting dead units is a toggle in the URL; the table says which units it is over.
    await page.selectOption('select[aria-label="method"]', 'max');
    // The box mirrors the URL, so it turns checked once the navigation lands: click, then wait for the URL.
    await page.click('[data-testid="include-dead"]');
    await page.waitForURL(/dead=1/);
    await page.waitForSelector('[data-testid="include-dead"]:checked');
    await page.waitForFunction(() => document.querySelector('[data-testid="convergence-table"] caption')?.textContent?.includes('all units'));
    // Two seeds per architecture: no interval, and the page says why.
    await page.goto(`${web.url}/experiments/${importedId}`);
    await page.waitForSelector('[data-testid="convergence-warnings"]');
    expect(await page.textContent('[data-testid="convergence-warnings"]')).toMatch(/no interval — needs at least 3 networks/);
    expect((await cells('ci'))[0]).toBe('none');
    await page.goto(`${web.url}/experiments/${trustId}?method=spectral`);
    await page.waitForSelector('[data-testid="headline-chart"] .recharts-line');
    await page.screenshot({ path: path.join(artifacts, '22-overview-spectral.png'), fullPage: true });
    // Pair view: held-out FVU next to the in-sample curve; spectral headline is cluster mixing.
    // Sparse prediction is directional: open the pair in its stored direction (A predicts B).
    const sparse = (await db.prisma.alignment.findFirst({
      where: { experimentId: trustId, method: 'SPARSE', layerName: 'fc1', networkA: { untrained: false }, networkB: { untrained: false } },
    }))!;
    await page.goto(`${web.url}/experiments/${trustId}/pair?a=${sparse.networkAId}&b=${sparse.networkBId}&layer=fc1`);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="sparse-fvu"] .recharts-line').length === 2);
    const sparseLegend = await page.textContent('[data-testid="sparse-fvu"] .recharts-legend-wrapper');
    expect(sparseLegend).toContain('FVU in sample');
    expect(sparseLegend).toContain('FVU held out');
    expect(await page.textContent('[data-testid="cluster-mixing"]')).toMatch(/cluster mixing \d\.\d{3} · shuffled-probe null \d\.\d{3}/);
  });

  it('exports figures as PNG and SVG and tables as CSV', async () => {
    await page.goto(`${web.url}/experiments/${seed.seeded.experimentId}`);
    await page.waitForSelector('[data-testid="headline-chart"] .recharts-line');
    const png = await download(page, () => page.click(`button[aria-label="download convergence-max-${seed.seeded.experimentId} as PNG"]`));
    expect(png.name).toBe(`convergence-max-${seed.seeded.experimentId}.png`);
    expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(400); // width at 2x
    const svg = await download(page, () => page.click(`button[aria-label="download convergence-max-${seed.seeded.experimentId} as SVG"]`));
    expect(svg.bytes.toString()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.bytes.toString()).toContain('recharts-line');
    const csv = await download(page, () => page.click(`button[aria-label="download runs-${seed.seeded.experimentId} as CSV"]`));
    const lines = csv.bytes.toString().trim().split('\r\n');
    expect(lines[0]).toBe('network,id,architecture,seed,status,val_accuracy,untrained,backend,tags');
    expect(lines).toHaveLength(6);
    const conv = await download(page, () => page.click(`button[aria-label="download convergence-max-${seed.seeded.experimentId} as CSV"]`));
    expect(conv.bytes.toString().split('\r\n')[0]).toBe('layer,pairs,units (live / total),mean,95% interval,matched chance,shuffled null,p (vs chance),permutations,verdict');

    const nets = seed.seeded.networks;
    await page.goto(`${web.url}/experiments/${seed.seeded.experimentId}/pair?a=${nets[0]!.id}&b=${nets[1]!.id}&layer=conv1`);
    await page.waitForSelector('canvas[data-testid="heatmap"][data-drawn]');
    const heat = await download(page, () => page.locator('.exportable:has(canvas[data-testid="heatmap"]) button:has-text("PNG")').first().click());
    expect(heat.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(heat.bytes.readUInt32BE(16) % 24).toBe(0); // whole pixels per matrix cell
    const heatSvg = await download(page, () => page.locator('.exportable:has(canvas[data-testid="heatmap"]) button:has-text("SVG")').first().click());
    expect(heatSvg.bytes.toString()).toContain('<linearGradient');
  });
});

interface PageCase {
  name: string;
  url: () => string;
  ready: string;
}

describe('every page: axe-core, layout at 1440 and 390 px, time to interactive, screenshots', { timeout: 600_000 }, () => {
  it('has no serious or critical axe violations and no horizontal overflow', async () => {
    const nets = seed.seeded.networks;
    const trained = nets.filter((n) => !n.untrained);
    const pages: PageCase[] = [
      { name: 'experiments', url: () => `${web.url}/`, ready: '[data-testid="experiments-table"]' },
      { name: 'new-experiment', url: () => `${web.url}/?new=1`, ready: '[data-testid="spec-validation"][data-ok]' },
      { name: 'experiment', url: () => `${web.url}/experiments/${seed.seeded.experimentId}`, ready: '[data-testid="headline-chart"] .recharts-line' },
      { name: 'experiment-trust', url: () => `${web.url}/experiments/${trustId}?method=cka`, ready: '[data-testid="headline-chart"] .recharts-line' },
      { name: 'findings', url: () => `${web.url}/experiments/${trustId}/findings`, ready: '[data-testid="finding-trained-vs-chance"]' },
      { name: 'experiment-created', url: () => `${web.url}/experiments/${createdId}`, ready: '[data-testid="runs-table"]' },
      { name: 'pair', url: () => `${web.url}/experiments/${seed.seeded.experimentId}/pair?a=${nets[0]!.id}&b=${nets[1]!.id}&layer=conv1`, ready: 'canvas[data-testid="heatmap"][data-drawn]' },
      { name: 'unit', url: () => `${web.url}/units/${nets[0]!.layers['conv1']!.unitIds[0]}`, ready: '[data-testid="best-matches-table"]' },
      { name: 'unit-dead', url: () => `${web.url}/units/${nets[0]!.layers['fc1']!.unitIds.at(-1)}`, ready: '[data-testid="dead-unit"]' },
      { name: 'compare', url: () => `${web.url}/compare?ref=${trained[0]!.id}&others=${trained[1]!.id},${trained[3]!.id}`, ready: 'canvas[data-testid="heatmap"][data-drawn]' },
      { name: 'compare-experiments', url: () => `${web.url}/compare?kind=EXPERIMENT&ref=${seed.seeded.experimentId}&others=${importedId}`, ready: '[data-testid="compare-chart"] .recharts-line' },
      { name: 'settings', url: () => `${web.url}/settings`, ready: '[data-testid="connected"]' },
      { name: 'not-found', url: () => `${web.url}/experiments/no-such-experiment`, ready: '[data-testid="not-found"]' },
    ];
    const report: string[] = [];
    const problems: string[] = [];
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      for (const p of pages) {
        const t0 = Date.now();
        await page.goto(p.url());
        await page.waitForSelector(p.ready, { timeout: 60_000 });
        const tti = Date.now() - t0;
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        const navClipped = await page.evaluate(() => [...document.querySelectorAll('.topbar a')].some((a) => a.getBoundingClientRect().right > window.innerWidth));
        const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        for (const v of bad) problems.push(`${p.name} @${width}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        if (overflow > 0) {
          // Name the widest offenders: elements whose right edge passes the window and whose children do not.
          const culprits = await page.evaluate(() =>
            [...document.querySelectorAll('main *')]
              .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 && ![...el.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5))
              .slice(0, 4)
              .map((el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}[${Math.round(el.getBoundingClientRect().right)}]`),
          );
          problems.push(`${p.name} @${width}: page is ${overflow} px wider than the window (${culprits.join(', ')})`);
        }
        if (navClipped) problems.push(`${p.name} @${width}: navigation clipped`);
        report.push(`${p.name.padEnd(20)} ${String(width).padStart(4)} px  interactive in ${String(tti).padStart(5)} ms  axe: ${axe.violations.length} violations (${bad.length} serious/critical)`);
        await page.screenshot({ path: path.join(screenshots, `${p.name}-${width}.png`) });
      }
    }
    log(`time to interactive (goto → the page's main figure or table drawn), seeded data:\n${report.join('\n')}`);
    // The experiment trained through the form has per-step training curves, below the fold of its page: its own shot.
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${web.url}/experiments/${createdId}`);
    const curves = page.getByTestId('step-curves').first();
    await curves.locator('[data-testid="step-loss-chart"] .recharts-line').first().waitFor({ timeout: 60_000 });
    await curves.screenshot({ path: path.join(screenshots, 'experiment-step-curves-1440.png') });
    expect(problems).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
