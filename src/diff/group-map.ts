import type {GroupMapping} from '../model/comparison.js';
import type {AreaLink, MatchSet} from '../model/match-set.js';
import type {Edition} from '../model/objective.js';
import {areaLinks} from '../match/area-links.js';
import {foldCase} from '../normalise/fold-text.js';

/** Share of a group's surviving objectives that a link must carry to map the groups (else those objectives moved). */
export const GROUP_LINK_SHARE = 0.3;

const norm = (area: string): string => foldCase(area).replace(/\s+/g, ' ').trim();

/** The group mapping of a match set, and which previous → current group links it holds. */
export interface GroupMap {
  mappings: GroupMapping[];
  /** Whether objectives going from `previous` to `current` follow the mapping (else they moved). */
  follows(previous: string, current: string): boolean;
  /** The mapping a previous group belongs to. */
  of(previous: string): GroupMapping | undefined;
}

/**
 * An edition's groups, then any other group its objectives name, each once. An indexed loop rather than
 * spread and map: V8 deoptimised groupMap ("wrong map") on the arrays those made.
 */
function areasOf(edition: Edition): string[] {
  const seen = new Set(edition.areas);
  const {objectives} = edition;
  for (let k = 0; k < objectives.length; k++) seen.add(objectives[k]!.area);
  return [...seen];
}

/**
 * Map groups onto groups from where their objectives went: a link from a previous group to a current
 * group holds when it carries at least two objectives or {@link GROUP_LINK_SHARE} of either group's
 * surviving objectives; the connected pieces of the held links are the mappings ("Cancer + Elective care
 * + Diagnostics → Reduce the time people wait for elective care"). A group none of whose objectives
 * survived is dropped; one none of whose objectives came from earlier groups is new.
 *
 * @example
 * groupMap(matchSet).mappings.filter((m) => m.kind !== 'same').map((m) => m.summary);
 */
export function groupMap(set: MatchSet): GroupMap {
  const links = set.areaLinks ?? areaLinks(set);
  const previousAreas = areasOf(set.previous);
  const currentAreas = areasOf(set.current);
  const out = new Map<string, number>();
  const into = new Map<string, number>();
  for (const l of links) {
    out.set(l.previous, (out.get(l.previous) ?? 0) + l.items);
    into.set(l.current, (into.get(l.current) ?? 0) + l.items);
  }
  const holds = (l: AreaLink): boolean =>
    norm(l.previous) === norm(l.current) || l.items >= 2 || l.items >= GROUP_LINK_SHARE * out.get(l.previous)! || l.items >= GROUP_LINK_SHARE * into.get(l.current)!;
  const held = links.filter(holds);
  const heldKeys = new Set(held.map((l) => `${l.previous}\u0000${l.current}`));

  // Connected pieces over "p:" and "c:" nodes.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    while (parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  for (const a of previousAreas) parent.set(`p:${a}`, `p:${a}`);
  for (const a of currentAreas) parent.set(`c:${a}`, `c:${a}`);
  for (const l of held) {
    const a = find(`p:${l.previous}`);
    const b = find(`c:${l.current}`);
    if (a !== b) parent.set(b, a);
  }
  const pieces = new Map<string, {previous: string[]; current: string[]}>();
  for (const node of parent.keys()) {
    const root = find(node);
    const piece = pieces.get(root) ?? {previous: [], current: []};
    if (node.startsWith('p:')) piece.previous.push(node.slice(2));
    else piece.current.push(node.slice(2));
    pieces.set(root, piece);
  }
  const order = (list: string[], all: string[]): string[] => list.sort((a, b) => all.indexOf(a) - all.indexOf(b));
  const mappings: GroupMapping[] = [];
  for (const piece of pieces.values()) {
    const previous = order(piece.previous, previousAreas);
    const current = order(piece.current, currentAreas);
    const items = held.filter((l) => previous.includes(l.previous) && current.includes(l.current)).reduce((n, l) => n + l.items, 0);
    const kind: GroupMapping['kind'] = !current.length
      ? 'dropped'
      : !previous.length
        ? 'new'
        : previous.length === 1 && current.length === 1
          ? norm(previous[0]!) === norm(current[0]!)
            ? 'same'
            : 'renamed'
          : current.length === 1
            ? 'merged'
            : previous.length === 1
              ? 'split'
              : 'regrouped';
    const summary =
      `${previous.length ? previous.join(' + ') : '(none)'} → ${current.length ? current.join(' + ') : '(none)'}`;
    mappings.push({kind, previous, current, items, summary});
  }
  const firstIndex = (m: GroupMapping): number => (m.current.length ? currentAreas.indexOf(m.current[0]!) : currentAreas.length + previousAreas.indexOf(m.previous[0]!));
  mappings.sort((a, b) => firstIndex(a) - firstIndex(b));
  const byPrevious = new Map<string, GroupMapping>();
  for (const m of mappings) for (const p of m.previous) byPrevious.set(p, m);
  return {
    mappings,
    follows: (previous, current) => heldKeys.has(`${previous}\u0000${current}`) || norm(previous) === norm(current),
    of: (previous) => byPrevious.get(previous),
  };
}
