/**
 * Largest and smallest of a list without spreading it into arguments: `Math.max(...list)` overflows the
 * stack for lists of ~100,000 values (a 300,000-line text dump has that many rows).
 */
export function maxOf(values: Iterable<number>, empty: number): number {
  let best = -Infinity;
  for (const v of values) if (v > best) best = v;
  return best === -Infinity ? empty : best;
}

export function minOf(values: Iterable<number>, empty: number): number {
  let best = Infinity;
  for (const v of values) if (v < best) best = v;
  return best === Infinity ? empty : best;
}
