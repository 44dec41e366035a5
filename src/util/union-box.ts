import type {BBox} from '../model/document.js';

/**
 * The smallest box holding every box given (coordinates rounded to 2 decimals), or undefined for none:
 * a cell's box from its lines' boxes.
 *
 * @example
 * unionBox([[10, 20, 30, 40], [5, 25, 35, 38]]); // [5, 20, 35, 40]
 */
export function unionBox(boxes: readonly BBox[]): BBox | undefined {
  if (!boxes.length) return undefined;
  const r = (n: number): number => Math.round(n * 100) / 100;
  let [x0, y0, x1, y1] = boxes[0]!;
  for (const [a, b, c, d] of boxes) {
    x0 = Math.min(x0, a);
    y0 = Math.min(y0, b);
    x1 = Math.max(x1, c);
    y1 = Math.max(y1, d);
  }
  return [r(x0), r(y0), r(x1), r(y1)];
}
