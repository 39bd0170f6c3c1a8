/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * End-to-end: consensus and stitching in the dashboard (issue 16), in headless Chromium against a real API on a
 * temporary PGlite database, on a result the engine really computed (importConsensusResult: one architecture, three
 * seeds, untrained twins, methods max + consensus + stitch) and stored through the real importer.
 * - the overview's consensus panel (trained vs matched chance per layer, as stored) and stitching panel (per layer
 *   and map, against B's own and chance), with their exports; the empty states of a result without them;
 * - the consensus view: its URL restores the layer, every row is a consensus unit found in every network, no unit
 *   shown is dead, each with its top images;
 * - the pair page's stitching table;
 * - axe-core (no serious or critical violations) and no horizontal overflow at 1440 and 390 px; screenshots go to
 *   docs/screenshots/ when E2E_SCREENSHOTS=1, else to test/e2e/artifacts/pages.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsensusFamily, StitchLayerRecord } from '@convergent/engine/contracts';
import type { Database } from '../../apps/api/src/db/database.ts';
import { seedTeam } from '../../apps/api/test/seed.ts';
import { importConsensusResult, importTinyResult } from './support/seed-dashboard.ts';
import { signedInPage, startE2eStack, type E2eStack } from './support/stack.ts';
import { repoRoot, type WebApp } from './support/web-app.ts';

const artifacts = path.join(repoRoot, 'test/e2e/artifacts');
const screenshots = process.env.E2E_SCREENSHOTS === '1' ? path.join(repoRoot, 'docs/screenshots') : path.join(artifacts, 'pages');
const log = (m: string) => console.log(`[e2e consensus] ${m}`);

let stack: E2eStack;
let tmp: string;
let db: Database;
let web: WebApp;
let context: BrowserContext;
let page: Page;
let teamId: string;
let consensusId: string;
let tinyId: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  mkdirSync(screenshots, { recursive: true });
  stack = await startE2eStack({
    name: 'consensus',
    log,
    seed: async (db, dir) => {
      teamId = (await seedTeam(db.prisma, 'e2e consensus team')).teamId;
      consensusId = await importConsensusResult(db.prisma, teamId, dir);
      tinyId = await importTinyResult(db.prisma, teamId, dir);
    },
  });
  ({ tmp, db, web } = stack);
  ({ context, page } = await signedInPage(stack, { teamId, name: 'e2e consensus', viewport: { width: 1440, height: 900 }, log, pageErrors }));
}, 20 * 60_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await stack?.close();
}, 120_000);

async function download(p: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([p.waitForEvent('download'), click()]);
  const file = path.join(tmp, `dl-${Date.now()}-${d.suggestedFilename()}`);
  await d.saveAs(file);
  return { name: d.suggestedFilename(), bytes: readFileSync(file) };
}

const stored = async () => {
  const consensus = await db.prisma.layerConsensus.findMany({ where: { experimentId: consensusId } });
  const stitching = await db.prisma.stitchLayer.findMany({ where: { experimentId: consensusId } });
  return {
    consensus: new Map(consensus.map((c) => [c.layerName, { ...c, trained: c.trained as unknown as ConsensusFamily, chance: c.chance as unknown as ConsensusFamily | null }])),
    stitching: new Map(stitching.map((s) => [s.layerName, { ...s, summary: s.summary as unknown as StitchLayerRecord['summary'] }])),
  };
};

describe('consensus and stitching', { timeout: 300_000 }, () => {
  it('overview: consensus per layer against matched chance, stitching per layer and map against B’s own and chance, with exports', async () => {
    const { consensus, stitching } = await stored();
    expect([...consensus.keys()].sort()).toEqual(['conv1', 'fc1']);
    expect([...stitching.keys()].sort()).toEqual(['conv1', 'fc1']);
    await page.goto(`${web.url}/experiments/${consensusId}`);
    await page.waitForSelector('[data-testid="consensus-chart"] .recharts-bar-rectangle');
    const rows = page.locator('[data-testid="consensus-row"]');
    expect(await rows.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      const layer = (await rows.nth(i).locator('td').first().textContent())!;
      const c = consensus.get(layer)!;
      expect(Number(await rows.nth(i).getByTestId('consensus-fraction').textContent())).toBeCloseTo(c.fraction, 3);
      const chance = (await rows.nth(i).getByTestId('consensus-chance').textContent())!;
      if (c.chance) expect(chance).toBe(`${c.chance.fraction.toFixed(3)} (${c.chance.count} / ${c.chance.liveUnits})`);
      else expect(chance).toBe('unavailable');
      // The served Wilson interval brackets the fraction; every layer has a verdict.
      const [lo, hi] = (await rows.nth(i).getByTestId('consensus-ci').textContent())!.replace(/[[\]]/g, '').split(',').map(Number);
      expect(lo!).toBeLessThanOrEqual(c.fraction + 1e-3);
      expect(hi!).toBeGreaterThanOrEqual(c.fraction - 1e-3);
      expect(await rows.nth(i).getByTestId('consensus-verdict').textContent()).toMatch(/^(above chance|at or below chance|inconclusive)$/);
    }
    const legend = (await page.textContent('[data-testid="consensus-chart"] .recharts-legend-wrapper')) ?? '';
    expect(legend).toContain('trained networks');
    expect(legend).toContain('matched chance (untrained twins)');
    const axes = (await page.locator('[data-testid="consensus-chart"] .recharts-label').allTextContents()).join(' ');
    expect(axes).toContain('layer');
    expect(axes).toContain('consensus fraction');
    expect(await page.textContent('[data-testid="consensus-caption"]')).toContain('Wilson 95% interval');
    await page.waitForSelector('[data-testid="consensus-chart"] .recharts-errorBars, [data-testid="consensus-chart"] .recharts-errorBar', { state: 'attached' });

    // Stitching: two layers × three maps, each against the untrained twin's map, B's own and the majority class.
    const srows = page.locator('[data-testid="stitching-row"]');
    expect(await srows.count()).toBe(6);
    const [layer, map, pairs, mean, ci, , chance, , verdict, own, majority] = await srows.nth(5).locator('td').allTextContents();
    const s = stitching.get(layer!)!;
    expect(map).toBe('least-squares map');
    expect(Number(pairs)).toBe(s.summary.linear!.between!.n);
    expect(Number(mean)).toBeCloseTo(s.summary.linear!.between!.mean, 3);
    expect(Number(chance)).toBeCloseTo(s.summary.linear!.chance!.mean, 3);
    expect(Number(own)).toBeCloseTo(s.summary.own!.between!.mean, 3);
    expect(Number(majority)).toBeCloseTo(s.majorityRate, 3);
    const [lo, hi] = ci!.replace(/[[\]]/g, '').split(',').map(Number);
    expect(lo!).toBeLessThanOrEqual(Number(mean) + 1e-3);
    expect(hi!).toBeGreaterThanOrEqual(Number(mean) - 1e-3);
    expect(verdict).toMatch(/^(above chance|at or below chance|inconclusive)$/);
    const sLegend = (await page.textContent('[data-testid="stitching-chart"] .recharts-legend-wrapper')) ?? '';
    for (const mark of ['stitched from trained A', 'untrained twin (matched chance)', 'B’s own accuracy']) expect(sLegend).toContain(mark);
    expect((await page.locator('[data-testid="stitching-chart"] .recharts-label').allTextContents()).join(' ')).toContain('accuracy of B');

    const csv = await download(page, () => page.click(`button[aria-label="download stitching-${consensusId} as CSV"]`));
    expect(csv.bytes.toString().split('\r\n')[0]).toBe('layer,map,pairs,stitched (trained A),95% interval,range over pairs,untrained twin (chance),p (vs chance),verdict,B\'s own,majority class,held-out images');
    const png = await download(page, () => page.click(`button[aria-label="download consensus-${consensusId} as PNG"]`));
    expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
    const svg = await download(page, () => page.click(`button[aria-label="download stitching-${consensusId} as SVG"]`));
    expect(svg.bytes.toString()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);

    // A result whose spec did not ask for them says so instead of drawing nothing.
    await page.goto(`${web.url}/experiments/${tinyId}`);
    await page.waitForSelector('[data-testid="consensus-panel"] .empty');
    expect(await page.textContent('[data-testid="consensus-panel"]')).toContain('did not include the `consensus` method');
    expect(await page.textContent('[data-testid="stitching-panel"]')).toContain('did not include the `stitch` method');
  });

  it('consensus view: the URL restores the layer; every row is found in every network, no unit shown is dead, each with top images', async () => {
    const { consensus } = await stored();
    const fc1 = consensus.get('fc1')!;
    expect(fc1.trained.count, 'the seed must give fc1 consensus units').toBeGreaterThan(0);
    expect(fc1.trained.found.some((f) => f === 0), 'the seed must give fc1 dead reference units').toBe(true);
    await page.goto(`${web.url}/experiments/${consensusId}`);
    await page.waitForSelector('[data-testid="consensus-row"]');
    await page.locator('[data-testid="consensus-row"]', { hasText: 'fc1' }).getByTestId('open-consensus').click();
    await page.waitForURL(/\/consensus\?layer=fc1$/);
    await page.reload();
    await page.waitForSelector('[data-testid="consensus-unit"] .tiles img');
    expect(await page.textContent('h1')).toContain('fc1');
    expect(await page.textContent('[data-testid="consensus-verdict"]')).toMatch(/^(above chance|at or below chance|inconclusive): /);
    const nets = fc1.trained.networks.length;
    const rows = page.locator('[data-testid="consensus-unit-row"]');
    expect(await rows.count()).toBe(Math.min(8, fc1.trained.count));
    for (const t of await page.getByTestId('found-count').allTextContents()) expect(t).toBe(`${nets} / ${nets}`);
    // Each row: one unit per network, linked to its unit page; none of them dead (dead units never agree).
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="consensus-unit"]').length === n, Math.min(8, fc1.trained.count) * nets);
    expect(await page.getByTestId('consensus-dead').count()).toBe(0);
    const unitIds = (await page.locator('[data-testid="consensus-unit"] a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname.split('/').pop()!))).map(Number);
    const units = await db.prisma.unit.findMany({ where: { id: { in: unitIds } }, include: { layer: { include: { network: true } } } });
    expect(units).toHaveLength(unitIds.length);
    for (const u of units) {
      expect(u.dead, `unit ${u.index} of ${u.layer.network.name}`).toBe(false);
      expect(u.layer.name).toBe('fc1');
    }
    // The reference column holds exactly the stored groups' reference units, live ones only.
    const refIndex = fc1.trained.networks.indexOf(fc1.trained.reference);
    const shownRef = await rows.evaluateAll((trs) => trs.map((tr) => Number(/unit (\d+)/.exec(tr.querySelectorAll('td')[1]?.textContent ?? '')?.[1])));
    expect(shownRef).toEqual(fc1.trained.units.map((g) => g[refIndex]!).sort((a, b) => a - b).slice(0, 8));
    // Found-count distribution: one bar per network count, exportable per unit.
    await page.waitForSelector('[data-testid="found-chart"] .recharts-bar-rectangle');
    const csv = await download(page, () => page.click(`button[aria-label="download consensus-found-${consensusId}-fc1 as CSV"]`));
    const lines = csv.bytes.toString().trim().split('\r\n');
    expect(lines[0]).toBe('reference unit,networks found in,of networks,dead');
    expect(lines).toHaveLength(fc1.trained.found.length + 1);
    // Another layer through the picker lands in the URL.
    await page.selectOption('select[aria-label="layer"]', 'conv1');
    await page.waitForURL(/layer=conv1/);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('conv1'));
  });

  it('pair page: both directions of the pair stitched per layer, the page’s layer marked', async () => {
    const nets = await db.prisma.network.findMany({ where: { experimentId: consensusId, untrained: false }, orderBy: { seed: 'asc' } });
    await page.goto(`${web.url}/experiments/${consensusId}/pair?a=${nets[0]!.id}&b=${nets[1]!.id}&layer=fc1`);
    await page.waitForSelector('[data-testid="pair-stitching-row"]');
    const rows = page.locator('[data-testid="pair-stitching-row"]');
    expect(await rows.count()).toBe(4);
    expect(await page.locator('[data-testid="pair-stitching-row"][aria-current="true"]').count()).toBe(2);
    const texts = await rows.allTextContents();
    expect(texts.some((t) => t.includes(`A → B: ${nets[0]!.name} → ${nets[1]!.name}`))).toBe(true);
    expect(texts.some((t) => t.includes(`B → A: ${nets[1]!.name} → ${nets[0]!.name}`))).toBe(true);
    for (const t of texts) expect(t).not.toContain('unavailable');
  });

  it('has no serious or critical axe violations and no horizontal overflow at 1440 and 390 px', async () => {
    const nets = await db.prisma.network.findMany({ where: { experimentId: consensusId, untrained: false }, orderBy: { seed: 'asc' } });
    const pages = [
      { name: 'experiment-consensus', url: `${web.url}/experiments/${consensusId}`, ready: '[data-testid="stitching-chart"] .recharts-bar-rectangle' },
      { name: 'consensus', url: `${web.url}/experiments/${consensusId}/consensus?layer=fc1`, ready: '[data-testid="consensus-unit"] .tiles img' },
      { name: 'pair-stitching', url: `${web.url}/experiments/${consensusId}/pair?a=${nets[0]!.id}&b=${nets[1]!.id}&layer=fc1`, ready: '[data-testid="pair-stitching-row"]' },
    ];
    const problems: string[] = [];
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      for (const p of pages) {
        await page.goto(p.url);
        await page.waitForSelector(p.ready, { timeout: 60_000 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        for (const v of axe.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical'))
          problems.push(`${p.name} @${width}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        if (overflow > 0) problems.push(`${p.name} @${width}: page is ${overflow} px wider than the window`);
        // The shots show the new panels, further down their pages.
        if (p.name === 'experiment-consensus') await page.locator('#consensus-title').evaluate((h) => h.scrollIntoView());
        if (p.name === 'pair-stitching') await page.locator('#pair-stitching-title').evaluate((h) => h.scrollIntoView());
        await page.screenshot({ path: path.join(screenshots, `${p.name}-${width}.png`) });
      }
    }
    expect(problems).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
