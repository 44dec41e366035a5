import type {Change, Comparison, ComparisonRow, EditionRef} from '../model/comparison.js';
import {diagnostic, sortDiagnostics} from '../model/diagnostics.js';
import type {Aliases} from '../model/aliases.js';
import type {Diagnostic} from '../model/diagnostic.js';
import type {MatchGroup, MatchSet} from '../model/match-set.js';
import type {Edition, Objective, Target} from '../model/objective.js';
import {aliasTable} from '../normalise/alias-table.js';
import {foldText} from '../normalise/fold-text.js';
import {defaultLexicon, type Lexicon} from '../normalise/lexicon.js';
import {matchTokens, type TokenContext} from '../normalise/match-tokens.js';
import {planStartYear} from '../normalise/relative-years.js';
import {boundChanges} from './bound-changes.js';
import {compareDeadlines, compareTargets, type PeriodContext} from './compare-targets.js';
import {groupMap, type GroupMap} from './group-map.js';
import {notePhrase, scopeChanges, type ScopeSide} from './scope-changes.js';
import {contentWords, textItems, type TextItem} from './text-items.js';
import {wordDiff} from './word-diff.js';
import {minOf} from '../util/extremes.js';
import {MATCH_DEFAULTS} from '../match/match-objectives.js';

/** Options for {@link diffMatchSet}. */
export interface DiffOptions {
  /** Version written into `generator.version`. @default '0.0.0' */
  readonly version?: string;
  /** Domain synonyms, so that a renamed service is not read as scope removed and added. @default none */
  readonly aliases?: Aliases;
  /** General English synonyms. @default the shipped `data/lexicon.json` */
  readonly lexicon?: Lexicon;
}

function ref(edition: Edition): EditionRef {
  const r: EditionRef = {
    id: edition.id,
    title: edition.title,
    file: edition.file,
    sha256: edition.sha256,
    objectives: edition.objectives.length,
    areas: edition.areas.length,
  };
  if (edition.planYear !== undefined) r.planYear = edition.planYear;
  return r;
}

function normalArea(area: string): string {
  return area.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Confidence below which a pair is flagged (the matcher's, else its default). */
function reviewConfidenceOf(set: MatchSet): number {
  return set.reviewConfidence ?? MATCH_DEFAULTS.reviewConfidence;
}

/** Everything a row's notes need to know about the comparison. */
interface Context {
  set: MatchSet;
  periods: PeriodContext;
  previousTokens: TokenContext;
  currentTokens: TokenContext;
  groups: GroupMap;
  /** Phrases never split into list items: the aliases' phrases that hold a conjunction. */
  protect: readonly string[];
  /** Previous groups whose rename has been noted on a row already. */
  renamed: Set<string>;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function short(text: string, words = 8): string {
  const list = text.split(/\s+/);
  return list.length <= words ? text.replace(/[.;,]$/, '') : `${list.slice(0, words).join(' ')} …`;
}

/** Drop repeated notes (same kind, from and to). */
function unique(changes: readonly Change[]): Change[] {
  const seen = new Set<string>();
  return changes.filter((c) => {
    const key = `${c.kind}\u0000${c.from ?? ''}\u0000${c.to ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function side(objective: Objective, tokens: TokenContext, protect: readonly string[]): ScopeSide {
  return {text: objective.text, targets: objective.targets, tokens, protect};
}

/**
 * Targets with the objective's deadline where they have no date of their own and the objective has
 * exactly one ("Meet the standard by March 2024 so that 75% …": 75% is for March 2024).
 */
function datedTargets(objective: Objective): Target[] {
  const dates = [...new Set(objective.deadlines.map((d) => d.date))];
  if (dates.length !== 1) return objective.targets;
  return objective.targets.map((t) => (t.deadline || t.period ? t : {...t, deadline: dates[0]!}));
}

/**
 * A target added (or removed) whose words the other text holds spelled otherwise ("five working days"
 * / "5 working days"): the extractor read only one of them as a target; nothing changed.
 */
function spelledOut(change: Change, previousText: string, currentText: string): boolean {
  const quantity = (label: string): string => foldText(label.replace(/\s+by\s+.*$|\s+\(.*\)$/, '')).trim();
  if (change.kind === 'target-added' && change.to) return ` ${foldText(previousText)} `.includes(` ${quantity(change.to)} `);
  if (change.kind === 'target-removed' && change.from) return ` ${foldText(currentText)} `.includes(` ${quantity(change.from)} `);
  return false;
}

/** More rewordings than this in one row read as one rewriting of the whole text… */
const MAX_REWORDED = 2;
/** …as do rewordings that hold this share of the previous text's content words. */
const REWRITTEN_SHARE = 0.6;

/** Notes for one previous objective kept as one current objective. */
function keptChanges(previous: Objective, current: Objective, context: Context): {changes: Change[]; ops: ComparisonRow['wordDiff']} {
  const ops = wordDiff(previous.text, current.text, {beforePlanYear: context.periods.previousStart, afterPlanYear: context.periods.currentStart});
  const targets = compareTargets(datedTargets(previous), datedTargets(current), context.periods);
  targets.changes = targets.changes.filter((c) => !spelledOut(c, previous.text, current.text));
  const changes = [
    ...targets.changes,
    ...compareDeadlines(previous.deadlines, current.deadlines, context.periods, targets.dates),
    ...boundChanges(previous.text, current.text, previous.targets, current.targets),
    ...scopeChanges(side(previous, context.previousTokens, context.protect), side(current, context.currentTokens, context.protect), ops),
  ];
  const reworded = changes.filter((c) => c.kind === 'reworded');
  const rewordedWords = contentWords(reworded.map((c) => c.from ?? '').join(' ')).length;
  if (reworded.length > MAX_REWORDED || (reworded.length && rewordedWords >= REWRITTEN_SHARE * contentWords(previous.text).length)) {
    // Rewritten rather than reworded here and there: one note for the whole text.
    const first = changes.indexOf(reworded[0]!);
    const rest = changes.filter((c) => c.kind !== 'reworded');
    rest.splice(Math.min(first, rest.length), 0, {kind: 'reworded', from: previous.text, to: current.text, summary: 'Reworded throughout'});
    changes.splice(0, changes.length, ...rest);
  }
  if (!changes.length && ops.some((op) => op.op !== 'equal' && /[\p{L}\p{N}]/u.test(op.text))) {
    const words = (kind: 'delete' | 'insert'): string =>
      ops
        .filter((op) => op.op === kind && /[\p{L}\p{N}]/u.test(op.text))
        .map((op) => op.text.trim())
        .join(' … ');
    const from = words('delete');
    const to = words('insert');
    changes.push({kind: 'reworded', from: from || null, to: to || null, summary: from && to ? `Reworded: "${from}" → "${to}"` : from ? `Reworded: "${from}" taken out` : `Reworded: "${to}" put in`});
  }
  return {changes: unique(changes), ops};
}

function contentTokenSet(text: string, tokens: TokenContext): Set<string> {
  return new Set(matchTokens(text, tokens).filter((t) => !/\d/.test(t)));
}

/** The item (list item or clause) of `whole` that best carries `part`'s words. */
function bestItem(part: string, partTokens: TokenContext, whole: string, wholeTokens: TokenContext, protect: readonly string[]): TextItem | undefined {
  const p = contentTokenSet(part, partTokens);
  let best: TextItem | undefined;
  let bestScore = 0;
  for (const item of textItems(whole, protect)) {
    const t = contentTokenSet(item.text, wholeTokens);
    let shared = 0;
    for (const x of t) if (p.has(x)) shared++;
    const score = t.size ? shared / t.size + shared / Math.max(1, p.size) : 0;
    if (score > bestScore) {
      best = item;
      bestScore = score;
    }
  }
  return best;
}

/** Targets of an objective that sit inside an item of its text. */
function targetsIn(objective: Objective, item: TextItem): Target[] {
  return objective.targets.filter((t) => (t.charSpan ? t.charSpan[0] >= item.start && t.charSpan[1] <= item.end : item.text.includes(t.text)));
}

/**
 * Notes for a merge (several previous objectives → one) or a split (one → several): for each part,
 * what it contributed (the list item or clause of the whole that carries it), then its targets compared
 * with the targets of that item; targets of the whole that no part accounts for are added (merge) or
 * removed (split).
 */
function partChanges(parts: readonly Objective[], whole: Objective, kind: 'merged' | 'split', context: Context): Change[] {
  const partTokens = kind === 'merged' ? context.previousTokens : context.currentTokens;
  const wholeTokens = kind === 'merged' ? context.currentTokens : context.previousTokens;
  const changes: Change[] = [];
  const accounted = new Set<Target>();
  const targetChanges: Change[] = [];
  const dates = new Set<string>();
  for (const part of parts) {
    const item = bestItem(part.text, partTokens, whole.text, wholeTokens, context.protect);
    const piece = item ? item.text.replace(/^(?:and|or|and\/or)\s+/i, '').replace(/[,;:]+$/, '') : whole.text;
    if (kind === 'merged') changes.push({kind, from: part.text, to: piece, summary: `Merged: "${short(part.text)}" → "${piece}"`});
    else changes.push({kind, from: piece, to: part.text, summary: `Split: "${piece}" → "${short(part.text)}"`});
    // Parts carried by one item share its targets ("meters read and bills sent on time to 92%").
    const own = item ? targetsIn(whole, item) : [];
    own.forEach((t) => accounted.add(t));
    const compared = kind === 'merged' ? compareTargets(datedTargets(part), own, context.periods) : compareTargets(own, datedTargets(part), context.periods);
    targetChanges.push(...compared.changes);
    compared.dates.forEach((d) => dates.add(d));
  }
  const rest = whole.targets.filter((t) => !accounted.has(t));
  if (rest.length) {
    const compared = kind === 'merged' ? compareTargets([], rest, context.periods) : compareTargets(rest, [], context.periods);
    targetChanges.push(...compared.changes);
    compared.dates.forEach((d) => dates.add(d));
  }
  const previousDeadlines = kind === 'merged' ? parts.flatMap((p) => p.deadlines) : whole.deadlines;
  const currentDeadlines = kind === 'merged' ? whole.deadlines : parts.flatMap((p) => p.deadlines);
  return unique([...changes, ...targetChanges, ...compareDeadlines(previousDeadlines, currentDeadlines, context.periods, dates)]);
}

/** A group note for a kept row: the group was renamed (noted once per group), or the objective moved. */
function groupChanges(previous: Objective, current: Objective, context: Context): Change[] {
  const from = previous.area;
  const to = current.area;
  if (normalArea(from) === normalArea(to)) return [];
  if (!context.groups.follows(from, to)) return [{kind: 'moved', from, to, summary: `Moved from ${from} to ${to}`}];
  const mapping = context.groups.of(from);
  if (mapping?.kind === 'renamed' && !context.renamed.has(from)) {
    context.renamed.add(from);
    return [{kind: 'area-renamed', from, to, summary: `Area renamed from ${from} to ${to}`}];
  }
  return [];
}

/** Build the rows of one group (an absorbed group yields dropped rows and one new row). */
function rowsOf(group: MatchGroup, context: Context): ComparisonRow[] {
  const {set} = context;
  const previous = group.previous.map((i) => set.previous.objectives[i]!);
  const current = group.current.map((j) => set.current.objectives[j]!);
  const withGroups = (row: ComparisonRow): ComparisonRow => {
    if (previous.length) row.previousGroups = previous[0]!.groups.length ? previous[0]!.groups : [previous[0]!.area];
    if (current.length) row.currentGroups = current[0]!.groups.length ? current[0]!.groups : [current[0]!.area];
    return row;
  };
  if (group.kind === 'dropped') return [withGroups({area: previous[0]!.area, status: 'dropped', previous, current: [], changes: [], wordDiff: []})];
  if (group.kind === 'new') return [withGroups({area: current[0]!.area, status: 'new', previous: [], current, changes: [], wordDiff: []})];
  if (group.kind === 'absorbed') {
    const into = current[0]!;
    const dropped: ComparisonRow[] = previous.map((p) => ({
      area: p.area,
      status: 'dropped',
      previousGroups: p.groups.length ? p.groups : [p.area],
      previous: [p],
      current: [],
      changes: [{kind: 'absorbed', from: p.text, to: into.text, summary: `Absorbed into a new objective: ${into.text}`}],
      wordDiff: [],
    }));
    const fresh: ComparisonRow = withGroups({
      area: into.area,
      status: 'new',
      previous: [],
      current,
      changes: [{kind: 'absorbed', from: plural(previous.length, 'objective'), to: into.text, summary: `Absorbs ${plural(previous.length, 'earlier objective')}`}],
      wordDiff: [],
    });
    return [...dropped, fresh];
  }
  const changes: Change[] = [];
  let ops: ComparisonRow['wordDiff'];
  if (group.kind === 'kept') {
    const kept = keptChanges(previous[0]!, current[0]!, context);
    changes.push(...kept.changes);
    ops = kept.ops;
  } else {
    const periods = {beforePlanYear: context.periods.previousStart, afterPlanYear: context.periods.currentStart};
    ops = wordDiff(previous.map((p) => p.text).join(' / '), current.map((c) => c.text).join(' / '), periods);
    changes.push(...(group.kind === 'merged' ? partChanges(previous, current[0]!, 'merged', context) : partChanges(current, previous[0]!, 'split', context)));
  }
  changes.push(...groupChanges(previous[0]!, current[0]!, context));
  const area = current[0]!.area;
  const previousArea = previous[0]!.area;
  const row: ComparisonRow = withGroups({area, status: 'kept', previous, current, changes, similarity: group.score, confidence: group.confidence, wordDiff: ops});
  if ((group.confidence ?? 1) < reviewConfidenceOf(set)) row.uncertain = true;
  if (normalArea(previousArea) !== normalArea(area)) row.previousArea = previousArea;
  return [row];
}

/**
 * Place rows in the current edition's order; a dropped objective goes after the row holding its
 * nearest earlier neighbour in the previous edition (else before the row holding its next neighbour).
 */
function order(rows: readonly ComparisonRow[], set: MatchSet): ComparisonRow[] {
  const currentIndex = new Map(set.current.objectives.map((o, j) => [o.id, j]));
  const previousIndex = new Map(set.previous.objectives.map((o, i) => [o.id, i]));
  const anchored = rows
    .filter((r) => r.current.length)
    .map((r) => ({r, at: minOf(r.current.map((o) => currentIndex.get(o.id)!), 0)}))
    .sort((a, b) => a.at - b.at)
    .map((x) => x.r);
  const n = set.previous.objectives.length;
  const rowOf = new Array<number>(n).fill(-1);
  anchored.forEach((r, pos) => r.previous.forEach((p) => (rowOf[previousIndex.get(p.id)!] = pos)));
  const earlier = new Array<number>(n).fill(-1);
  const later = new Array<number>(n).fill(-1);
  for (let i = 1; i < n; i++) earlier[i] = rowOf[i - 1]! >= 0 ? rowOf[i - 1]! : earlier[i - 1]!;
  for (let i = n - 2; i >= 0; i--) later[i] = rowOf[i + 1]! >= 0 ? rowOf[i + 1]! : later[i + 1]!;
  const dropped = rows.filter((r) => !r.current.length).sort((a, b) => previousIndex.get(a.previous[0]!.id)! - previousIndex.get(b.previous[0]!.id)!);
  const after = new Map<number, ComparisonRow[]>();
  const before = new Map<number, ComparisonRow[]>();
  const tail: ComparisonRow[] = [];
  for (const row of dropped) {
    const i = previousIndex.get(row.previous[0]!.id)!;
    if (earlier[i]! >= 0) after.set(earlier[i]!, [...(after.get(earlier[i]!) ?? []), row]);
    else if (later[i]! >= 0) before.set(later[i]!, [...(before.get(later[i]!) ?? []), row]);
    else tail.push(row);
  }
  const out: ComparisonRow[] = [];
  anchored.forEach((r, pos) => {
    out.push(...(before.get(pos) ?? []), r, ...(after.get(pos) ?? []));
  });
  return [...out, ...tail];
}

/**
 * {@link MatchSet} → {@link Comparison}: every objective of both editions lands in exactly one row, as
 * kept, new or dropped, with typed changes (targets, deadlines, scope, merges and splits, renamed areas)
 * and a word-level diff.
 *
 * @example
 * const comparison = diffMatchSet(matchObjectives(previous, current));
 * comparison.summary; // {kept: 22, new: 10, dropped: 9, changed: 17}
 */
export function diffMatchSet(set: MatchSet, options: DiffOptions = {}): Comparison {
  const previousStart = planStartYear(set.previous.planYear);
  const currentStart = planStartYear(set.current.planYear);
  const lexicon = options.lexicon ?? defaultLexicon();
  const terms = aliasTable(options.aliases?.terms ?? []);
  const groups = groupMap(set);
  const context: Context = {
    set,
    periods: {previousStart, currentStart},
    previousTokens: {aliases: terms, lexicon, planYear: previousStart},
    currentTokens: {aliases: terms, lexicon, planYear: currentStart},
    groups,
    protect: (options.aliases?.terms ?? []).flatMap((e) => [e.canonical, ...e.variants]).map((p) => p.toLowerCase()).filter((p) => /\s(?:and|or)\s/.test(p)),
    renamed: new Set(),
  };
  const rows = order(
    set.groups.toSorted((a, b) => (minOf(a.current, Infinity) - minOf(b.current, Infinity)) || (minOf(a.previous, Infinity) - minOf(b.previous, Infinity))).flatMap((g) => rowsOf(g, context)),
    set,
  );
  const count = (status: ComparisonRow['status']): number => rows.filter((r) => r.status === status).length;
  const notes: Diagnostic[] = [];
  const review = rows.filter((r) => r.uncertain).length;
  if (review) {
    notes.push(
      diagnostic('warning', 'pairs-uncertain', 'match', `${review} of ${count('kept')} pairings are weak (confidence below ${reviewConfidenceOf(set)}): check the rows marked "check pairing"`, {file: set.current.file}),
    );
  }
  const [n, m] = [set.previous.objectives.length, set.current.objectives.length];
  if (Math.abs(n - m) > 0.5 * Math.max(n, m)) {
    notes.push(diagnostic('warning', 'items-count-changed', 'match', `The previous edition has ${n} items and the current ${m}: one of them may have been read wrongly`, {file: set.current.file}));
  }
  return {
    generator: {name: 'guidance-diff', version: options.version ?? '0.0.0'},
    previous: ref(set.previous),
    current: ref(set.current),
    summary: {
      kept: count('kept'),
      new: count('new'),
      dropped: count('dropped'),
      changed: rows.filter((r) => r.status === 'kept' && r.changes.length > 0).length,
    },
    groups: groups.mappings,
    rows,
    diagnostics: sortDiagnostics([...set.previous.diagnostics, ...set.current.diagnostics, ...notes]),
  };
}
