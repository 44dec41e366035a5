import {cosine, type Vector} from './tfidf.js';

/** A candidate pair: previous `i`, current `j`, text cosine, and the blended score set by the matcher. */
export interface CandidateEdge {
  i: number;
  j: number;
  text: number;
  total: number;
}

export interface Candidates {
  edges: CandidateEdge[];
  /** Edges of each previous objective, and of each current objective. */
  byPrevious: CandidateEdge[][];
  byCurrent: CandidateEdge[][];
  /** Edge by `i * currentCount + j`. */
  score: Map<number, CandidateEdge>;
}

/** The `k` entries of `items` with the largest `value` (ties: the smaller index), without sorting them all. */
function topK(items: readonly number[], value: Float64Array, k: number): number[] {
  if (items.length <= k) return [...items];
  const best: number[] = [];
  let floor = -Infinity;
  for (const x of items) {
    const v = value[x]!;
    if (best.length === k && v < floor) continue;
    let at = best.length;
    while (at > 0 && (value[best[at - 1]!]! < v || (value[best[at - 1]!]! === v && best[at - 1]! > x))) at--;
    if (at >= k) continue;
    best.splice(at, 0, x);
    if (best.length > k) best.pop();
    floor = value[best[best.length - 1]!]!;
  }
  return best;
}

/**
 * A token shared by more objectives than this proposes no candidates (its IDF weight is small, and
 * following it would make candidate generation quadratic); it still counts in the exact score.
 *
 * @example
 * tokenCap(4000); // 80
 */
export function tokenCap(objectives: number): number {
  return Math.max(64, Math.ceil(0.02 * objectives));
}

/**
 * Candidate pairs from an inverted index over tokens: for each objective on either side, the `k`
 * objectives of the other side with the largest partial dot product over shared tokens (tokens no
 * commoner than {@link tokenCap}), then scored exactly by cosine. Never all pairs: the work grows with
 * the objectives times their rare-enough tokens' postings.
 *
 * @example
 * candidatePairs([vecA], [vecB, vecC], 12).edges; // [{i: 0, j: 0, text: 0.61, total: 0}, …]
 */
export function candidatePairs(previous: readonly Vector[], current: readonly Vector[], k: number): Candidates {
  const cap = tokenCap(previous.length + current.length);
  const score = new Map<number, CandidateEdge>();
  const n = current.length;
  const add = (i: number, j: number): void => {
    const key = i * n + j;
    if (score.has(key)) return;
    const text = cosine(previous[i]!, current[j]!);
    if (text > 0) score.set(key, {i, j, text, total: 0});
  };
  const search = (from: readonly Vector[], to: readonly Vector[], emit: (a: number, b: number) => void): void => {
    const index = new Map<string, {ids: number[]; weights: number[]}>();
    to.forEach((vector, b) => {
      for (const [token, weight] of vector) {
        let list = index.get(token);
        if (!list) index.set(token, (list = {ids: [], weights: []}));
        list.ids.push(b);
        list.weights.push(weight);
      }
    });
    const acc = new Float64Array(to.length);
    const touched: number[] = [];
    from.forEach((vector, a) => {
      for (const [token, weight] of vector) {
        const list = index.get(token);
        if (!list || list.ids.length > cap) continue;
        const {ids, weights} = list;
        for (let x = 0; x < ids.length; x++) {
          const b = ids[x]!;
          if (acc[b] === 0) touched.push(b);
          acc[b]! += weight * weights[x]!;
        }
      }
      for (const b of topK(touched, acc, k)) emit(a, b);
      for (const b of touched) acc[b] = 0;
      touched.length = 0;
    });
  };
  search(previous, current, (i, j) => add(i, j));
  search(current, previous, (j, i) => add(i, j));
  const edges = [...score.values()];
  const byPrevious: CandidateEdge[][] = Array.from({length: previous.length}, () => []);
  const byCurrent: CandidateEdge[][] = Array.from({length: current.length}, () => []);
  for (const e of edges) {
    byPrevious[e.i]!.push(e);
    byCurrent[e.j]!.push(e);
  }
  return {edges, byPrevious, byCurrent, score};
}
