import type {Comparison, ComparisonRow} from '../model/comparison.js';
import type {Diagnostic} from '../model/diagnostic.js';
import type {Objective} from '../model/objective.js';
import {tokenize} from '../diff/word-diff.js';
import {statusWord, where} from './change-words.js';
import {esc, filterForm, href, page, type IndexLink} from './render-html-page.js';
import {changeNotes, REVIEW_MARK, reviewed} from './review-words.js';

/** Options for {@link renderComparisonHtml}. */
export interface ComparisonHtmlOptions {
  /**
   * Where the source documents are, relative to the page, ending in `/` (`../../sources/`): each
   * objective's page or line then links to its document (`file.pdf#page=N` for a PDF). Without it,
   * provenance is shown as text. @default undefined
   */
  readonly sourceBase?: string;
  /** A link back to an index page, shown above the title. @default none */
  readonly index?: IndexLink;
  /** A kept pair matched with less similarity than this needs review. @default 0.5 */
  readonly lowConfidence?: number;
}

const STATUSES = [
  {value: 'kept', label: 'Kept'},
  {value: 'new', label: 'New'},
  {value: 'dropped', label: 'Dropped'},
] as const;

const MARK = `<span class="rv" title="Set by a reviewer">${REVIEW_MARK}<span class="sr-only"> set by a reviewer</span></span>`;

/** Why a row needs a person's eyes: a weak pairing no reviewer has confirmed, or a problem reading its objectives. */
export function needsReview(row: ComparisonRow, diagnostics: readonly Diagnostic[], lowConfidence = 0.5): string[] {
  const reasons: string[] = [];
  const confidence = (row as {confidence?: number}).confidence ?? row.similarity;
  // A pair a reviewer forced or confirmed has had its review.
  const confirmed = row.review?.fields.includes('pair') === true;
  if (!confirmed && row.status === 'kept' && row.previous.length && row.current.length && confidence !== undefined && confidence < lowConfidence) {
    reasons.push(`low-confidence pair (similarity ${confidence})`);
  }
  for (const o of [...row.previous, ...row.current]) {
    const p = o.provenance;
    const hit = diagnostics.find(
      (d) =>
        d.severity !== 'info' &&
        d.stage !== 'review' &&
        d.file === p.file &&
        d.line !== undefined &&
        (d.page === undefined || d.page === p.page) &&
        d.line >= p.line &&
        d.line <= p.endLine,
    );
    if (hit) {
      reasons.push(`partial extraction (${hit.code}, ${where(p)})`);
      break;
    }
  }
  return reasons;
}

/** A source's path from the page: relative paths under `base`; an absolute one as a file URL. */
function sourcePath(file: string, base: string): string {
  return file.startsWith('/') ? `file://${file}` : `${base}${file}`;
}

function provenance(o: Objective, options: ComparisonHtmlOptions, manual: boolean): string {
  const p = o.provenance;
  const label = manual ? `reviewer's row, ${p.file} ${where(p)}` : `${p.file.split('/').at(-1)} ${where(p)}`;
  if (options.sourceBase === undefined) return `<span class="src">${esc(label)}</span>`;
  const target = href(sourcePath(p.file, options.sourceBase), p.page !== undefined ? `page=${p.page}` : undefined);
  return `<span class="src"><a href="${esc(target)}">${esc(label)}</a></span>`;
}

/** Take tokens from `tokens` at `at` until they spell `text`; returns how many. */
function span(tokens: readonly string[], at: number, text: string): number {
  let joined = '';
  let n = 0;
  while (joined.length < text.length && at + n < tokens.length) joined += tokens[at + n++];
  return joined === text ? n : -1;
}

/**
 * The two objective cells of a 1:1 kept row, side by side: removed words marked in the previous text,
 * added ones in the current, each side in its own words (an equal run carries the current edition's
 * words, so the previous side is read from its own tokens).
 */
function sideBySide(row: ComparisonRow): [string, string] | undefined {
  if (row.previous.length !== 1 || row.current.length !== 1 || !row.wordDiff.length) return undefined;
  const a = tokenize(row.previous[0]!.text);
  const b = tokenize(row.current[0]!.text);
  let ia = 0;
  let ib = 0;
  let before = '';
  let after = '';
  const mark = (tag: 'del' | 'ins', text: string): string => (text.trim() ? `<${tag}>${esc(text.trimEnd())}</${tag}>${esc(text.slice(text.trimEnd().length))}` : esc(text));
  for (const op of row.wordDiff) {
    if (op.op === 'insert') {
      const n = span(b, ib, op.text);
      if (n < 0) return undefined;
      ib += n;
      after += mark('ins', op.text);
    } else if (op.op === 'delete') {
      const n = span(a, ia, op.text);
      if (n < 0) return undefined;
      ia += n;
      before += mark('del', op.text);
    } else {
      const n = span(b, ib, op.text);
      if (n < 0) return undefined;
      ib += n;
      before += esc(a.slice(ia, ia + n).join(''));
      ia += n;
      after += esc(op.text);
    }
  }
  // The diff must account for every word of both texts; otherwise show them plainly.
  return ia === a.length && ib === b.length ? [before, after] : undefined;
}

function objectiveCell(list: readonly Objective[], diffed: string | undefined, none: string, options: ComparisonHtmlOptions, manual: boolean): string {
  if (!list.length) return `<td class="obj"><span class="none">${esc(none)}</span></td>`;
  const body = list.map((o, k) => `<p>${k === 0 && diffed !== undefined ? diffed : esc(o.text)}${provenance(o, options, manual)}</p>`).join('');
  return `<td class="obj${manual ? ' reviewed' : ''}">${body}</td>`;
}

function statusCell(row: ComparisonRow, reasons: readonly string[]): string {
  const state = reviewed(row, 'status');
  const machine = row.review?.machineStatus;
  const flags = reasons.map((r) => `<span class="flag">Needs review: ${esc(r)}</span>`).join('');
  const pair = reviewed(row, 'pair');
  const pairNote =
    pair === 'overridden' ? '<span class="machine">pairing set by a reviewer</span>' : row.review?.manual ? '<span class="machine">row added by a reviewer</span>' : '';
  return `<td class="status status-${row.status}${state !== 'no' ? ' reviewed' : ''}">${statusWord(row)}${state !== 'no' ? ` ${MARK}` : ''}${
    machine ? `<span class="machine">machine: ${statusWord({...row, status: machine})}</span>` : ''
  }${pairNote}${flags}</td>`;
}

function notesCell(row: ComparisonRow): string {
  const notes = changeNotes(row);
  if (!notes.length) return '<td></td>';
  const items = notes.map((n) => `<li>${esc(n.text)}${n.by === 'machine' ? '' : ` ${MARK}`}</li>`).join('');
  return `<td${reviewed(row, 'notes') !== 'no' ? ' class="reviewed"' : ''}><ul class="notes">${items}</ul></td>`;
}

function commentaryCell(row: ComparisonRow): string {
  const text = row.review?.commentary;
  if (!text) return '<td class="commentary"></td>';
  return `<td class="commentary reviewed">${text
    .split(/\n{2,}/)
    .map((p) => `<p>${esc(p)}</p>`)
    .join('')}</td>`;
}

/**
 * Comparison → a standalone HTML page (`comparison.html`): previous and current objectives side by
 * side with removed and added words marked, status, what changed and the reviewer's commentary; each
 * objective's page or line, linked to its source (`file.pdf#page=N` for a PDF) when `sourceBase` is
 * given; filters by status, group and "needs review" (low-confidence pairs, partial extraction; stale
 * review entries are listed apart); every reviewed cell marked ✎; print styles; a table a screen
 * reader can navigate (caption, column headers, one row group per area with its header, a row header
 * per row). Nothing is loaded from the network: styles and script are inline, pinned by a
 * Content-Security-Policy. A pure function of the comparison.
 *
 * @example
 * const html = renderComparisonHtml(comparison, {sourceBase: '../../sources/', index: {href: '../index.html', label: 'All comparisons'}});
 */
export function renderComparisonHtml(comparison: Comparison, options: ComparisonHtmlOptions = {}): string {
  const previousYear = comparison.previous.planYear ?? comparison.previous.title;
  const currentYear = comparison.current.planYear ?? comparison.current.title;
  const title = `Objectives ${previousYear} compared with ${currentYear}`;
  const diagnostics = comparison.diagnostics;
  const reasons = comparison.rows.map((row) => needsReview(row, diagnostics, options.lowConfidence));
  const stale = comparison.review?.stale ?? [];
  const flagged = reasons.filter((r) => r.length).length;
  const {summary} = comparison;

  const sourceLink = (file: string, label: string): string =>
    options.sourceBase === undefined ? `<code>${esc(file)}</code>` : `<a href="${esc(href(sourcePath(file, options.sourceBase)))}">${esc(label)}</a>`;
  const header = [
    options.index ? `<nav aria-label="Breadcrumb"><a href="${esc(options.index.href)}">${esc(options.index.label)}</a></nav>` : '',
    `<h1>${esc(title)}</h1>`,
    `<p>Previous: ${sourceLink(comparison.previous.file, comparison.previous.title)} (${comparison.previous.objectives} objectives in ${comparison.previous.areas} areas). ` +
      `Current: ${sourceLink(comparison.current.file, comparison.current.title)} (${comparison.current.objectives} objectives in ${comparison.current.areas} areas).</p>`,
    `<p class="summary"><strong>Kept</strong> ${summary.kept} (${summary.changed} with changes) · <strong>New</strong> ${summary.new} · <strong>Dropped</strong> ${summary.dropped} · <strong>Needs review</strong> ${flagged + stale.length}</p>`,
    `<p class="legend">In the objectives, <del>removed words</del> and <ins>added words</ins> are marked.${
      comparison.review
        ? ` ${REVIEW_MARK} marks what a reviewer set in <code>${esc(comparison.review.file)}</code>: ${comparison.review.applied} of ${comparison.review.entries} entries applied${
            comparison.review.reanchored ? `, ${comparison.review.reanchored} found again after their text changed` : ''
          }${stale.length ? `, <a href="#stale">${stale.length} stale</a>` : ''}.`
        : ''
    }</p>`,
  ]
    .filter(Boolean)
    .join('\n');

  // One row group per run of rows in the same area.
  const bodies: string[] = [];
  let open: string | undefined;
  let rowsHtml: string[] = [];
  const flush = (): void => {
    if (open === undefined) return;
    const id = `g${bodies.length + 1}`;
    bodies.push(
      `<tbody data-group="${esc(open)}">\n<tr><th scope="rowgroup" colspan="6" id="${id}">${esc(open)}</th></tr>\n${rowsHtml.join('\n')}\n</tbody>`,
    );
    rowsHtml = [];
  };
  comparison.rows.forEach((row, k) => {
    if (row.area !== open) {
      flush();
      open = row.area;
    }
    const manual = row.review?.manual === true;
    const diffed = row.status === 'kept' ? sideBySide(row) : undefined;
    const attrs = [
      `id="row-${k + 1}"`,
      `data-status="${row.status}"`,
      `data-group="${esc(row.area)}"`,
      reasons[k]!.length ? `data-needs-review="${esc(reasons[k]!.join('; '))}"` : '',
      row.review ? `data-reviewed="${row.review.fields.join(' ')}"` : '',
      manual ? 'class="manual"' : '',
    ].filter(Boolean);
    const area = row.previousArea ? `<span class="machine">area was: ${esc(row.previousArea)}</span>` : '';
    rowsHtml.push(
      `<tr ${attrs.join(' ')}><th scope="row">${k + 1}${area}</th>` +
        objectiveCell(row.previous, diffed?.[0], `Not included in ${previousYear}.`, options, manual) +
        objectiveCell(row.current, diffed?.[1], `Not included in ${currentYear}.`, options, manual) +
        statusCell(row, reasons[k]!) +
        notesCell(row) +
        commentaryCell(row) +
        '</tr>',
    );
  });
  flush();

  const groups = [...new Set(comparison.rows.map((r) => r.area))];
  const count = (status: string): number => comparison.rows.filter((r) => r.status === status).length;
  const main = [
    filterForm({statuses: STATUSES.map((s) => ({...s, count: count(s.value)})), groups, needsReview: flagged, noun: 'rows'}),
    '<table id="comparison">',
    `<caption>${esc(title)}: ${comparison.rows.length} rows, one group per area. Row headers give the row number.</caption>`,
    '<thead><tr><th scope="col">Row</th>' +
      `<th scope="col">Objective ${esc(previousYear)}</th><th scope="col">Objective ${esc(currentYear)}</th>` +
      '<th scope="col">Status</th><th scope="col">What changed</th><th scope="col">Commentary</th></tr></thead>',
    ...bodies,
    '</table>',
    staleSection(comparison),
    notesSection(diagnostics),
  ]
    .filter(Boolean)
    .join('\n');
  const footer = `<p>Made by guidance-diff ${esc(comparison.generator.version)} from ${esc(comparison.previous.file)} and ${esc(comparison.current.file)}${
    comparison.review ? ` with the review file ${esc(comparison.review.file)}` : ''
  }.</p>`;
  return page({title, header, main, footer});
}

function staleSection(comparison: Comparison): string {
  const stale = comparison.review?.stale ?? [];
  if (!stale.length) return '';
  const rows = stale
    .map(
      (s) =>
        `<tr data-needs-review="stale review entry"><th scope="row">${esc(s.entry)}</th><td>${s.line ?? ''}</td><td>${s.side}</td><td>${esc(s.text)}</td><td>${esc(s.reason)}</td></tr>`,
    )
    .join('\n');
  return [
    '<section id="stale" aria-labelledby="stale-h">',
    `<h2 id="stale-h">Review entries that no longer apply (${stale.length})</h2>`,
    `<p>These entries of <code>${esc(comparison.review!.file)}</code> name an objective that can no longer be found; they were not applied. Edit their anchor text or delete them.</p>`,
    '<table><caption>Stale review entries</caption>',
    '<thead><tr><th scope="col">Entry</th><th scope="col">Line</th><th scope="col">Side</th><th scope="col">Objective text in the review file</th><th scope="col">Why</th></tr></thead>',
    `<tbody>\n${rows}\n</tbody></table>`,
    '</section>',
  ].join('\n');
}

function notesSection(diagnostics: readonly Diagnostic[]): string {
  const notes = diagnostics.filter((d) => d.severity !== 'info');
  if (!notes.length) return '';
  const items = notes.map((d) => `<li>${esc(d.severity)}: ${esc(d.file)}${d.page ? ` p. ${d.page}` : ''}${d.line ? `:${d.line}` : ''}: ${esc(d.message)}</li>`).join('\n');
  return `<section aria-labelledby="notes-h">\n<h2 id="notes-h">Notes</h2>\n<ul>\n${items}\n</ul>\n</section>`;
}
