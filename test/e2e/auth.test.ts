/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Browser end-to-end probes of issue 15's token-exfiltration half, in headless Chromium against a real API and
 * dashboard: a `?api=` link sends nothing anywhere (a fake server stands by to catch anything), the one-time
 * sign-in link, no secret in any URL, history entry, storage or Referer header, spent and expired links refused,
 * signed file links dying with their session, Content-Security-Policy and Referrer-Policy on every page, the
 * session unusable from other sites and from other ports of the same host, and the admins' settings page.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../apps/api/src/db/database.ts';
import type { ApiServer } from '../../apps/api/src/http/server.ts';
import { createSignInCode } from '../../apps/api/src/auth/sessions.ts';
import { seedExperiment, seedTeam, type Seeded } from '../../apps/api/test/seed.ts';
import { startE2eStack, type E2eStack } from './support/stack.ts';
import { freePort, type WebApp } from './support/web-app.ts';

const log = (m: string) => console.log(`[e2e auth] ${m}`);

interface Caught {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** A server standing in for an attacker: records every request, and serves /evil.html (a page of "another site"). */
async function startFakeServer(evilPage: () => string): Promise<{ url: string; caught: Caught[]; server: Server }> {
  const caught: Caught[] = [];
  const server = createServer((req, res) => {
    caught.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    if (req.url === '/evil.html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(evilPage());
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' }).end('{"data":null}');
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${port}`, caught, server };
}

let stack: E2eStack;
let db: Database;
let api: ApiServer;
let web: WebApp;
let browser: Browser;
let team: { teamId: string; token: string };
let seeded: Seeded;
let fake: Awaited<ReturnType<typeof startFakeServer>>;
let evilScript = '';
const secretPattern = /cv[gsc]_[A-Za-z0-9_-]{20,}/;

beforeAll(async () => {
  stack = await startE2eStack({
    name: 'auth',
    log,
    seed: async (database) => {
      team = await seedTeam(database.prisma, 'e2e auth team');
      seeded = await seedExperiment(database.prisma, team.teamId, {
        name: 'auth probes',
        networks: [
          { arch: 'small', seed: 1 },
          { arch: 'small', seed: 2 },
        ],
        layers: [{ name: 'conv1', kind: 'conv', units: { small: 6 } }],
        methods: ['HUNGARIAN'],
        probeImages: 12,
      });
    },
  });
  ({ db, api, web, browser } = stack);
  fake = await startFakeServer(() => `<!doctype html><html><body><script>${evilScript}</script></body></html>`);
  log(`fake server ${fake.url}`);
}, 20 * 60_000);

afterAll(async () => {
  await new Promise<void>((r) => (fake?.server ? fake.server.close(() => r()) : r()));
  await stack?.close();
}, 60_000);

/** A fresh browser profile that records every request it makes. */
async function freshContext(): Promise<{ context: BrowserContext; page: Page; requests: Request[] }> {
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
  const requests: Request[] = [];
  context.on('request', (r) => requests.push(r));
  await context.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  return { context, page, requests };
}

async function signIn(page: Page, role: 'ADMIN' | 'MEMBER' = 'ADMIN', name = 'e2e browser'): Promise<string> {
  const { code } = await createSignInCode(db.prisma, team.teamId, { role, name });
  await page.goto(`${web.url}/sign-in#code=${code}`);
  await page.waitForURL(`${web.url}/`);
  await page.waitForSelector('[data-testid="experiments-table"]');
  return code;
}

const storageText = (page: Page) =>
  page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }));

describe('dashboard authentication end to end', { timeout: 180_000 }, () => {
  it('a ?api= link sends nothing anywhere: every request stays on the dashboard origin, the fake server gets none', async () => {
    const { context, page, requests } = await freshContext();
    // A browser that still holds what an earlier version stored: a token and an attacker's API URL.
    await page.goto(`${web.url}/sign-in`);
    await page.evaluate((fakeUrl) => {
      localStorage.setItem('convergent.token', 'cvg_leftover_token_from_an_older_version_xx');
      localStorage.setItem('convergent.apiUrl', `${fakeUrl}/graphql`);
    }, fake.url);
    await signIn(page);
    const lure = `${web.url}/?api=${encodeURIComponent(`${fake.url}/graphql`)}&token=${encodeURIComponent('cvg_lure')}`;
    await page.goto(lure);
    await page.waitForSelector('[data-testid="experiments-table"]');
    expect(page.url()).toBe(`${web.url}/`);
    await page.reload();
    await page.waitForSelector('[data-testid="experiments-table"]');
    await page.goto(`${web.url}/units/${seeded.networks[0]!.layers['conv1']!.unitIds[0]}?api=${encodeURIComponent(fake.url)}`);
    await page.waitForFunction(() => {
      const imgs = [...document.querySelectorAll('[data-testid="unit-top-images"] img')] as HTMLImageElement[];
      return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0);
    });
    await page.goto(`${web.url}/settings?api=${encodeURIComponent(fake.url)}`);
    await page.waitForSelector('[data-testid="connected"]');

    expect(fake.caught).toEqual([]);
    const origins = new Set(requests.map((r) => new URL(r.url()).origin));
    expect([...origins]).toEqual([web.url]);
    for (const r of requests) {
      expect(r.headers()['authorization'], r.url()).toBeUndefined();
      expect(r.url(), 'no secret in any URL').not.toMatch(secretPattern);
    }
    // Nothing of the old version is left in storage, and nothing new was put there.
    const stored = await storageText(page);
    expect(stored).not.toMatch(/convergent\.(token|apiUrl)/);
    expect(stored).not.toMatch(secretPattern);
    await context.close();
  });

  it('the sign-in link: exchanged by POST for an HttpOnly SameSite=Strict cookie, then a clean URL; no secret in URLs, history, storage or Referer', async () => {
    const { context, page, requests } = await freshContext();
    const code = await signIn(page);
    const cookies = await context.cookies();
    expect(cookies.map((c) => c.name)).toEqual(['convergent_session']);
    expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookies[0]!.value).toMatch(/^cvs_/);
    expect(cookies[0]!.expires).toBeGreaterThan(Date.now() / 1000 + 24 * 3600);
    expect(await page.evaluate(() => document.cookie)).toBe(''); // invisible to scripts

    const exchange = requests.filter((r) => r.url() === `${web.url}/auth/session`);
    expect(exchange.map((r) => r.method())).toEqual(['POST']);
    expect(exchange[0]!.postData()).toContain(code); // the code travels in a POST body only
    // Browse a few pages, images included, then look at every request made.
    await page.goto(`${web.url}/units/${seeded.networks[1]!.layers['conv1']!.unitIds[2]}`);
    await page.waitForSelector('[data-testid="unit-top-images"] img');
    await page.goto(`${web.url}/experiments/${seeded.experimentId}`);
    await page.waitForSelector('[data-testid="arch-group"]');
    for (const r of requests) {
      expect(r.url(), 'no code or secret in a URL sent to a server').not.toContain(code);
      expect(r.url()).not.toMatch(secretPattern);
      expect(r.headers()['referer'] ?? '', `Referer of ${r.url()}`).toBe('');
    }
    // Neither the address bar's history nor storage kept the code.
    const cdp = await context.newCDPSession(page);
    const history = (await cdp.send('Page.getNavigationHistory')) as { entries: { url: string }[] };
    expect(history.entries.length).toBeGreaterThan(1);
    for (const e of history.entries) expect(e.url).not.toContain('code=');
    expect(await storageText(page)).not.toMatch(secretPattern);

    // The same link again, in another browser: refused with the reason, no cookie.
    const other = await freshContext();
    await other.page.goto(`${web.url}/sign-in#code=${code}`);
    await other.page.waitForSelector('[data-testid="sign-in-error"]');
    expect(await other.page.textContent('[data-testid="sign-in-error"]')).toMatch(/already used/);
    expect(other.page.url()).toBe(`${web.url}/sign-in`);
    expect(await other.context.cookies()).toEqual([]);
    // An expired one.
    const old = await createSignInCode(db.prisma, team.teamId, { ttlMs: -1000 });
    await other.page.goto(`${web.url}/sign-in#code=${old.code}`);
    await other.page.waitForSelector('[data-testid="sign-in-error"]');
    expect(await other.page.textContent('[data-testid="sign-in-error"]')).toMatch(/expired at/);
    expect(await other.context.cookies()).toEqual([]);
    await other.context.close();
    await context.close();
  });

  it('every page carries a nonce-based Content-Security-Policy and Referrer-Policy: no-referrer, and works under it', async () => {
    const a = await fetch(`${web.url}/`);
    const b = await fetch(`${web.url}/settings`);
    const csp = a.headers.get('content-security-policy') ?? '';
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src ')) ?? '';
    expect(scriptSrc).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'$/);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(b.headers.get('content-security-policy')).not.toBe(csp); // a fresh nonce per response
    // Next's own inline scripts carry that nonce.
    const html = await a.text();
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
    const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1]!;
    for (const u of ['/', '/sign-in', '/graphql', '/health', `/files/units/1/top.png`, asset]) {
      const r = await fetch(`${web.url}${u}`);
      expect(r.headers.get('referrer-policy'), u).toBe('no-referrer');
      expect(r.headers.get('x-content-type-options'), u).toBe('nosniff');
    }

    const { context, page } = await freshContext();
    await signIn(page);
    for (const p of ['/', `/experiments/${seeded.experimentId}`, `/units/${seeded.networks[0]!.layers['conv1']!.unitIds[1]}`, '/settings', '/compare']) {
      await page.goto(`${web.url}${p}`);
      await page.waitForLoadState('networkidle');
    }
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    // The listener does hear violations: an image from another origin is one.
    await page.evaluate((u) => {
      const img = new Image();
      img.src = `${u}/pixel.png`;
      document.body.appendChild(img);
    }, fake.url);
    await page.waitForFunction(() => (window as unknown as { __csp: string[] }).__csp.length > 0);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([`img-src ${fake.url}/pixel.png`]);
    expect(fake.caught.filter((c) => c.url === '/pixel.png')).toEqual([]);
    await context.close();
  });

  it('pages of other sites and of other ports on the same host cannot use the session', async () => {
    const { context, page } = await freshContext();
    await signIn(page);
    const session = (await context.cookies())[0]!.value;
    const attackerTeam = await seedTeam(db.prisma, 'attacker team');
    const attackerCode = (await createSignInCode(db.prisma, attackerTeam.teamId)).code;
    const unitFile = `/files/units/${seeded.networks[0]!.layers['conv1']!.unitIds[0]}/top.png`; // unsigned: the cookie alone would open it
    const before = await db.prisma.apiToken.count({ where: { teamId: team.teamId } });
    const mutation = JSON.stringify({ query: 'mutation { createToken(input: { name: "stolen", role: ADMIN }) { token } }' });
    evilScript = `
      window.results = [];
      const web = ${JSON.stringify(web.url)};
      const body = ${JSON.stringify(mutation)};
      const image = new Promise((resolve) => {
        const img = new Image();
        img.onload = () => resolve('image loaded');
        img.onerror = () => resolve('image refused');
        img.src = web + ${JSON.stringify(unitFile)};
      });
      Promise.all([
        image,
        fetch(web + '/auth/session', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ code: ${JSON.stringify(attackerCode)} }) }),
        fetch(web + '/graphql', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body }),
        fetch(web + '/graphql', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body }).then((r) => r.text()).catch((e) => 'blocked: ' + e.message),
        fetch(web + '/auth/session', { method: 'DELETE', credentials: 'include' }).then((r) => String(r.status)).catch((e) => 'blocked: ' + e.message),
      ]).then((r) => { window.results = r.map(String); window.done = true; }, (e) => { window.results = [String(e)]; window.done = true; });`;
    // 127.0.0.1 on another port is the same site (cookies ignore ports); localhost is another site.
    for (const origin of [fake.url, fake.url.replace('127.0.0.1', 'localhost')]) {
      const evil = await context.newPage();
      await evil.goto(`${origin}/evil.html`);
      await evil.waitForFunction(() => (window as unknown as { done?: boolean }).done === true, undefined, { timeout: 20_000 });
      const results = await evil.evaluate(() => (window as unknown as { results: string[] }).results);
      expect(results[0], origin).toBe('image refused');
      await evil.close();
    }
    // The same image from the dashboard's own page opens (so the refusal above is the origin check at work).
    expect(await page.evaluate(async (u) => (await fetch(u, { cache: 'no-store' })).status, unitFile)).toBe(200);
    // No sign-in into the attacker's team (login CSRF): the browser keeps its session, the code stays unspent.
    expect((await context.cookies()).map((c) => c.value)).toEqual([session]);
    expect((await db.prisma.signInCode.findFirstOrThrow({ where: { teamId: attackerTeam.teamId } })).usedAt).toBeNull();
    expect(await db.prisma.apiToken.count({ where: { teamId: team.teamId } })).toBe(before);
    expect(await db.prisma.apiToken.count({ where: { name: 'stolen' } })).toBe(0);
    // Still signed in (the cross-site sign-out did nothing).
    await page.goto(`${web.url}/settings`);
    await page.waitForSelector('[data-testid="connected"]');
    await context.close();
  });

  it('signing out kills the session and the signed file links it was given', async () => {
    const { context, page } = await freshContext();
    await signIn(page);
    await page.goto(`${web.url}/units/${seeded.networks[0]!.layers['conv1']!.unitIds[3]}`);
    await page.waitForSelector('[data-testid="unit-top-images"] img');
    const src = await page.getAttribute('[data-testid="unit-top-images"] img', 'src');
    expect(src).toMatch(/^\/files\/probe\/[^/]+\/\d+\.png\?sig=/);
    const fetchStatus = (u: string) => page.evaluate(async (x) => {
      const r = await fetch(x, { cache: 'no-store' });
      return { status: r.status, text: await r.text().catch(() => '') };
    }, u);
    expect((await fetchStatus(src!)).status).toBe(200);
    await page.goto(`${web.url}/settings`);
    await page.click('[data-testid="sign-out"]');
    await page.waitForURL(`${web.url}/sign-in`);
    expect(await context.cookies()).toEqual([]);
    const after = await fetchStatus(src!);
    expect(after.status).toBe(401);
    expect(after.text).toMatch(/revoked or has expired/);
    // Straight at the API, without the dashboard: dead too.
    const direct = await fetch(`${api.url}${src}`);
    expect(direct.status).toBe(401);
    await context.close();
  });

  it('team admins manage tokens, sessions and sign-in links on the settings page; members cannot', async () => {
    const { context, page } = await freshContext();
    page.on('dialog', (d) => void d.accept());
    await signIn(page, 'ADMIN', 'admin browser');
    await page.goto(`${web.url}/settings`);
    await page.waitForSelector('[data-testid="credential-row"]:has-text("admin browser (this session)")');

    await page.fill('[aria-label="token name"]', 'nightly notebook');
    await page.click('button:has-text("Create token")');
    await page.waitForSelector('[data-testid="new-token"]');
    const token = (await page.textContent('[data-testid="new-token"]'))!.trim();
    expect(token).toMatch(/^cvg_/);
    const viewer = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{"query":"{ viewer { tokenName role } }"}' });
    expect(((await viewer.json()) as any).data.viewer).toEqual({ tokenName: 'nightly notebook', role: 'MEMBER' });
    await page.waitForSelector('[data-testid="credential-row"]:has-text("nightly notebook")');
    await page.click('[aria-label="revoke nightly notebook"]');
    await page.waitForSelector('[data-testid="credential-row"]:has-text("nightly notebook")', { state: 'detached' });
    const dead = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{"query":"{ viewer { tokenName } }"}' });
    expect(dead.status).toBe(401);

    await page.fill('[aria-label="sign-in link name"]', 'a teammate');
    await page.click('button:has-text("Create sign-in link")');
    const link = (await page.textContent('[data-testid="sign-in-link"]'))!.trim();
    expect(link).toMatch(new RegExp(`^${web.url}/sign-in#code=cvc_`));
    const mate = await freshContext();
    await mate.page.goto(link);
    await mate.page.waitForURL(`${web.url}/`);
    await mate.page.goto(`${web.url}/settings`);
    await mate.page.waitForSelector('[data-testid="connected"]');
    expect(await mate.page.textContent('[data-testid="connected"]')).toMatch(/as member, dashboard session “a teammate”/);
    expect(await mate.page.textContent('body')).toContain('managed by team admins');
    expect(await mate.page.locator('[data-testid="credentials"]').count()).toBe(0);
    await mate.context.close();
    await context.close();
  });
});
