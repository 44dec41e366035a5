import {gfmToMarkdown} from 'mdast-util-gfm';
import {toMarkdown} from 'mdast-util-to-markdown';
import {checksSection} from './checks-section.js';
import type {PhrasingContent, Root, RootContent, TableCell, TableRow} from 'mdast';
import type {Comparison, ComparisonRow} from '../model/comparison.js';
import type {Objective} from '../model/objective.js';
import {where} from './change-words.js';
import {REVIEW_MARK, statusText, whatChanged} from './review-words.js';

const BR: PhrasingContent = {type: 'html', value: '<br>'};

/**
 * Text inside a table cell, escaped here rather than by mdast-util-to-markdown (whose general escaping
 * scans every text node against every unsafe pattern, seconds for a table of thousands of rows):
 * inline syntax characters get a backslash (any ASCII punctuation may take one in CommonMark), `&`
 * only where it could start a character reference, and the cell separator `|`.
 */
function cellText(value: string, marker = ''): PhrasingContent {
  return {type: 'html', value: `${marker}${value.replace(/[\\`*_[\]<>|~]|&(?=[#\p{L}\p{N}])/gu, '\\$&')}${marker}`};
}

function text(value: string): PhrasingContent {
  return {type: 'text', value};
}

function source(objective: Objective): PhrasingContent {
  // A manual row's objective comes from the review file, not from an edition.
  const from = objective.id.startsWith('review:') ? `reviewer's row, ${objective.provenance.file} ` : '';
  return cellText(`(${from}${where(objective.provenance)})`, '_');
}

function joinLines(parts: PhrasingContent[][]): PhrasingContent[] {
  return parts.flatMap((p, k) => (k ? [BR, ...p] : p));
}

/**
 * The current objective with the word diff: removed words struck through, added words in bold. Markers
 * are kept apart from neighbouring words by a space so that no character needs escaping.
 */
function diffed(row: ComparisonRow): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const endsWithSpace = (): boolean => {
    const last = out.at(-1);
    return !last || ((last.type === 'text' || last.type === 'html') && /\s$/.test(last.value));
  };
  let afterMarker = false;
  for (const op of row.wordDiff) {
    const trimmed = op.text.trim();
    if (op.op === 'equal' || !trimmed) {
      if (op.op === 'delete') continue;
      out.push(cellText(afterMarker && /^\S/.test(op.text) ? ` ${op.text}` : op.text));
      afterMarker = false;
      continue;
    }
    if (!endsWithSpace()) out.push(cellText(' '));
    // Markers written here too (each edit stands apart from its neighbours by a space).
    out.push(cellText(trimmed, op.op === 'insert' ? '**' : '~~'));
    const tail = /\s+$/.exec(op.text)?.[0];
    if (tail) out.push(cellText(tail));
    afterMarker = !tail;
  }
  return out;
}

/** A table cell; its runs of already-escaped HTML nodes joined into one (fewer nodes to serialise, same text). */
function cell(children: PhrasingContent[]): TableCell {
  const joined: PhrasingContent[] = [];
  for (const child of children) {
    const last = joined.at(-1);
    if (child.type === 'html' && last?.type === 'html') joined[joined.length - 1] = {type: 'html', value: last.value + child.value};
    else joined.push(child);
  }
  return {type: 'tableCell', children: joined};
}

function objectives(list: readonly Objective[], none: string): PhrasingContent[] {
  if (!list.length) return [cellText(none)];
  return joinLines(list.map((o) => [cellText(`${o.text} `), source(o)]));
}

function tableRow(row: ComparisonRow, currentYear: string, previousYear: string, commentary: boolean): TableRow {
  const current =
    row.status === 'kept' && row.previous.length === 1 && row.current.length === 1
      ? [...diffed(row), cellText(' '), source(row.current[0]!)]
      : objectives(row.current, `Not included in ${currentYear} guidance.`);
  const moved = row.changes.some((c) => c.kind === 'moved');
  const area = row.previousArea && moved ? `${row.area} (was: ${row.previousArea})` : row.area;
  const status = row.uncertain ? `${statusText(row)} (check pairing: confidence ${row.confidence})` : statusText(row);
  return {
    type: 'tableRow',
    children: [
      cell([cellText(area)]),
      cell(objectives(row.previous, `Not included in ${previousYear} guidance.`)),
      cell(current),
      cell([cellText(status)]),
      cell([cellText(whatChanged(row))]),
      ...(commentary ? [cell(row.review?.commentary ? joinLines(row.review.commentary.split(/\n+/).map((p) => [cellText(p)])) : [])] : []),
    ],
  };
}

const GROUP_KIND: Record<NonNullable<Comparison['groups']>[number]['kind'], string> = {
  same: 'Same',
  renamed: 'Renamed',
  merged: 'Merged',
  split: 'Split',
  regrouped: 'Regrouped',
  dropped: 'Dropped',
  new: 'New',
};

/** With a review applied: one paragraph saying what the mark means and how the review's entries fared. */
function reviewLegend(comparison: Comparison): RootContent[] {
  const review = comparison.review;
  if (!review) return [];
  const stale = review.stale.length ? `; ${review.stale.length} stale (see Checks)` : '';
  return [
    {
      type: 'paragraph',
      children: [
        text(`${REVIEW_MARK} marks what a reviewer set in `),
        {type: 'inlineCode', value: review.file},
        text(`: ${review.applied} of ${review.entries} entries applied${review.reanchored ? `, ${review.reanchored} found again after their text changed` : ''}${stale}. The Commentary column is the reviewer's.`),
      ],
    },
  ];
}

/**
 * Comparison → Markdown: a heading, a summary, and a GFM table in the style of the NHS Confederation's
 * hand-made comparison (Area | previous objective | current objective | Status | What changed), with
 * removed words ~~struck through~~ and added words in **bold**; when the groups were reshaped, a
 * Groups section says once how they map ("Cancer + Diagnostics → Reduce the time people wait"), and a
 * weak pairing is marked "check pairing" with its confidence. Built as mdast and serialised with
 * mdast-util-to-markdown, so table cells are escaped.
 */
export function renderMarkdown(comparison: Comparison): string {
  const previousYear = comparison.previous.planYear ?? comparison.previous.title;
  const currentYear = comparison.current.planYear ?? comparison.current.title;
  const {summary} = comparison;
  const commentary = comparison.review !== undefined || comparison.rows.some((r) => r.review?.commentary);
  const children: RootContent[] = [
    {type: 'heading', depth: 1, children: [text(`National objectives: ${previousYear} compared with ${currentYear}`)]},
    {
      type: 'paragraph',
      children: [
        text(`Previous: ${comparison.previous.title} (`),
        {type: 'inlineCode', value: comparison.previous.file},
        text(`, ${comparison.previous.objectives} objectives in ${comparison.previous.areas} areas). Current: ${comparison.current.title} (`),
        {type: 'inlineCode', value: comparison.current.file},
        text(`, ${comparison.current.objectives} objectives in ${comparison.current.areas} areas).`),
      ],
    },
    {
      type: 'paragraph',
      children: [
        {type: 'strong', children: [text('Kept')]},
        text(` ${summary.kept} (${summary.changed} with changes) · `),
        {type: 'strong', children: [text('New')]},
        text(` ${summary.new} · `),
        {type: 'strong', children: [text('Dropped')]},
        text(` ${summary.dropped}. In the current objective, removed words are struck through and added words are in bold.`),
      ],
    },
    ...reviewLegend(comparison),
    {
      type: 'table',
      align: [null, null, null, null, null, ...(commentary ? [null] : [])],
      children: [
        {
          type: 'tableRow',
          children: ['Area', `Objective ${previousYear}`, `Objective ${currentYear}`, 'Status', 'What changed', ...(commentary ? ['Commentary'] : [])].map((h) =>
            cell([text(h)]),
          ),
        },
        ...comparison.rows.map((row) => tableRow(row, currentYear, previousYear, commentary)),
      ],
    },
  ];
  const regrouped = (comparison.groups ?? []).filter((g) => g.kind !== 'same');
  if (regrouped.length) {
    const table = children.findIndex((c) => c.type === 'table');
    children.splice(table, 0, {type: 'heading', depth: 2, children: [text('Groups')]}, {
      type: 'list',
      ordered: false,
      spread: false,
      children: regrouped.map((g) => ({
        type: 'listItem',
        spread: false,
        children: [{type: 'paragraph', children: [{type: 'strong', children: [text(GROUP_KIND[g.kind])]}, text(`: ${g.summary}${g.items ? ` (${g.items} objective${g.items === 1 ? '' : 's'})` : ''}`)]}],
      })),
    });
    children.splice(table + 2, 0, {type: 'heading', depth: 2, children: [text('Objectives')]});
  }
  const uncertain = comparison.rows.filter((r) => r.uncertain).length;
  if (uncertain) {
    children.splice(children.findIndex((c) => c.type === 'table'), 0, {
      type: 'paragraph',
      children: [text(`${uncertain} pairing${uncertain === 1 ? ' is' : 's are'} marked "check pairing": the two texts are alike, but not clearly more alike than another candidate.`)],
    });
  }
  children.push(...checksSection(comparison.diagnostics));
  const tree: Root = {type: 'root', children};
  return toMarkdown(tree, {extensions: [gfmToMarkdown({tablePipeAlign: false})], bullet: '-', emphasis: '_', strong: '*', rule: '-'});
}
