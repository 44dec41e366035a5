import type {ReviewAnchor} from '../model/review.js';
import {containment, normaliseText, textSimilarity} from './text-similarity.js';

/** What an anchor is matched against: an objective's text and area, in edition order. */
export interface AnchorCandidate {
  readonly text: string;
  readonly area: string;
}

/** Options for {@link resolveAnchor}. */
export interface ResolveAnchorOptions {
  /**
   * Candidates (by index) whose text is exactly another anchor's text: they belong to that anchor, so a
   * fuzzy match prefers others. @default none
   */
  readonly claimed?: ReadonlySet<number>;
  /** Lowest word-overlap similarity for a fuzzy match. @default 0.6 */
  readonly minSimilarity?: number;
  /** Lowest share of the anchor's words inside a candidate for a match by containment (a fragment). @default 0.9 */
  readonly minContainment?: number;
}

/** How an anchor was found, or why not. `index` is 0-based among the candidates. */
export type AnchorResolution =
  | {found: true; index: number; how: 'exact' | 'fuzzy'; score: number}
  | {found: false; reason: string; best?: {index: number; score: number}};

/** Runner-ups closer than this to the best similarity make a fuzzy match depend on area and position. */
const TIE = 0.03;

function closeness(anchor: ReviewAnchor, index: number, candidates: readonly AnchorCandidate[]): number {
  const areaScore = anchor.area === undefined ? 0 : normaliseText(anchor.area) === normaliseText(candidates[index]!.area) ? 1 : textSimilarity(anchor.area, candidates[index]!.area);
  const positionScore = anchor.position === undefined ? 0 : 1 - Math.min(1, Math.abs(anchor.position - (index + 1)) / Math.max(1, candidates.length));
  return areaScore + positionScore;
}

/**
 * Find the objective an anchor names: by exact text (after normalisation; among equal texts, the one
 * whose area and position agree best), else by fuzzy match of the words (similarity at least
 * `minSimilarity`, or the anchor's words lying inside one objective), with area and position breaking
 * near-ties. An anchor that fits no objective, or fits two equally, is not found.
 *
 * @example
 * resolveAnchor({text: 'Reduce bed occupancy to 92%', area: 'UEC', position: 3}, objectives);
 * // {found: true, index: 2, how: 'fuzzy', score: 0.8}
 */
export function resolveAnchor(anchor: ReviewAnchor, candidates: readonly AnchorCandidate[], options: ResolveAnchorOptions = {}): AnchorResolution {
  const minSimilarity = options.minSimilarity ?? 0.6;
  const minContainment = options.minContainment ?? 0.9;
  const claimed = options.claimed ?? new Set<number>();
  const wanted = normaliseText(anchor.text);
  const exact = candidates.flatMap((c, i) => (normaliseText(c.text) === wanted ? [i] : []));
  if (exact.length) {
    const best = exact.toSorted((a, b) => closeness(anchor, b, candidates) - closeness(anchor, a, candidates) || a - b)[0]!;
    return {found: true, index: best, how: 'exact', score: 1};
  }
  const scored = candidates
    .map((c, i) => ({index: i, score: textSimilarity(anchor.text, c.text), inside: containment(anchor.text, c.text)}))
    .filter((s) => !claimed.has(s.index));
  if (!scored.length) return {found: false, reason: 'no objectives to match'};
  const bySimilarity = scored.toSorted((a, b) => b.score - a.score || a.index - b.index);
  const top = bySimilarity[0]!;
  if (top.score >= minSimilarity) {
    const near = bySimilarity.filter((s) => s.score >= top.score - TIE);
    if (near.length === 1) return {found: true, index: top.index, how: 'fuzzy', score: round(top.score)};
    const ranked = near.map((s) => ({...s, tie: closeness(anchor, s.index, candidates)})).toSorted((a, b) => b.tie - a.tie || b.score - a.score);
    if (ranked[0]!.tie > ranked[1]!.tie) return {found: true, index: ranked[0]!.index, how: 'fuzzy', score: round(ranked[0]!.score)};
    return {
      found: false,
      reason: `${near.length} objectives match equally well (similarity ${round(top.score)})`,
      best: {index: top.index, score: round(top.score)},
    };
  }
  const words = anchor.text.split(/\s+/).filter(Boolean).length;
  const inside = scored.filter((s) => s.inside >= minContainment && words >= 3).toSorted((a, b) => b.inside - a.inside || b.score - a.score);
  if (inside.length === 1 || (inside.length > 1 && inside[0]!.inside > inside[1]!.inside)) {
    return {found: true, index: inside[0]!.index, how: 'fuzzy', score: round(inside[0]!.inside)};
  }
  return {
    found: false,
    reason: `no objective matches (best similarity ${round(top.score)}, below ${minSimilarity})`,
    best: {index: top.index, score: round(top.score)},
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
