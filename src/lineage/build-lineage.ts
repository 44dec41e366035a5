import {createHash} from 'node:crypto';
import {diffMatchSet} from '../diff/diff-match-set.js';
import {matchObjectives, type MatchOptions} from '../match/match-objectives.js';
import type {MatchSet} from '../model/match-set.js';
import type {Lineage, LineageCell, LineageStatus, SeriesLineage} from '../model/lineage.js';
import type {Edition, Objective} from '../model/objective.js';
import {defaultAliases} from '../io/load-aliases.js';

/** Options for {@link buildLineage}. */
export interface LineageOptions extends MatchOptions {
  /**
   * The order in which the editions were registered (indices into `editions`; a manifest's order, where
   * `guidance-diff add` appends). A lineage's id comes from its objective in the first registered edition
   * it appears in, so adding an edition before, between or after the others never renames a lineage.
   * @default the order of `editions`
   */
  readonly registered?: readonly number[];
  /**
   * Match sets already made for consecutive pairs (entry `k` for `editions[k - 1]` → `editions[k]`, without
   * their editions), as a batch's comparisons made them: used instead of matching the pair again. Each must
   * come from {@link matchObjectives} on the same two editions with these options (aliases, thresholds), and
   * no review file applied; a pair without one is matched here.
   * @default none: every pair is matched here
   */
  readonly matched?: readonly (MatchedPair | undefined)[];
}

/** A pair's match set without its two editions: what a comparison of them found, passed on to a lineage. */
export type MatchedPair = Omit<MatchSet, 'previous' | 'current'>;

interface Open {
  lineage: Lineage;
  /** Its own objectives per edition index (not those of a lineage merged into it). */
  own: Map<number, Objective[]>;
  /** Where the lineage stands: its objectives in the latest edition it reached. */
  last: Objective[];
  order: [number, number];
  /** The edition index it was dropped in, if it has ended. */
  endedAt?: number;
}

/** `L-` and 10 hex digits of the SHA-256 of the anchor edition's sha256 and the anchor objective's id. */
function lineageId(edition: Edition, objective: Objective): string {
  return `L-${createHash('sha256').update(`${edition.sha256}\u0000${objective.id}`).digest('hex').slice(0, 10)}`;
}

/** Give each lineage its id from its anchor objective: the one in the first registered edition it has its own objective in. */
function assignIds(open: readonly Open[], editions: readonly Edition[], registered: readonly number[]): void {
  const rank = new Map(registered.map((k, r) => [k, r]));
  const used = new Map<string, number>();
  const provisional = new Map(open.map((o) => [o.lineage.id, o.lineage.id]));
  for (const entry of open) {
    const [k, objectives] = [...entry.own].filter(([, list]) => list.length).toSorted(([a], [b]) => (rank.get(a) ?? registered.length + a) - (rank.get(b) ?? registered.length + b))[0]!;
    const base = lineageId(editions[k]!, objectives[0]!);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    provisional.set(entry.lineage.id, n > 1 ? `${base}-${n}` : base);
  }
  // Notes name other lineages by their provisional ids: rewrite them with the final ones.
  const rename = (text: string): string => text.replace(/P-\d+/g, (p) => provisional.get(p) ?? p);
  for (const entry of open) {
    entry.lineage.id = provisional.get(entry.lineage.id)!;
    for (const cell of entry.lineage.cells) if (cell.note !== undefined) cell.note = rename(cell.note);
  }
}

function cell(status: LineageStatus, objectives: readonly Objective[], note?: string): LineageCell {
  const c: LineageCell = {status, objectives: objectives.map((o) => o.id)};
  if (note !== undefined) c.note = note;
  return c;
}

/**
 * Follow each objective of a series through its editions (in the order given, oldest first): every
 * lineage keeps one id through rewordings, merges and splits, and an objective that returns after being
 * dropped is `reinstated` rather than `new`. Each consecutive pair is matched and diffed as a comparison
 * would be; a new objective is also matched against lineages that ended earlier.
 *
 * Lineage ids: `L-` + 10 hex digits of SHA-256 over the anchor edition's sha256 and the anchor objective's
 * id, where the anchor is the lineage's own objective in the first *registered* edition it appears in
 * (`registered`, default the given order). Editions added later (before, between or after the others in
 * time) come later in registration, so no existing lineage is renamed. The default aliases are the CLI's.
 *
 * @example
 * buildLineage('nhs', [edition2023, edition2024]).lineages.length;
 */
export function buildLineage(series: string, editions: readonly Edition[], options: LineageOptions = {}): SeriesLineage {
  const settings: MatchOptions = {...options, aliases: options.aliases ?? defaultAliases()};
  const n = editions.length;
  const open: Open[] = [];
  // Objective ids are unique within an edition, not across editions (two files of one name): key by both.
  const byObjective = new Map<string, Open>();
  const at = (k: number, o: Objective): string => `${k}\u0000${o.id}`;
  const start = (objective: Objective, k: number, j: number, status: LineageStatus, note?: string): Open => {
    const lineage: Lineage = {id: `P-${open.length}`, area: objective.area, text: objective.text, cells: Array.from({length: n}, () => cell('absent', []))};
    lineage.cells[k] = cell(status, [objective], note);
    const entry: Open = {lineage, own: new Map([[k, [objective]]]), last: [objective], order: [k, j]};
    open.push(entry);
    byObjective.set(at(k, objective), entry);
    return entry;
  };
  const carry = (entry: Open, objectives: Objective[], k: number, status: LineageStatus, note?: string): void => {
    entry.lineage.cells[k] = cell(status, objectives, note);
    entry.own.set(k, objectives);
    entry.last = objectives;
    entry.lineage.text = objectives.map((o) => o.text).join(' / ');
    entry.lineage.area = objectives[0]!.area;
    for (const o of objectives) byObjective.set(at(k, o), entry);
  };
  editions[0]?.objectives.forEach((o, j) => start(o, 0, j, 'present'));

  for (let k = 1; k < n; k++) {
    const previous = editions[k - 1]!;
    const current = editions[k]!;
    const matched = options.matched?.[k];
    const set: MatchSet = matched ? {previous, current, ...matched} : matchObjectives(previous, current, settings);
    // Diffed as a comparison is, with the same aliases (a rename listed there is not a change of words).
    const rows = diffMatchSet(set, {...(settings.aliases === undefined ? {} : {aliases: settings.aliases}), ...(options.lexicon === undefined ? {} : {lexicon: options.lexicon})}).rows;
    const changedIds = new Set(rows.filter((r) => r.status === 'kept' && (r.changes.length > 0 || r.wordDiff.some((op) => op.op !== 'equal'))).flatMap((r) => r.current.map((o) => o.id)));
    const fresh: {objective: Objective; j: number}[] = [];
    for (const group of set.groups) {
      const prev = group.previous.map((i) => previous.objectives[i]!);
      const curr = group.current.map((j) => current.objectives[j]!);
      const lineages = prev.map((p) => byObjective.get(at(k - 1, p))!).filter((e, i, all) => all.indexOf(e) === i);
      switch (group.kind) {
        case 'kept':
          carry(lineages[0]!, curr, k, changedIds.has(curr[0]!.id) ? 'changed' : 'kept');
          break;
        case 'merged': {
          const [main, ...others] = lineages;
          carry(main!, curr, k, 'changed', `merged with ${others.map((o) => o.lineage.id).join(', ')}`);
          for (const other of others) {
            other.lineage.cells[k] = cell('merged', curr, `merged into ${main!.lineage.id}`);
            other.endedAt = k;
          }
          break;
        }
        case 'split': {
          const main = lineages[0]!;
          carry(main, curr.slice(0, 1), k, 'split', `split into ${curr.length}`);
          curr.slice(1).forEach((o) => start(o, k, group.current[curr.indexOf(o)]!, 'split', `split from ${main.lineage.id}`));
          break;
        }
        case 'absorbed': {
          const made = start(curr[0]!, k, group.current[0]!, 'new', `absorbs ${lineages.map((l) => l.lineage.id).join(', ')}`);
          for (const l of lineages) {
            l.lineage.cells[k] = cell('dropped', [], `absorbed into ${made.lineage.id}`);
            l.endedAt = k;
          }
          break;
        }
        case 'dropped':
          for (const l of lineages) {
            l.lineage.cells[k] = cell('dropped', []);
            l.endedAt = k;
          }
          break;
        case 'new':
          fresh.push({objective: curr[0]!, j: group.current[0]!});
          break;
      }
    }
    // New here, or back after an absence? Match against lineages that ended before the previous edition.
    const ended = open.filter((o) => o.endedAt !== undefined && o.endedAt < k);
    const returned = new Map<string, Open>();
    if (ended.length && fresh.length) {
      const pseudo = (id: string, objectives: Objective[], planYear?: string): Edition => ({
        id,
        title: id,
        ...(planYear === undefined ? {} : {planYear}),
        file: id,
        sha256: '',
        format: 'text',
        areas: [...new Set(objectives.map((o) => o.area))],
        objectives,
        diagnostics: [],
      });
      const old = ended.map((e) => e.last[0]!);
      const back = matchObjectives(pseudo('ended', old, current.planYear), pseudo('fresh', fresh.map((f) => f.objective), current.planYear), settings);
      for (const g of back.groups) if (g.kind === 'kept') returned.set(fresh[g.current[0]!]!.objective.id, ended[g.previous[0]!]!);
    }
    for (const {objective, j} of fresh) {
      const again = returned.get(objective.id);
      if (again) {
        delete again.endedAt;
        carry(again, [objective], k, 'reinstated');
      } else start(objective, k, j, 'new');
    }
  }
  assignIds(open, editions, options.registered ?? editions.map((_, k) => k));
  const lineages = open.toSorted((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]).map((o) => o.lineage);
  return {
    series,
    editions: editions.map((e) => ({id: e.id, title: e.title, ...(e.planYear === undefined ? {} : {planYear: e.planYear})})),
    lineages,
  };
}
