/** Sparse TF-IDF vectors over a shared vocabulary, with cosine similarity and weighted coverage. */
export type Vector = ReadonlyMap<string, number>;

/** Inverse document frequency over a collection of token lists: ln(1 + N / df). */
export function inverseDocumentFrequency(documents: readonly (readonly string[])[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of documents) for (const token of new Set(doc)) df.set(token, (df.get(token) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [token, count] of df) idf.set(token, Math.log(1 + documents.length / count));
  return idf;
}

/** Sublinear TF × IDF, L2-normalised. */
export function tfidfVector(tokens: readonly string[], idf: ReadonlyMap<string, number>): Vector {
  const tf = new Map<string, number>();
  for (const token of tokens) tf.set(token, (tf.get(token) ?? 0) + 1);
  const vector = new Map<string, number>();
  let norm = 0;
  for (const [token, count] of tf) {
    const weight = (1 + Math.log(count)) * (idf.get(token) ?? 1);
    vector.set(token, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [token, weight] of vector) vector.set(token, weight / norm);
  return vector;
}

/** Cosine similarity of two normalised vectors. */
export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [token, weight] of small) {
    const other = large.get(token);
    if (other !== undefined) sum += weight * other;
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
