import {createHash} from 'node:crypto';
import {diffMatchSet} from '../diff/diff-match-set.js';
import {matchObjectives, type MatchOptions} from '../match/match-objectives.js';
import type {Lineage, LineageCell, LineageStatus, SeriesLineage} from '../model/lineage.js';
import type {Edition, Objective} from '../model/objective.js';

interface Open {
  lineage: Lineage;
  /** Where the lineage stands: its objectives in the latest edition it reached. */
  last: Objective[];
  order: [number, number];
  /** The edition index it was dropped in, if it has ended. */
  endedAt?: number;
}

function lineageId(objective: Objective): string {
  return `L-${createHash('sha256').update(objective.id).digest('hex').slice(0, 10)}`;
}

function cell(status: LineageStatus, objectives: readonly Objective[], note?: string): LineageCell {
  const c: LineageCell = {status, objectives: objectives.map((o) => o.id)};
  if (note !== undefined) c.note = note;
  return c;
}

/**
 * Follow each objective of a series through its editions (in the order given, oldest first): every
 * lineage keeps one id from the objective it began with, through rewordings, merges and splits, and an
 * objective that returns after being dropped is `reinstated` rather than `new`. Each consecutive pair is
 * matched and diffed as a comparison would be; a new objective is also matched against lineages that
 * ended earlier.
 *
 * @example
 * buildLineage('nhs', [edition2023, edition2024], {aliases}).lineages.length;
 */
export function buildLineage(series: string, editions: readonly Edition[], options: MatchOptions = {}): SeriesLineage {
  const n = editions.length;
  const open: Open[] = [];
  const byObjective = new Map<string, Open>();
  const start = (objective: Objective, k: number, j: number, status: LineageStatus, note?: string): Open => {
    const lineage: Lineage = {id: lineageId(objective), area: objective.area, text: objective.text, cells: Array.from({length: n}, () => cell('absent', []))};
    lineage.cells[k] = cell(status, [objective], note);
    const entry: Open = {lineage, last: [objective], order: [k, j]};
    open.push(entry);
    byObjective.set(objective.id, entry);
    return entry;
  };
  const carry = (entry: Open, objectives: Objective[], k: number, status: LineageStatus, note?: string): void => {
    entry.lineage.cells[k] = cell(status, objectives, note);
    entry.last = objectives;
    entry.lineage.text = objectives.map((o) => o.text).join(' / ');
    entry.lineage.area = objectives[0]!.area;
    for (const o of objectives) byObjective.set(o.id, entry);
  };
  editions[0]?.objectives.forEach((o, j) => start(o, 0, j, 'present'));

  for (let k = 1; k < n; k++) {
    const previous = editions[k - 1]!;
    const current = editions[k]!;
    const set = matchObjectives(previous, current, options);
    const rows = diffMatchSet(set).rows;
    const changedIds = new Set(rows.filter((r) => r.status === 'kept' && (r.changes.length > 0 || r.wordDiff.some((op) => op.op !== 'equal'))).flatMap((r) => r.current.map((o) => o.id)));
    const fresh: {objective: Objective; j: number}[] = [];
    for (const group of set.groups) {
      const prev = group.previous.map((i) => previous.objectives[i]!);
      const curr = group.current.map((j) => current.objectives[j]!);
      const lineages = prev.map((p) => byObjective.get(p.id)!).filter((e, i, all) => all.indexOf(e) === i);
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
      const back = matchObjectives(pseudo('ended', old, current.planYear), pseudo('fresh', fresh.map((f) => f.objective), current.planYear), options);
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
  const lineages = open.toSorted((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]).map((o) => o.lineage);
  return {
    series,
    editions: editions.map((e) => ({id: e.id, title: e.title, ...(e.planYear === undefined ? {} : {planYear: e.planYear})})),
    lineages,
  };
}
