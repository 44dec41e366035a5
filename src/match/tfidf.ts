/** Sparse TF-IDF vectors over a shared vocabulary, with cosine similarity and weighted coverage. */

/**
 * A sparse vector: token ids (see {@link Vocabulary}) in ascending order and their weights. Typed
 * arrays rather than a map: thousands of vectors are compared pairwise, by a merge of two sorted lists.
 */
export interface Vector {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

/** Tokens → dense ids (0, 1, 2… in order of first sight), so that vectors and indexes are arrays. */
export type Vocabulary = Map<string, number>;

/** Inverse document frequency over a collection of token lists: ln(1 + N / df). */
export function inverseDocumentFrequency(documents: readonly (readonly string[])[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of documents) for (const token of new Set(doc)) df.set(token, (df.get(token) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [token, count] of df) idf.set(token, Math.log(1 + documents.length / count));
  return idf;
}

/**
 * Sublinear TF × IDF, L2-normalised, over the ids of `vocabulary` (a token it lacks is added).
 *
 * @example
 * const v = tfidfVector(['wait', 'wait', 'cancer'], idf, new Map()); // ids [0, 1]
 */
export function tfidfVector(tokens: readonly string[], idf: ReadonlyMap<string, number>, vocabulary: Vocabulary): Vector {
  const tf = new Map<string, number>();
  for (const token of tokens) tf.set(token, (tf.get(token) ?? 0) + 1);
  const entries: [number, number][] = [];
  let norm = 0;
  for (const [token, count] of tf) {
    let id = vocabulary.get(token);
    if (id === undefined) vocabulary.set(token, (id = vocabulary.size));
    const weight = (1 + Math.log(count)) * (idf.get(token) ?? 1);
    entries.push([id, weight]);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm) || 1;
  entries.sort((a, b) => a[0] - b[0]);
  return {ids: Int32Array.from(entries, (e) => e[0]), weights: Float64Array.from(entries, (e) => e[1] / norm)};
}

/** Cosine similarity of two normalised vectors. */
export function cosine(a: Vector, b: Vector): number {
  const {ids: x, weights: wx} = a;
  const {ids: y, weights: wy} = b;
  let sum = 0;
  let p = 0;
  let q = 0;
  while (p < x.length && q < y.length) {
    const u = x[p]!;
    const v = y[q]!;
    if (u === v) sum += wx[p++]! * wy[q++]!;
    else if (u < v) p++;
    else q++;
  }
  return Math.min(1, Math.max(0, sum));
}

/** Share of `part`'s IDF weight whose tokens also occur in `whole`: how much of `part` `whole` covers. */
export function coverage(part: readonly string[], whole: ReadonlySet<string>, idf: ReadonlyMap<string, number>): number {
  let covered = 0;
  let total = 0;
  for (const token of new Set(part)) {
    const weight = idf.get(token) ?? 1;
    total += weight;
    if (whole.has(token)) covered += weight;
  }
  return total ? covered / total : 0;
}
