import type {AreaLink, MatchSet} from '../model/match-set.js';

/**
 * How many kept, merged and split objectives link each previous group to each current group: the
 * evidence for mapping groups onto groups.
 *
 * @example
 * areaLinks(set); // [{previous: 'Cancer', current: 'Reduce the time people wait', items: 3}, …]
 */
export function areaLinks(set: Pick<MatchSet, 'previous' | 'current' | 'groups'>): AreaLink[] {
  const counts = new Map<string, AreaLink>();
  for (const g of set.groups) {
    if (g.kind === 'new' || g.kind === 'dropped' || g.kind === 'absorbed') continue;
    for (const i of g.previous) {
      for (const j of g.current) {
        const from = set.previous.objectives[i]!.area;
        const to = set.current.objectives[j]!.area;
        const key = `${from}\u0000${to}`;
        const link = counts.get(key) ?? {previous: from, current: to, items: 0};
        link.items++;
        counts.set(key, link);
      }
    }
  }
  return [...counts.values()];
}
