import type {SeriesLineage} from '../model/lineage.js';
import type {Edition, Objective} from '../model/objective.js';
import {where} from './change-words.js';
import {esc, filterForm, href, page, type IndexLink} from './render-html-page.js';

/** Options for {@link renderLineageHtml}. */
export interface LineageHtmlOptions {
  /** The series' editions: each cell then shows its objective's text and where it came from. @default none */
  readonly editions?: readonly Edition[];
  /** Where the source documents are, relative to the page, ending in `/`; see `renderComparisonHtml`. @default undefined */
  readonly sourceBase?: string;
  /** A link back to an index page, shown above the title. @default none */
  readonly index?: IndexLink;
}

/** Cell statuses that rest on a judgement a person should check: one objective folded into or out of others, or one that came back. */
const JUDGEMENT = new Set(['merged', 'split', 'reinstated']);

const LABELS: Readonly<Record<string, string>> = {
  present: 'Present',
  kept: 'Kept',
  changed: 'Changed',
  new: 'New',
  dropped: 'Dropped',
  reinstated: 'Reinstated',
  merged: 'Merged',
  split: 'Split',
  absent: '',
};

function objectiveNote(o: Objective, options: LineageHtmlOptions): string {
  const p = o.provenance;
  const label = `${p.file.split('/').at(-1)} ${where(p)}`;
  const link =
    options.sourceBase === undefined
      ? esc(label)
      : `<a href="${esc(href(`${options.sourceBase}${p.file}`, p.page !== undefined ? `page=${p.page}` : undefined))}">${esc(label)}</a>`;
  return `<details><summary>${esc(label)}</summary><p>${esc(o.text)}</p><p class="src">${link}</p></details>`;
}

/**
 * A series' lineage → a standalone HTML page (`lineage.html`): one row per lineage, one column per
 * edition, filters by status in the latest edition, group, and "needs review" (a merge, split or
 * reinstatement somewhere along the line); with the editions given, each cell shows its objective's
 * text and source. Same page shell as `comparison.html`: nothing is loaded from the network. A pure
 * function of the lineage.
 *
 * @example
 * const html = renderLineageHtml(lineage, {editions, sourceBase: '../../sources/'});
 */
export function renderLineageHtml(lineage: SeriesLineage, options: LineageHtmlOptions = {}): string {
  const heads = lineage.editions.map((e) => e.planYear ?? e.id);
  const title = `Lineage of ${lineage.series}: ${heads.join(', ')}`;
  const objectives = new Map((options.editions ?? []).flatMap((e) => e.objectives.map((o) => [o.id, o] as const)));
  const latest = (l: SeriesLineage['lineages'][number]): string => l.cells.at(-1)?.status ?? 'absent';
  const flagged = lineage.lineages.filter((l) => l.cells.some((c) => JUDGEMENT.has(c.status)));
  const columns = 3 + heads.length;

  const bodies: string[] = [];
  let open: string | undefined;
  let rows: string[] = [];
  const flush = (): void => {
    if (open === undefined) return;
    bodies.push(`<tbody data-group="${esc(open)}">\n<tr><th scope="rowgroup" colspan="${columns}">${esc(open)}</th></tr>\n${rows.join('\n')}\n</tbody>`);
    rows = [];
  };
  lineage.lineages.forEach((l, k) => {
    if (l.area !== open) {
      flush();
      open = l.area;
    }
    const judgement = l.cells.filter((c) => JUDGEMENT.has(c.status)).map((c) => c.status);
    const attrs = [`id="${esc(l.id)}"`, `data-status="${esc(latest(l))}"`, `data-group="${esc(l.area)}"`, judgement.length ? `data-needs-review="${esc([...new Set(judgement)].join(' '))}"` : '']
      .filter(Boolean)
      .join(' ');
    const cells = l.cells
      .map((c) => {
        const label = LABELS[c.status] ?? c.status;
        const flag = JUDGEMENT.has(c.status) ? '<span class="flag">Needs review</span>' : '';
        const note = c.note ? `<span class="machine">${esc(c.note)}</span>` : '';
        const found = c.objectives.map((id) => objectives.get(id)).filter((o): o is Objective => o !== undefined);
        return `<td class="status status-${esc(c.status)}">${label ? esc(label) : '<span class="none">absent</span>'}${note}${flag}${found.map((o) => objectiveNote(o, options)).join('')}</td>`;
      })
      .join('');
    rows.push(`<tr ${attrs}><th scope="row">${k + 1} <code>${esc(l.id)}</code></th><td>${esc(l.area)}</td><td>${esc(l.text)}</td>${cells}</tr>`);
  });
  flush();

  const statuses = [...new Set(lineage.lineages.map(latest))].map((value) => ({
    value,
    label: LABELS[value] || 'Absent',
    count: lineage.lineages.filter((l) => latest(l) === value).length,
  }));
  const header = [
    options.index ? `<nav aria-label="Breadcrumb"><a href="${esc(options.index.href)}">${esc(options.index.label)}</a></nav>` : '',
    `<h1>${esc(title)}</h1>`,
    `<p class="summary">${lineage.lineages.length} objective lineages across ${lineage.editions.length} editions (${lineage.editions
      .map((e) => esc(e.title))
      .join('; ')}). Each row follows one objective through rewordings, merges and splits; its text is as last published.</p>`,
    `<p class="legend">Status filters use the latest edition (${esc(heads.at(-1) ?? '')}). Needs review: ${flagged.length} lineages with a merge, split or reinstatement.</p>`,
  ]
    .filter(Boolean)
    .join('\n');
  const main = [
    filterForm({statuses, groups: [...new Set(lineage.lineages.map((l) => l.area))], needsReview: flagged.length, noun: 'lineages'}),
    '<table id="lineage">',
    `<caption>${esc(title)}: one row per lineage, one group per area, one column per edition.</caption>`,
    `<thead><tr><th scope="col">Lineage</th><th scope="col">Area</th><th scope="col">Objective (latest text)</th>${heads
      .map((h) => `<th scope="col">${esc(h)}</th>`)
      .join('')}</tr></thead>`,
    ...bodies,
    '</table>',
  ].join('\n');
  return page({title, header, main, footer: `<p>Made by guidance-diff from ${lineage.editions.length} editions of ${esc(lineage.series)}.</p>`});
}
