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
    // Postings of each token id, as one array per field (compressed rows): `to`'s objectives holding
    // token t are ids[start[t]…start[t + 1]), with their weights.
    let size = 0;
    for (const vector of to) for (const id of vector.ids) size = Math.max(size, id + 1);
    const start = new Int32Array(size + 1);
    for (const vector of to) for (const id of vector.ids) start[id + 1]!++;
    for (let t = 0; t < size; t++) start[t + 1]! += start[t]!;
    const fill = start.slice(0, size);
    const ids = new Int32Array(start[size]!);
    const weights = new Float64Array(start[size]!);
    to.forEach((vector, b) => {
      for (let x = 0; x < vector.ids.length; x++) {
        const at = fill[vector.ids[x]!]!++;
        ids[at] = b;
        weights[at] = vector.weights[x]!;
      }
    });
    const acc = new Float64Array(to.length);
    const touched: number[] = [];
    from.forEach((vector, a) => {
      for (let x = 0; x < vector.ids.length; x++) {
        const t = vector.ids[x]!;
        if (t >= size) continue;
        const [first, last] = [start[t]!, start[t + 1]!];
        if (last - first > cap) continue;
        const weight = vector.weights[x]!;
        for (let y = first; y < last; y++) {
          const b = ids[y]!;
          if (acc[b] === 0) touched.push(b);
          acc[b]! += weight * weights[y]!;
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
