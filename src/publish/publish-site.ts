import {createHash} from 'node:crypto';
import {copyFile, readdir, readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {Feed} from 'feed';
import type {BatchReport} from '../batch/batch-types.js';
import {StagedOutput} from '../batch/staged-output.js';
import {diagnostic, DiagnosticError} from '../model/diagnostics.js';
import type {Comparison} from '../model/comparison.js';
import type {SeriesLineage} from '../model/lineage.js';
import {describeError} from '../io/describe-error.js';
import {displayPath} from '../io/read-input.js';
import {writeOutputs} from '../io/write-outputs.js';
import {renderComparisonHtml, renderLineageHtml} from './html-renderers.js';
import {escapeHtml, page} from './site-page.js';

/** Options for {@link publishSite}. */
export interface PublishOptions {
  /** Where the site goes. @default 'site' */
  readonly siteDir?: string;
  /** The site's public address (ending in `/`), for absolute links in the feed. @default links relative to the feed */
  readonly baseUrl?: string;
  /** The site's and the feed's title. @default 'guidance-diff comparisons' */
  readonly title?: string;
  /** The time written on new feed entries. @default now (the CLI honours SOURCE_DATE_EPOCH) */
  readonly now?: Date;
}

/** One comparison or lineage that is new, changed or removed since the last publish. */
export interface SiteChange {
  id: string;
  kind: 'comparison' | 'lineage';
  change: 'new' | 'changed' | 'removed';
  series?: string;
  title: string;
  /** Its page, absolute when a base URL was given. */
  url: string;
  /** Kept, new, dropped and changed counts of a comparison. */
  summary?: Comparison['summary'];
}

/** A feed entry, kept in the site's state so that the feed keeps its history. */
interface Entry {
  id: string;
  comparison: string;
  title: string;
  summary: string;
  link: string;
  updated: string;
}

/** `state.json`: what the last publish saw, so the next one knows what changed. */
interface SiteState {
  generator: 'guidance-diff';
  feedId: string;
  products: string[];
  /** sha256 of each comparison.json / lineage.json published, by folder. */
  published: Record<string, {sha256: string; kind: 'comparison' | 'lineage'}>;
  entries: Entry[];
}

/** What {@link publishSite} did. */
export interface PublishResult {
  siteDir: string;
  changes: SiteChange[];
  /** Comparisons and lineages on the site. */
  comparisons: number;
  lineages: number;
  /** Things left out, in words (a comparison without comparison.json, …). */
  notes: string[];
}

/** Feed entries kept: the newest this many. */
const MAX_ENTRIES = 100;

/** A name-based UUID (version 5 layout, SHA-1 over a fixed namespace and the name): a stable `urn:uuid:` id. */
export function stableUuid(name: string): string {
  const hash = createHash('sha1').update('guidance-diff\u0000').update(name).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function fail(file: string, message: string, cause?: unknown): never {
  throw new DiagnosticError(diagnostic('error', 'output-unwritable', 'cli', message, {file: displayPath(file)}), {cause});
}

async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (error) {
    void error; // Missing or unreadable: the caller says what is left out.
    return undefined;
  }
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

interface Product {
  id: string;
  kind: 'comparison' | 'lineage';
  series?: string;
  text: string;
  value: Comparison | SeriesLineage;
}

/** The comparisons and lineages a batch's output folder holds, in report order. */
async function readProducts(outputDir: string, notes: string[]): Promise<Product[]> {
  const report = await readJson<BatchReport>(join(outputDir, 'report.json'));
  if (!report || !Array.isArray(report.items)) fail(join(outputDir, 'report.json'), 'Cannot publish: no report.json of a batch here; run `guidance-diff batch` first');
  if (report.interrupted) notes.push('the batch was interrupted: comparisons it did not finish are published as they were');
  const products: Product[] = [];
  for (const item of report.items) {
    if (item.kind === 'document') continue;
    const name = item.kind === 'comparison' ? 'comparison.json' : 'lineage.json';
    const text = await readFile(join(outputDir, item.id, name), 'utf8').catch(() => undefined);
    if (text === undefined) {
      if (item.status !== 'failure') notes.push(`${item.id}: left out, it has no ${name} (run the batch with the json format)`);
      continue;
    }
    products.push({id: item.id, kind: item.kind, ...(item.series ? {series: item.series} : {}), text, value: JSON.parse(text) as Comparison | SeriesLineage});
  }
  return products;
}

function titleOf(product: Product): string {
  if (product.kind === 'lineage') return `Lineage of ${product.id}`;
  const c = product.value as Comparison;
  return `${c.previous.title} → ${c.current.title}`;
}

function summaryText(summary: Comparison['summary']): string {
  return `Kept ${summary.kept} (${summary.changed} changed), new ${summary.new}, dropped ${summary.dropped}.`;
}

/** index.html: series, each with its comparisons and lineage; the feed linked. */
function renderIndex(title: string, products: readonly Product[]): string {
  const groups = new Map<string, Product[]>();
  for (const p of products) groups.set(p.series ?? 'Other comparisons', [...(groups.get(p.series ?? 'Other comparisons') ?? []), p]);
  const sections = [...groups].map(([series, list]) => {
    const items = list.map((p) => {
      const extra = p.kind === 'comparison' ? ` — ${escapeHtml(summaryText((p.value as Comparison).summary))}` : ` — ${(p.value as SeriesLineage).lineages.length} lineages`;
      return `<li><a href="${escapeHtml(p.id)}/">${escapeHtml(titleOf(p))}</a>${extra}</li>`;
    });
    return `<h2>${escapeHtml(series)}</h2>\n<ul>\n${items.join('\n')}\n</ul>`;
  });
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p><a href="feed.xml">Atom feed</a> of new and changed comparisons.</p>\n${sections.join('\n')}`).replace(
    '</title>',
    '</title>\n<link rel="alternate" type="application/atom+xml" href="feed.xml">',
  );
}

/** Stands for the site's address while the feed is built without one; links are then made relative. */
const NO_BASE = 'https://no-base-url.invalid/';

/** feed.xml: Atom 1.0, one entry per new or changed comparison, newest first, ids stable. */
function renderFeed(state: SiteState, title: string, baseUrl: string | undefined): string {
  const base = baseUrl ?? NO_BASE;
  const feed = new Feed({
    id: state.feedId,
    title,
    updated: new Date(state.entries[0]?.updated ?? '1970-01-01T00:00:00.000Z'),
    generator: 'guidance-diff',
    link: base,
    ...(baseUrl ? {feedLinks: {atom: `${baseUrl}feed.xml`}} : {}),
    author: {name: title},
  });
  for (const entry of state.entries) {
    feed.addItem({title: entry.title, id: entry.id, link: `${base}${entry.comparison}/`, date: new Date(entry.updated), description: entry.summary});
  }
  // Without a base URL, links are relative to the feed (the library insists on absolute ones).
  const xml = feed.atom1().replaceAll(`href="${NO_BASE}"`, 'href="./"').replaceAll(`href="${NO_BASE}`, 'href="');
  return `${xml}\n`;
}

/**
 * Build a static site from a batch's output folder: `index.html` (series, comparisons, lineages), one page
 * per comparison and per series' lineage (with the raw files beside), and `feed.xml`, an Atom feed with one
 * entry per comparison that is new or changed since the last publish (entry ids are stable: a UUID from
 * the comparison's id and the sha256 of its comparison.json). The site switches from old to new in one
 * step; publishing unchanged output again writes the same bytes.
 *
 * @example
 * const {changes} = await publishSite('output', {siteDir: 'site', baseUrl: 'https://example.org/guidance/'});
 */
export async function publishSite(outputDir: string, options: PublishOptions = {}): Promise<PublishResult> {
  const siteDir = options.siteDir ?? 'site';
  const title = options.title ?? 'guidance-diff comparisons';
  const base = options.baseUrl === undefined ? undefined : options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const notes: string[] = [];
  const products = await readProducts(outputDir, notes);
  const before = await readJson<SiteState>(join(siteDir, 'state.json'));
  const {state, changes} = compareWithLastPublish(products, before, {title, base, now: (options.now ?? new Date()).toISOString()});
  await writeSite(siteDir, outputDir, products, state, {title, base});
  return {siteDir, changes, comparisons: products.filter((p) => p.kind === 'comparison').length, lineages: products.filter((p) => p.kind === 'lineage').length, notes};
}

/** What is new, changed or removed since the last publish, and the state (with feed entries) to keep. */
function compareWithLastPublish(
  products: readonly Product[],
  before: SiteState | undefined,
  site: {title: string; base: string | undefined; now: string},
): {state: SiteState; changes: SiteChange[]} {
  const state: SiteState = {
    generator: 'guidance-diff',
    feedId: before?.feedId ?? `urn:uuid:${stableUuid(`feed\u0000${site.base ?? site.title}`)}`,
    products: [...products.map((p) => p.id), 'index.html', 'feed.xml'],
    published: {},
    entries: [],
  };
  const changes: SiteChange[] = [];
  const fresh: Entry[] = [];
  const url = (id: string): string => `${site.base ?? ''}${id}/`;
  for (const product of products) {
    const hash = sha(product.text);
    state.published[product.id] = {sha256: hash, kind: product.kind};
    const previous = before?.published[product.id]?.sha256;
    if (previous === hash) continue;
    const change: SiteChange = {id: product.id, kind: product.kind, change: previous === undefined ? 'new' : 'changed', ...(product.series ? {series: product.series} : {}), title: titleOf(product), url: url(product.id)};
    if (product.kind === 'comparison') {
      const summary = (product.value as Comparison).summary;
      change.summary = summary;
      const id = `urn:uuid:${stableUuid(`${product.id}\u0000${hash}`)}`;
      fresh.push({id, comparison: product.id, title: `${titleOf(product)} (${change.change})`, summary: summaryText(summary), link: url(product.id), updated: site.now});
    }
    changes.push(change);
  }
  for (const [id, {kind}] of Object.entries(before?.published ?? {})) {
    if (!(id in state.published)) changes.push({id, kind, change: 'removed', title: id, url: url(id)});
  }
  state.entries = [...fresh, ...(before?.entries ?? []).filter((e) => !fresh.some((f) => f.id === e.id))].slice(0, MAX_ENTRIES);
  return {state, changes};
}

/** Write the pages, the raw files, the index, the feed and the state into a staging folder, then switch. */
async function writeSite(siteDir: string, outputDir: string, products: readonly Product[], state: SiteState, site: {title: string; base: string | undefined}): Promise<void> {
  const staged = await StagedOutput.open(siteDir, 'state.json');
  try {
    for (const product of products) {
      const html = product.kind === 'comparison' ? renderComparisonHtml(product.value as Comparison) : renderLineageHtml(product.value as SeriesLineage);
      await writeOutputs(staged.path(product.id), [{name: 'index.html', content: html}]);
      // The raw files beside the page, for download.
      for (const name of await readdir(join(outputDir, product.id))) {
        if (!name.startsWith('.')) await copyFile(join(outputDir, product.id, name), join(staged.path(product.id), name));
      }
      staged.done(product.id);
    }
    await writeOutputs(staged.staging, [
      {name: 'index.html', content: renderIndex(site.title, products)},
      {name: 'feed.xml', content: renderFeed(state, site.title, site.base)},
      {name: 'state.json', content: `${JSON.stringify(state, null, 2)}\n`},
    ]);
    await staged.commit();
  } catch (error) {
    await staged.abandon();
    if (error instanceof DiagnosticError) throw error;
    fail(siteDir, `Cannot write the site: ${describeError(error)}`, error);
  }
}
