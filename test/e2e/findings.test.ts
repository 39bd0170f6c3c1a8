/// <reference lib="dom" />
/**
 * End-to-end: the Findings page of a real imported result in headless Chromium, at 390 px width: every finding
 * renders with its verdict under an accessible heading, the document (top bar included) does not overflow horizontally, and the experiment
 * page links to it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTinyResult, seedDashboard, type DashboardSeed } from './support/seed-dashboard.ts';
import { signedInPage, startE2eStack, type E2eStack } from './support/stack.ts';
import type { WebApp } from './support/web-app.ts';

const log = (m: string) => console.log(`[e2e findings] ${m}`);
let stack: E2eStack;
let web: WebApp;
let seed: DashboardSeed;
let importedId: string;

beforeAll(async () => {
  stack = await startE2eStack({
    name: 'findings',
    log,
    seed: async (database, dir) => {
      seed = await seedDashboard(database.prisma);
      importedId = await importTinyResult(database.prisma, seed.teamId, dir);
    },
  });
  ({ web } = stack);
}, 20 * 60_000);

afterAll(async () => {
  await stack?.close();
}, 60_000);

describe('Findings page', () => {
  it('renders every finding with its verdict, linked from the experiment page, without horizontal overflow at 390 px', async () => {
    const { context, page } = await signedInPage(stack, { teamId: seed.teamId, name: 'e2e findings', viewport: { width: 390, height: 844 }, log });
    await page.goto(`${web.url}/experiments/${importedId}`);
    await page.getByRole('link', { name: 'Findings' }).click();
    await page.waitForURL(/\/experiments\/[^/]+\/findings$/);
    await page.waitForSelector('[data-testid="finding-trained-vs-chance"]');
    expect(await page.getByRole('heading', { level: 1, name: 'Findings' }).count()).toBe(1);
    for (const id of ['reliable-features', 'subspaces', 'local-distributed', 'semi-vs-max', 'depth-trend', 'trained-vs-chance']) {
      const section = page.getByTestId(`finding-${id}`);
      expect(await section.getByRole('heading', { level: 2 }).count()).toBe(1);
      expect(await section.textContent()).toMatch(/supported|not supported|inconclusive/);
      expect(await section.textContent()).toMatch(/95% interval/);
    }
    // The whole document fits 390 px: the page's content and the layout's top bar (which wraps on narrow screens).
    const { overflow, wide } = await page.evaluate(() => {
      const root = document.documentElement;
      const width = root.clientWidth;
      const wide = [...document.body.querySelectorAll('*')]
        .filter((el) => el.getBoundingClientRect().right > width + 0.5)
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${(el as HTMLElement).className} (${Math.round(el.getBoundingClientRect().right)} px)`);
      return { overflow: Math.max(root.scrollWidth, document.body.scrollWidth) - width, wide };
    });
    expect(wide, 'elements of the page wider than 390 px').toEqual([]);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  }, 120_000);
});
