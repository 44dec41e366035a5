import type {Block} from '../model/document.js';
import type {Diagnostic} from '../model/diagnostic.js';
import {diagnostic} from '../model/diagnostics.js';
import type {Objective} from '../model/objective.js';
import {headerRoles, sameNoun, type CompiledVocabulary} from './header-vocabulary.js';
import type {Candidate} from './reading-types.js';
import type {StatedCount} from './stated-counts.js';
import {textShape} from './text-features.js';

/** Below this score the best reading is reported as uncertain. */
export const CONFIDENT_SCORE = 0.5;
/**
 * A table reading whose item column has no header stands on cell text alone: it must score this much to
 * pass without a warning. (On pdf.js's test corpus, form dumps and legal lists without headers scored
 * 0.52 and were read as objectives with no warning.)
 */
export const HEADERLESS_CONFIDENT_SCORE = 0.6;
/** A runner-up within this much of the best reading is reported as a rival reading. */
export const AMBIGUITY_MARGIN = 0.06;

/** What a stated count's noun counts in this reading: the items, the groups, or neither. */
function countedRole(count: StatedCount, best: Candidate, vocabulary: CompiledVocabulary): 'items' | 'groups' | undefined {
  const {itemNoun, groupNoun} = best.evidence;
  if (itemNoun && sameNoun(count.noun, itemNoun)) return 'items';
  if (groupNoun && sameNoun(count.noun, groupNoun)) return 'groups';
  const roles = headerRoles(count.noun, vocabulary);
  if (roles.item >= 0.9 && roles.item > roles.group) return 'items';
  if (roles.group >= 0.9 && roles.group > roles.item) return 'groups';
  return undefined;
}

/** A count stated this many blocks before a reading, or after it, can be about it. */
const COUNT_NEAR_BEFORE = 6;
const COUNT_NEAR_AFTER = 2;

/**
 * Stated counts that are about this reading — stated near it (in the few blocks before it or just
 * after, or in its caption) and naming its items or groups — with the number read.
 */
export function countsFor(stated: readonly StatedCount[], best: Candidate, objectives: readonly Objective[], vocabulary: CompiledVocabulary): {count: StatedCount; read: number; role: 'items' | 'groups'}[] {
  const groups = new Set(objectives.map((o) => o.area)).size;
  const at = (best.reading.block ?? 1) - 1;
  return stated.flatMap((count) => {
    if (count.block < at - COUNT_NEAR_BEFORE || count.block > at + COUNT_NEAR_AFTER) return [];
    const role = countedRole(count, best, vocabulary);
    return role ? [{count, read: role === 'items' ? objectives.length : groups, role}] : [];
  });
}

/**
 * The checks that stop a wrong reading from passing silently. Each finding is a warning that makes the
 * result `partial`: a stated count that differs from what was read, a rival reading almost as good, a
 * weak best reading, groups all missing beside a group column, a table whose rows stop before its last
 * page, a column of text set aside, rows with content but no item.
 */
/**
 * Paragraphs that open with a table's header cells, one after another ("Objective Manage a third…",
 * "How we will measure it Hectares…"): a copy of the table read as columns of running text, whose rows
 * are not among the items. Each such place is a warning.
 *
 * @example
 * tableAsText(best, doc.blocks, 'plan.pdf'); // [{code: 'table-as-text', …}] when a second copy of the table was read as text
 */
export function tableAsText(best: Candidate, blocks: readonly Block[], file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const table of best.evidence.tables ?? []) {
    const header = (table.header.at(-1)?.cells ?? []).map((c) => c.text.trim()).filter((t) => t.length >= 3);
    const key = header.join('\u0000');
    if (header.length < 2 || seen.has(key)) continue;
    seen.add(key);
    const opens = (block: Block | undefined, text: string): boolean => block?.kind === 'paragraph' && block.text.length > text.length + 1 && block.text.startsWith(`${text} `);
    blocks.forEach((block, i) => {
      if (!opens(block, header[0]!) || !blocks.slice(i + 1, i + header.length + 2).some((b) => opens(b, header[1]!))) return;
      const under = block.kind === 'paragraph' && block.path.length ? ` under \`${block.path.at(-1)!.slice(0, 60)}\`` : '';
      out.push(
        diagnostic('warning', 'table-as-text', 'extract', `Text${under} opens with this table's header (\`${header.join('`, `').slice(0, 80)}\`) but was read as paragraphs: rows of a table there may be missing`, {
          file,
          page: block.at.page,
          line: block.at.line,
        }),
      );
    });
  }
  return out;
}

export function readingChecks(
  best: Candidate,
  runnerUp: Candidate | undefined,
  objectives: readonly Objective[],
  stated: readonly StatedCount[],
  vocabulary: CompiledVocabulary,
  file: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const {count, read, role} of countsFor(stated, best, objectives, vocabulary)) {
    const key = `${role}:${count.count}`;
    if (count.count === read || seen.has(key)) continue;
    seen.add(key);
    out.push(
      diagnostic('warning', 'count-mismatch', 'extract', `The document states \`${count.count} ${count.noun}\` but ${read} ${role === 'items' ? 'item(s)' : 'group(s)'} were read`, {
        file,
        page: count.at.page,
        line: count.at.line,
      }),
    );
  }
  const headerless = best.reading.source === 'table' && !best.evidence.itemNoun && !best.reading.steered;
  if (best.reading.score < CONFIDENT_SCORE) {
    out.push(diagnostic('warning', 'reading-uncertain', 'extract', `The best reading, ${best.reading.description}, scored ${best.reading.score.toFixed(2)} (below ${CONFIDENT_SCORE}): check the items`, {file}));
  } else if (headerless && best.reading.score < HEADERLESS_CONFIDENT_SCORE) {
    out.push(
      diagnostic('warning', 'reading-uncertain', 'extract', `The best reading, ${best.reading.description}, takes its items from a column without a header and scored ${best.reading.score.toFixed(2)} (below ${HEADERLESS_CONFIDENT_SCORE} for such a column): check the items`, {file}),
    );
  }
  if (runnerUp && best.reading.score - runnerUp.reading.score < AMBIGUITY_MARGIN) {
    out.push(
      diagnostic(
        'warning',
        'reading-ambiguous',
        'extract',
        `Read ${best.reading.description} (score ${best.reading.score.toFixed(2)}), but ${runnerUp.reading.description} scored almost as well (${runnerUp.reading.score.toFixed(2)})`,
        {file},
      ),
    );
  }
  const unused = best.evidence.unusedGroupColumns ?? [];
  if (objectives.length && objectives.every((o) => o.groups.length === 0) && unused.length) {
    out.push(diagnostic('warning', 'groups-missing', 'extract', `No item has a group, but column \`${unused[0]}\` looks like a group column`, {file}));
  }
  for (const table of best.evidence.tables ?? []) {
    if (!table.pages) continue;
    const pages = objectives.flatMap((o) => (o.provenance.page !== undefined && o.provenance.page >= table.pages![0] && o.provenance.page <= table.pages![1] ? [o.provenance.page] : []));
    const last = Math.max(0, ...pages);
    if (last && last < table.pages[1]) {
      out.push(diagnostic('warning', 'table-truncated', 'extract', `The table runs to page ${table.pages[1]} but its items stop on page ${last}`, {file, page: last}));
    }
  }
  for (const ignored of best.evidence.ignored ?? []) {
    const junk = textShape(ignored.text).junk;
    out.push(
      junk
        ? diagnostic('info', 'junk-removed', 'extract', `Removed layout junk \`${ignored.text.slice(0, 60)}\``, {file, page: ignored.at.page, line: ignored.at.line})
        : diagnostic('warning', 'column-ignored', 'extract', `Set aside \`${ignored.text.slice(0, 60)}\` in column \`${ignored.header}\``, {file, page: ignored.at.page, line: ignored.at.line}),
    );
  }
  for (const list of best.evidence.ignoredLists ?? []) {
    out.push(
      diagnostic('warning', 'list-ignored', 'extract', `Set aside a list of ${list.items} item(s) under \`${list.heading.slice(0, 60)}\`, beside the lists read: its items read as labels`, {file, page: list.at.page, line: list.at.line}),
    );
  }
  for (const at of best.evidence.unparsedRows ?? []) {
    out.push(diagnostic('warning', 'row-unparsed', 'extract', 'Cannot read row as an item: the item cell is empty', {file, page: at.page, line: at.line}));
  }
  return out;
}
