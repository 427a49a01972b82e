/**
 * The HTML report in a real browser: Debian's Chromium driven by playwright-core. It opens a
 * single-run report and a `--runs` report from file:// and checks what a reader gets: no console
 * error, no request but the page's own file, every section, a month stepper that moves the
 * highlighted states (by buttons and keys), a page that fits 1280×800, print rules, and a
 * screenshot that is not blank. The same launch opens the pages of result files (a comparison and
 * a study, `thaw report FILE`): no error, no request, their charts drawn, wide enough to read. Screenshots are kept in reports/screenshots/ (git-ignored).
 *
 * Without /usr/bin/chromium the suite is skipped on a workstation but FAILS under CI (CI=true),
 * where .ci/run installs it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const root = new URL('../..', import.meta.url).pathname;
const shots = join(root, 'reports', 'screenshots');
const haveChromium = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true' || process.env.CI === '1';

const thaw = (...args: string[]) => spawnSync('node', ['bin/thaw', ...args], { cwd: root, encoding: 'utf8' });

describe('a browser is available', () => {
  it.runIf(inCi)('Chromium is installed in CI (.ci/run installs it)', () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: the browser test cannot run`).toBe(true);
  });
});

interface Opened {
  readonly page: Page;
  readonly url: string;
  readonly errors: string[];
  readonly requests: string[];
}

describe.skipIf(!haveChromium && !inCi)('the HTML report in Chromium', () => {
  let dir: string;
  let context: BrowserContext;
  let single: string;
  let multi: string;
  const results: Record<string, string> = {};
  let run: { months: { world: { agents: Record<string, string> } }[] };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'thaw-browser-'));
    single = join(dir, 'base.html');
    multi = join(dir, 'runs.html');
    for (const [out, extra] of [[single, []], [multi, ['--runs', '300']]] as const) {
      const p = thaw('report', 'base', '--seed', '3', '--out', out, ...extra);
      expect(p.status, p.stderr).toBe(0);
    }
    run = JSON.parse(thaw('run', 'base', '--seed', '3', '--format', 'json').stdout);
    // Result files: a comparison (branches overlaid, paired differences) and a study (Sobol' indices).
    const study = join(dir, 'mini.yaml');
    writeFileSync(study, 'scenario: base\ndesign: sobol\nsamples: 8\nseed: 3\nmonths: 6\nfactors:\n  agents.us.visitChance: { uniform: [0.1, 0.9] }\n  agents.poland.concession: [2, 6]\nmetrics: [released, freed.poczobut]\n');
    for (const [name, args] of [['compare', ['compare', 'base', 'war-frozen', '--runs', '60', '--months', '6']], ['study', ['study', study]]] as const) {
      const p = thaw(...args, '--format', 'json', '-q');
      expect(p.status, p.stderr).toBe(0);
      const json = join(dir, `${name}.json`);
      writeFileSync(json, p.stdout);
      results[name] = join(dir, `${name}.html`);
      const r = thaw('report', json, '--out', results[name]!);
      expect(r.status, r.stderr).toBe(0);
    }
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM, args: ARGS, headless: true, viewport: { width: 1280, height: 800 },
    });
    mkdirSync(shots, { recursive: true });
  });

  afterAll(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(file: string): Promise<Opened> {
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: 'load' });
    return { page, url, errors, requests };
  }

  /** The states highlighted as "current", agent by agent, read from the SVG. */
  const currentStates = (page: Page) => page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const node of Array.from(document.querySelectorAll('.node.current'))) {
      const [agent, , state] = node.id.split('-');
      if (agent && state) out[agent] = state;
    }
    return out;
  });

  it('loads with no console error and no request but its own file', async () => {
    for (const file of [single, multi]) {
      const o = await open(file);
      expect(o.errors).toEqual([]);
      expect(o.requests).toEqual([o.url]);
      await o.page.close();
    }
  });

  it('has every section, the timeline, five statecharts, and distributions with --runs', async () => {
    const o = await open(single);
    for (const id of ['header', 'timeline', 'machines', 'story', 'summary', 'rules', 'article']) {
      expect(await o.page.locator(`#${id}`).count(), id).toBe(1);
    }
    expect(await o.page.locator('#timeline svg').count()).toBe(1);
    expect(await o.page.locator('figure.machine svg').count()).toBe(5);
    expect(await o.page.locator('#distributions').count()).toBe(0);
    // Every in-page link leads somewhere on the page.
    const broken = await o.page.evaluate(() => Array.from(document.querySelectorAll('a[href^="#"]'))
      .map((a) => a.getAttribute('href')!.slice(1)).filter((id) => !document.getElementById(id)));
    expect(broken).toEqual([]);
    await o.page.close();
    const m = await open(multi);
    expect(await m.page.locator('#distributions figure svg').count()).toBeGreaterThan(5);
    await m.page.close();
  });

  it('every chart has a title and a text alternative', async () => {
    const o = await open(multi);
    const missing = await o.page.evaluate(() => Array.from(document.querySelectorAll('figure'))
      .filter((f) => !(f.querySelector('[role=img][aria-label]')?.getAttribute('aria-label') ?? '').trim() || !f.querySelector('figcaption')?.textContent?.trim())
      .map((f) => f.id || f.className));
    expect(missing).toEqual([]);
    await o.page.close();
  });

  it('the month stepper moves the highlighted states, by button and by keyboard', async () => {
    const o = await open(single);
    const { page } = o;
    const start = await currentStates(page);
    expect(Object.keys(start).sort()).toEqual(['belarus', 'eu', 'lithuania', 'poland', 'us']);
    for (let k = 1; k <= run.months.length; k++) {
      await page.keyboard.press('ArrowRight');
      expect(await currentStates(page), `month ${k}`).toEqual(run.months[k - 1]!.world.agents);
      expect(await page.locator('article.month.chosen').getAttribute('data-month')).toBe(String(k));
    }
    // Month 3 of this run is a US deal: the envoy went prepaid → visiting → cooling, and those arrows light up.
    // Home jumps back only while the stepper has the focus (elsewhere it scrolls the page).
    await page.focus('#step-next');
    await page.keyboard.press('Home');
    expect(await page.textContent('#step-label')).toContain('Start');
    expect(await currentStates(page)).toEqual(start);
    for (let k = 0; k < 3; k++) await page.click('#step-next');
    expect(await currentStates(page)).toEqual(run.months[2]!.world.agents);
    expect(await page.locator('#machine-us .edge.now').count()).toBeGreaterThan(0);
    // …and the highlight is painted, not only a class: the current box is orange (Okabe–Ito #E69F00), the others are not.
    const fills = await page.evaluate(() => ({
      current: Array.from(document.querySelectorAll('.node.current path, .node.current polygon')).map((e) => getComputedStyle(e).fill),
      other: Array.from(document.querySelectorAll('.node:not(.current) path, .node:not(.current) polygon')).map((e) => getComputedStyle(e).fill),
      arrow: Array.from(document.querySelectorAll('#machine-us .edge.now path')).map((e) => getComputedStyle(e).stroke),
    }));
    expect(fills.current.length).toBeGreaterThanOrEqual(5);
    expect(new Set(fills.current)).toEqual(new Set(['rgb(230, 159, 0)']));
    expect(fills.other).not.toContain('rgb(230, 159, 0)');
    expect(new Set(fills.arrow)).toEqual(new Set(['rgb(230, 159, 0)']));
    await page.click('#step-prev');
    expect(await currentStates(page)).toEqual(run.months[1]!.world.agents);
    expect(await page.textContent('#step-label')).toContain('Month 2');
    await page.close();
  });

  it('fits a 1280×800 window without scrolling sideways, prints sensibly, and its screenshot is not blank', async () => {
    const o = await open(multi);
    const { page } = o;
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(1280);
    const firstScreen = join(shots, 'report-first-screen.png');
    await page.screenshot({ path: firstScreen });
    await page.screenshot({ path: join(shots, 'report-full.png'), fullPage: true });
    // Non-blank: decode the PNG in the page and count its colours and its share of non-white pixels.
    const png = readFileSync(firstScreen).toString('base64');
    const look = await page.evaluate(async (data) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(0, 0, img.width, img.height).data;
      const colours = new Set<number>();
      let inked = 0;
      for (let i = 0; i < px.length; i += 16) {
        colours.add((px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!);
        if (px[i]! < 230 || px[i + 1]! < 230 || px[i + 2]! < 230) inked++;
      }
      return { colours: colours.size, inked: inked / (px.length / 16), width: img.width, height: img.height };
    }, png);
    expect(look.width).toBe(1280);
    expect(look.height).toBe(800);
    expect(look.colours).toBeGreaterThan(20);
    expect(look.inked).toBeGreaterThan(0.03);
    // Print: the controls go, the figures stay, the tables behind closed <details> open (and close
    // again on screen), and a PDF comes out.
    const details = () => page.evaluate(() => Array.from(document.querySelectorAll('details'), (d) => [d.open, d.querySelector('table')?.checkVisibility() ?? false]));
    const onScreen = await details();
    expect(onScreen.length).toBeGreaterThan(0);
    expect(onScreen).toEqual(onScreen.map(() => [false, false]));
    await page.emulateMedia({ media: 'print' });
    // The media query's change is reported at the next frame.
    await page.waitForFunction(() => Array.from(document.querySelectorAll('details')).every((d) => d.open), null, { timeout: 10_000 });
    expect(await details()).toEqual(onScreen.map(() => [true, true]));
    const printed = await page.evaluate(() => ({
      buttons: getComputedStyle(document.getElementById('step-next')!).display,
      nav: getComputedStyle(document.querySelector('nav')!).display,
      figure: getComputedStyle(document.querySelector('figure.machine')!).breakInside,
      story: getComputedStyle(document.getElementById('story')!).breakBefore,
    }));
    expect(printed).toEqual({ buttons: 'none', nav: 'none', figure: 'avoid', story: 'page' });
    const pdf = await page.pdf({ format: 'A4', path: join(shots, 'report.pdf') });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(50_000);
    await page.emulateMedia({ media: 'screen' });
    await page.waitForFunction(() => Array.from(document.querySelectorAll('details')).every((d) => !d.open), null, { timeout: 10_000 });
    expect(await details()).toEqual(onScreen);
    expect(o.errors).toEqual([]);
    await page.close();
  });

  it('result files\' pages: no console error, no request, their charts drawn and titled, the page fits', async () => {
    const charts: Record<string, string[]> = { compare: ['#compare-chart', '#differences-chart'], study: ['#sobol-chart', '#metrics-chart'] };
    const sections: Record<string, string[]> = { compare: ['#header', '#branches', '#differences'], study: ['#header', '#factors', '#sobol', '#metrics'] };
    for (const [name, file] of Object.entries(results)) {
      const o = await open(file);
      expect(o.errors, name).toEqual([]);
      expect(o.requests, name).toEqual([o.url]);
      for (const id of sections[name]!) expect(await o.page.locator(id).count(), `${name} ${id}`).toBe(1);
      for (const sel of charts[name]!) {
        // Drawn, not only present: the chart's SVG has marks and a real size on the page.
        const box = await o.page.locator(`${sel} svg`).first().boundingBox();
        expect(box?.width ?? 0, `${name} ${sel}`).toBeGreaterThan(300);
        expect(await o.page.locator(`${sel} svg path, ${sel} svg line, ${sel} svg rect`).count(), `${name} ${sel}`).toBeGreaterThan(10);
        expect((await o.page.getAttribute(`${sel} [role=img]`, 'aria-label'))?.length ?? 0).toBeGreaterThan(40);
      }
      expect(await o.page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(1280);
      await o.page.screenshot({ path: join(shots, `result-${name}.png`), fullPage: true });
      await o.page.close();
    }
  });
});
