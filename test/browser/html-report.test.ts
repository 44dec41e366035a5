// comparison.html and lineage.html in a real browser (Debian's Chromium through playwright-core):
// filters, links, print layout, table semantics, and axe-core's accessibility rules.
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {PDFDocument} from 'pdf-lib';
import type {BrowserContext, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {main} from '../../src/cli/main.js';
import {loadPdfJs} from '../../src/ingest/pdf/load-pdfjs.js';
import {PDF_2023, PDF_2024, root} from '../helpers.js';
import {launch} from './chromium.js';

const COMMITTED = pathToFileURL(join(root, 'output', 'nhs-2023-24-vs-2024-25', 'comparison.html')).href;
const LINEAGE = pathToFileURL(join(root, 'output', 'nhs-national-objectives', 'lineage.html')).href;
const AXE = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

let context: BrowserContext;
let close: () => Promise<void>;
let pdfPage: string;
const axeSummary: string[] = [];

/** A page with everything it requested and every console error or page error recorded. */
async function open(url: string): Promise<{page: Page; requests: string[]; errors: string[]}> {
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return {page, requests, errors};
}

/** What the tests read of an element in the page (the type-check has no DOM library). */
type Shown = {hidden: boolean; offsetParent: unknown; id: string};

const visibleRows = (page: Page): Promise<string[]> =>
  page.$$eval('tbody tr[data-status]', (rows) => (rows as unknown as Shown[]).filter((r) => !r.hidden && r.offsetParent !== null).map((r) => r.id));

beforeAll(async () => {
  ({context, close} = await launch());
  // The PDF renditions, with a small review: a status changed, a commentary, and an entry whose objective exists nowhere.
  const dir = mkdtempSync(join(tmpdir(), 'guidance-diff-browser-'));
  const review = join(dir, 'review.yaml');
  writeFileSync(
    review,
    [
      'entries:',
      '  - previous: [{text: Reduce adult general and acute (G&A) bed occupancy to 92% or below}]',
      '    status: dropped',
      '    commentary: Not mentioned in the guidance.',
      '  - current: [{text: Improve patients\' experience of choice at point of referral}]',
      '    status: kept',
      '  - label: lunar hospital',
      '    previous: [{text: Build a lunar hospital by 2031}]',
      '    status: dropped',
      '',
    ].join('\n'),
  );
  const out = join(dir, 'out');
  let stderr = '';
  const code = await main(['compare', PDF_2023, PDF_2024, '--out', out, '--format', 'html,json', '--review', review], {
    stdout: () => true,
    stderr: (s) => void (stderr += s),
    drain: () => Promise.resolve(),
  });
  if (code !== 0) throw new Error(stderr);
  pdfPage = pathToFileURL(join(out, 'comparison.html')).href;
}, 120_000);

afterAll(async () => {
  await close?.();
  // One line for CI logs: what axe found on each page.
  console.log(`axe-core ${(JSON.parse(readFileSync(join(root, 'node_modules', 'axe-core', 'package.json'), 'utf8')) as {version: string}).version}: ${axeSummary.join('; ')}`);
});

describe('comparison.html in Chromium', () => {
  it('loads nothing but itself: no network request, no console error, no CSP violation', async () => {
    for (const url of [COMMITTED, pdfPage, LINEAGE]) {
      const {page, requests, errors} = await open(url);
      expect(requests).toEqual([url]);
      expect(errors).toEqual([]);
      expect(await page.locator('#filters').isVisible()).toBe(true); // the inline script ran under the page's CSP
      await page.close();
    }
  });

  it('exposes a table a screen reader can navigate: caption, column headers, a row group per area, row headers', async () => {
    const {page} = await open(COMMITTED);
    const table = page.getByRole('table', {name: /Objectives 2023\/24 compared with 2024\/25: 41 rows/});
    await expect(table.count()).resolves.toBe(1);
    const snapshot = await table.ariaSnapshot();
    expect(snapshot).toContain('columnheader "Objective 2023/24"');
    expect(snapshot).toContain('columnheader "Commentary"');
    expect(snapshot).toContain('rowheader "Urgent and emergency care"');
    expect(snapshot).toMatch(/rowheader "2"/);
    expect(await page.getByRole('rowgroup').count()).toBeGreaterThan(10);
    expect(await page.getByRole('rowheader').count()).toBeGreaterThanOrEqual(41);
    await page.close();
  });

  it('filters by status: only the ticked statuses stay, and the count says so', async () => {
    const {page} = await open(COMMITTED);
    const dropped = await page.$$eval('tbody tr[data-status="dropped"]', (rows) => rows.map((r) => r.id));
    await page.getByRole('checkbox', {name: /^Kept \(\d+\)$/}).uncheck();
    await page.getByRole('checkbox', {name: /^New \(\d+\)$/}).uncheck();
    expect(await visibleRows(page)).toEqual(dropped);
    expect(await page.locator('#shown').textContent()).toBe(`${dropped.length} of 41 rows shown`);
    // Group header rows of areas with nothing left are hidden too.
    const emptyGroups = await page.$$eval('tbody[data-group]', (bodies) => (bodies as unknown as Shown[]).filter((b) => b.hidden).length);
    expect(emptyGroups).toBeGreaterThan(0);
    await page.close();
  });

  it('filters by group, and by keyboard', async () => {
    const {page} = await open(COMMITTED);
    await page.getByRole('combobox', {name: 'Group'}).selectOption('Mental health');
    const shown = await visibleRows(page);
    const expected = await page.$$eval('tbody tr[data-group="Mental health"]', (rows) => rows.map((r) => r.id));
    expect(shown).toEqual(expected);
    expect(shown.length).toBeGreaterThan(1);
    const notKept = await page.$$eval('tbody tr[data-group="Mental health"]:not([data-status="kept"])', (rows) => rows.length);
    await page.getByRole('checkbox', {name: /^Kept \(\d+\)$/}).focus();
    await page.keyboard.press('Space');
    expect(await page.locator('#shown').textContent()).toBe(`${notKept} of 41 rows shown`);
    await page.close();
  });

  it('"needs review" keeps the low-confidence pairs; stale review entries are listed apart and linked', async () => {
    const {page} = await open(pdfPage);
    const flagged = await page.$$eval('tbody tr[data-status][data-needs-review]', (rows) => rows.map((r) => r.getAttribute('data-needs-review')));
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.filter((f) => !/^(low-confidence pair|partial extraction)/.test(f!))).toEqual([]);
    await page.getByRole('checkbox', {name: /^Needs review only/}).check();
    expect((await visibleRows(page)).length).toBe(flagged.length);
    await page.getByRole('link', {name: '1 stale'}).click();
    expect(page.url()).toMatch(/#stale$/);
    await expect(page.getByRole('table', {name: 'Stale review entries'}).getByRole('rowheader', {name: 'lunar hospital'}).isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('links every objective to its source: existing files, PDF pages by #page=N within the PDF', async () => {
    for (const url of [COMMITTED, pdfPage]) {
      const {page} = await open(url);
      const hrefs = await page.$$eval('a[href]', (links) => (links as unknown as {href: string}[]).map((a) => a.href));
      expect(hrefs.length).toBeGreaterThan(60);
      const pageCounts = new Map<string, number>();
      for (const href of hrefs) {
        const target = new URL(href);
        if (target.href.split('#')[0] === url) {
          expect(await page.locator(target.hash).count(), href).toBe(1);
          continue;
        }
        expect(target.protocol, href).toBe('file:');
        const path = fileURLToPath(target.href.split('#')[0]!);
        expect(existsSync(path), href).toBe(true);
        if (path.endsWith('.pdf') && target.hash) {
          const n = Number(/^#page=(\d+)$/.exec(target.hash)?.[1]);
          if (!pageCounts.has(path)) pageCounts.set(path, (await PDFDocument.load(readFileSync(path))).getPageCount());
          expect(n >= 1 && n <= pageCounts.get(path)!, href).toBe(true);
        }
      }
      if (url === pdfPage) expect(pageCounts.size).toBe(2);
      await page.close();
    }
  });

  it('prints on A4 landscape: no controls, the header row on every page, first and last rows there, nothing cut off at the side', async () => {
    const {page} = await open(COMMITTED);
    await page.setViewportSize({width: 1047, height: 740});
    await page.emulateMedia({media: 'print'});
    expect(await page.locator('#filters').isVisible()).toBe(false);
    expect(await page.evaluate(() => (globalThis as unknown as {document: {documentElement: {scrollWidth: number}}}).document.documentElement.scrollWidth)).toBeLessThanOrEqual(1047);
    const pdf = await page.pdf({preferCSSPageSize: true, printBackground: false});
    const pdfjs = await loadPdfJs();
    const printed = await pdfjs.getDocument({data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false}).promise;
    expect(printed.numPages).toBeGreaterThan(3);
    const pages: string[] = [];
    for (let n = 1; n <= printed.numPages; n++) {
      const content = await (await printed.getPage(n)).getTextContent();
      pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
    }
    const [width, height] = (await printed.getPage(1)).view.slice(2);
    expect(width).toBeGreaterThan(height!); // landscape
    for (const text of pages) expect(text).toMatch(/Row\s+Objective 2023\/24\s+Objective 2024\/25\s+Status\s+What changed\s+Commentary/);
    const all = pages.join(' ');
    expect(all).toContain('Refresh whole system workforce plans');
    expect(all).toContain('Reduce agency spending across the NHS');
    expect(all).not.toContain('Needs review only');
    await printed.destroy();
    await page.close();
  });

  it('prints a filtered view with a line saying which filters were on', async () => {
    const {page} = await open(COMMITTED);
    await page.getByRole('checkbox', {name: /^Kept \(\d+\)$/}).uncheck();
    await page.emulateMedia({media: 'print'});
    const note = page.locator('#print-filter');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toMatch(/^Filtered \(status: new, dropped\): 20 of 41 rows\.$/);
    await page.close();
  });

  it('axe-core finds no serious or critical accessibility violation (WCAG 2.1 A/AA and best practice)', async () => {
    for (const [name, url] of [
      ['comparison.html', COMMITTED],
      ['comparison.html (PDF sources, stale entry)', pdfPage],
      ['lineage.html', LINEAGE],
    ] as const) {
      const {page} = await open(url);
      await page.evaluate(AXE);
      type Axe = {run: (context: unknown, options: unknown) => Promise<{violations: {id: string; impact: string; nodes: unknown[]}[]; passes: unknown[]}>};
      const result = await page.evaluate(() =>
        (globalThis as unknown as {axe: Axe; document: unknown}).axe.run((globalThis as unknown as {document: unknown}).document, {
          runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
        }),
      );
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id} (${v.nodes.length})`), name).toEqual([]);
      axeSummary.push(`${name}: ${result.violations.length} violations (${serious.length} serious or critical), ${result.passes.length} rules passed`);
      await page.close();
    }
  });
});

describe('lineage.html in Chromium', () => {
  it('filters lineages by their status in the latest edition', async () => {
    const {page} = await open(LINEAGE);
    const total = await page.locator('tbody tr[data-status]').count();
    expect(await page.locator('#shown').textContent()).toBe(`${total} of ${total} lineages shown`.replace('lineages', 'rows'));
    const dropped = await page.$$eval('tbody tr[data-status="dropped"]', (rows) => rows.map((r) => r.id));
    for (const label of await page.locator('input[name=status]').all()) if ((await label.getAttribute('value')) !== 'dropped') await label.uncheck();
    expect(await visibleRows(page)).toEqual(dropped);
    await page.close();
  });
});
