/**
 * The stack every browser end-to-end file runs against: a temporary folder, a PGlite database seeded by the file,
 * a real API on 127.0.0.1, the dashboard (built once when stale) pointed at it, and headless Chromium; `close`
 * stops them in reverse order and removes the folder. `signedInPage` opens a browser context signed in to a team
 * through a one-time link, as a user would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createSignInCode } from '../../../apps/api/src/auth/sessions.ts';
import { openDatabase, type Database } from '../../../apps/api/src/db/database.ts';
import { startApiServer, type ApiServer, type StartApiServerOptions } from '../../../apps/api/src/http/server.ts';
import { launchChromium } from './browser.ts';
import { ensureWebBuild, startWebApp, type WebApp } from './web-app.ts';

export interface E2eStack {
  tmp: string;
  db: Database;
  api: ApiServer;
  web: WebApp;
  browser: Browser;
  close(): Promise<void>;
}

export interface E2eStackOptions<S> {
  /** Names the temporary folder (`convergent-e2e-<name>-…`). */
  name: string;
  log: (message: string) => void;
  /** Fills the database before the API starts; its answer is returned as `seeded`. */
  seed: (db: Database, tmp: string) => Promise<S>;
  /** Extra API options (for example the embedded worker). */
  api?: Omit<StartApiServerOptions, 'database' | 'port' | 'host'>;
}

export async function startE2eStack<S>(options: E2eStackOptions<S>): Promise<E2eStack & { seeded: S }> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), `convergent-e2e-${options.name}-`));
  const started: Partial<E2eStack> = { tmp };
  const close = async () => {
    await started.browser?.close().catch(() => {});
    await started.web?.stop().catch(() => {});
    await started.api?.close().catch(() => {});
    await started.db?.close().catch(() => {});
    rmSync(tmp, { recursive: true, force: true });
  };
  try {
    ensureWebBuild(options.log);
    const db = await openDatabase({ dataDir: path.join(tmp, 'db') });
    started.db = db;
    const seeded = await options.seed(db, tmp);
    const api = await startApiServer({ database: db, port: 0, host: '127.0.0.1', ...options.api });
    started.api = api;
    const web = await startWebApp(api.url);
    started.web = web;
    const browser = await launchChromium();
    started.browser = browser;
    options.log(`api ${api.graphqlUrl}, dashboard ${web.url}`);
    return { tmp, db, api, web, browser, close, seeded };
  } catch (err) {
    await close();
    throw err;
  }
}

export interface SignedInPageOptions {
  teamId: string;
  /** The sign-in link's name (shown in the team's sessions). */
  name: string;
  viewport: { width: number; height: number };
  log: (message: string) => void;
  /** Collects the page's uncaught errors, when given. */
  pageErrors?: string[];
}

/** A browser context signed in to `teamId` as an admin, on the experiments list. */
export async function signedInPage(stack: E2eStack, options: SignedInPageOptions): Promise<{ context: BrowserContext; page: Page }> {
  const context = await stack.browser.newContext({ viewport: options.viewport, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    options.pageErrors?.push(e.message);
    options.log(`page error: ${e.message}`);
  });
  const { code } = await createSignInCode(stack.db.prisma, options.teamId, { role: 'ADMIN', name: options.name });
  await page.goto(`${stack.web.url}/sign-in#code=${code}`);
  await page.waitForSelector('[data-testid="experiments-table"]');
  return { context, page };
}
