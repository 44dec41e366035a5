import {stringify} from 'csv-stringify/sync';
import {gfmToMarkdown} from 'mdast-util-gfm';
import {toMarkdown} from 'mdast-util-to-markdown';
import type {Root, TableCell} from 'mdast';
import {Edition} from '../model/objective.js';
import type {Target} from '../model/objective.js';
import {where} from './change-words.js';
import {neutraliseFormula} from './render-csv.js';
import {checksSection} from './checks-section.js';

function targetWords(targets: readonly Target[]): string {
  return targets
    .map((t) => `${t.comparator ? `${t.comparator} ` : ''}${t.text}${t.deadline ? ` (by ${t.deadline})` : ''}`)
    .join('; ');
}

function cell(value: string): TableCell {
  return {type: 'tableCell', children: [{type: 'text', value}]};
}

/** How the edition was read, in words: the block, the column roles, the score and any rival reading. */
function readingText(edition: Edition): string | undefined {
  const r = edition.reading;
  if (!r) return undefined;
  const roles = r.columns?.filter((c) => c.role !== 'ignored').map((c) => `${c.header || `column ${c.index + 1}`} = ${c.role}${c.period ? ` (${c.period})` : ''}`);
  const rival = r.runnerUp ? ` Next best: ${r.runnerUp.description} (${r.runnerUp.score.toFixed(2)}).` : '';
  return `Read ${r.description}${roles?.length ? ` — ${roles.join(', ')}` : ''}; score ${r.score.toFixed(2)}${r.steered ? ', as steered' : ''}.${rival}`;
}

/** An extracted edition as JSON, a Markdown table or CSV (for `guidance-diff extract`). */
export function renderEdition(edition: Edition, format: 'json' | 'md' | 'csv'): string {
  if (format === 'json') return `${JSON.stringify(Edition.parse(edition), null, 2)}\n`;
  const rows = edition.objectives.map((o) => [o.area, o.text, targetWords(o.targets), o.deadlines.map((d) => d.date).join(' '), `${o.provenance.file} ${where(o.provenance)}`]);
  const header = ['Area', 'Objective', 'Targets', 'Deadlines', 'Source'];
  if (format === 'csv') return stringify(rows.map((r) => r.map(neutraliseFormula)), {header: true, columns: header, record_delimiter: 'windows'});
  const tree: Root = {
    type: 'root',
    children: [
      {type: 'heading', depth: 1, children: [{type: 'text', value: edition.title}]},
      {type: 'paragraph', children: [{type: 'text', value: `${edition.objectives.length} objectives in ${edition.areas.length} areas${edition.planYear ? `, plan year ${edition.planYear}` : ''}.`}]},
      ...(readingText(edition) ? [{type: 'paragraph' as const, children: [{type: 'text' as const, value: readingText(edition)!}]}] : []),
      {type: 'table', children: [{type: 'tableRow', children: header.map(cell)}, ...rows.map((r) => ({type: 'tableRow' as const, children: r.map(cell)}))]},
      ...checksSection(edition.diagnostics),
    ],
  };
  return toMarkdown(tree, {extensions: [gfmToMarkdown({tablePipeAlign: false})]});
}
