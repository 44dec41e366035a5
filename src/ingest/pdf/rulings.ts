// Rulings (the lines and thin rectangles a page draws) from a pdf.js operator list, as horizontal and
// vertical segments in the frame the page's text is read in. Pure: takes the operator list's arrays and a
// function placing a user-space point on the page; imports nothing from pdf.js.

/** pdf.js operator codes read here (`OPS` in pdf.js src/shared/util.js, v5.6). */
const OP = {
  setLineWidth: 2,
  save: 10,
  restore: 11,
  transform: 12,
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
  endPath: 28,
  setStrokeRGBColor: 58,
  setFillRGBColor: 59,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  constructPath: 91,
  setStrokeTransparent: 92,
  setFillTransparent: 93,
  rawFillPath: 94,
} as const;

/** pdf.js path drawing codes inside a constructPath buffer (`DrawOPS`). */
const DRAW = {moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4} as const;

/** A segment is horizontal (or vertical) when its ends differ by at most this many points across. */
const AXIS_TOLERANCE = 1;
/** A filled rectangle at most this thick is a ruling; a thicker one contributes its four edges. */
const THIN_FILL = 2.5;
/** Segments shorter than this are not rulings (ticks, bullets, glyph-like marks). */
const MIN_LENGTH = 4;
/** A filled rectangle covering more than this share of the page is a background, not a cell. */
const BACKGROUND_SHARE = 0.5;

/** A horizontal segment at `y` from `a` to `b` (a < b), or a vertical one at `x` from `a` to `b`. */
export interface Segment {
  at: number;
  a: number;
  b: number;
}

/** Rulings of a page: horizontal segments (at = y) and vertical ones (at = x), in page space, origin bottom-left. */
export interface Rulings {
  h: Segment[];
  v: Segment[];
}

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: readonly number[]): Matrix {
  const [a, b, c, d, e, f] = m;
  const [a2 = 1, b2 = 0, c2 = 0, d2 = 1, e2 = 0, f2 = 0] = n;
  return [a2 * a + b2 * c, a2 * b + b2 * d, c2 * a + d2 * c, c2 * b + d2 * d, e2 * a + f2 * c + e, e2 * b + f2 * d + f];
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Whether a colour (pdf.js passes fills and strokes as "#rrggbb") is white: invisible on the page. */
const isWhite = (hex: unknown): boolean => typeof hex === 'string' && /^#f[0-9a-f]f[0-9a-f]f[0-9a-f]$/i.test(hex);

/**
 * An operator list → rulings. Follows `save`/`restore`/`transform` and form XObjects' matrices; reads
 * each `constructPath` (a paint op, a flat buffer of DrawOPS codes with coordinates, a bounding box):
 * stroked straight segments that are horizontal or vertical become rulings; a filled rectangle becomes
 * one ruling when thin (how Chromium and many generators draw borders) and its four edges when larger
 * (a shaded cell). Clipping paths, curves, white or transparent paint and page-sized backgrounds are
 * ignored. `place` turns a user-space point into page space (the viewport and any turn of the page).
 *
 * @example
 * rulingsFromOps([91], [[20, [new Float32Array([0, 10, 10, 1, 110, 10])], null]], (x, y) => [x, y], 200, 200).h;
 * // [{at: 10, a: 10, b: 110}]
 */
export function rulingsFromOps(
  fnArray: readonly number[],
  argsArray: readonly unknown[],
  place: (x: number, y: number) => [number, number],
  pageWidth: number,
  pageHeight: number,
): Rulings {
  const reader = rulingsReader(place, pageWidth, pageHeight);
  reader.add(fnArray, argsArray);
  return reader.rulings();
}

/** Reads an operator list chunk by chunk, as pdf.js streams it: see {@link rulingsFromOps}. */
export interface RulingsReader {
  /** Read the next chunk of operators (the graphics state carries over from the chunk before). */
  add(fnArray: readonly number[], argsArray: readonly unknown[]): void;
  /** The rulings read so far. */
  rulings(): Rulings;
}

/**
 * A {@link RulingsReader}: the rulings of an operator list read a chunk at a time, so that a page's whole
 * list (hundreds of thousands of operators on a map or chart) is never held at once.
 *
 * @example
 * const reader = rulingsReader((x, y) => [x, y], 200, 200);
 * reader.add([91], [[20, [new Float32Array([0, 10, 10, 1, 110, 10])], null]]);
 * reader.rulings().h; // [{at: 10, a: 10, b: 110}]
 */
export function rulingsReader(place: (x: number, y: number) => [number, number], pageWidth: number, pageHeight: number): RulingsReader {
  const h: Segment[] = [];
  const v: Segment[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let fillHidden = false;
  let strokeHidden = false;
  const stack: {ctm: Matrix; fillHidden: boolean; strokeHidden: boolean}[] = [];
  const push = (): void => void stack.push({ctm, fillHidden, strokeHidden});
  const pop = (): void => {
    const top = stack.pop();
    if (top) ({ctm, fillHidden, strokeHidden} = top);
  };
  const addSegment = (p: [number, number], q: [number, number]): void => {
    const [x0, y0] = p;
    const [x1, y1] = q;
    if (Math.abs(y0 - y1) <= AXIS_TOLERANCE && Math.abs(x1 - x0) >= MIN_LENGTH) h.push({at: (y0 + y1) / 2, a: Math.min(x0, x1), b: Math.max(x0, x1)});
    else if (Math.abs(x0 - x1) <= AXIS_TOLERANCE && Math.abs(y1 - y0) >= MIN_LENGTH) v.push({at: (x0 + x1) / 2, a: Math.min(y0, y1), b: Math.max(y0, y1)});
  };
  const addRect = (points: readonly [number, number][]): void => {
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const x0 = Math.min(...xs);
    const x1 = Math.max(...xs);
    const y0 = Math.min(...ys);
    const y1 = Math.max(...ys);
    const w = x1 - x0;
    const hgt = y1 - y0;
    if (w * hgt > BACKGROUND_SHARE * pageWidth * pageHeight) return;
    if (hgt <= THIN_FILL && w >= MIN_LENGTH) h.push({at: (y0 + y1) / 2, a: x0, b: x1});
    else if (w <= THIN_FILL && hgt >= MIN_LENGTH) v.push({at: (x0 + x1) / 2, a: y0, b: y1});
    else if (w > THIN_FILL && hgt > THIN_FILL) {
      h.push({at: y0, a: x0, b: x1}, {at: y1, a: x0, b: x1});
      v.push({at: x0, a: y0, b: y1}, {at: x1, a: y0, b: y1});
    }
  };
  const add = (fnArray: readonly number[], argsArray: readonly unknown[]): void => {
    for (let i = 0; i < fnArray.length; i++) {
      const fn = fnArray[i];
      const args = argsArray[i] as unknown[] | null | undefined;
      switch (fn) {
        case OP.save:
          push();
          break;
        case OP.restore:
          pop();
          break;
        case OP.transform:
          if (args) ctm = multiply(ctm, args as number[]);
          break;
        case OP.paintFormXObjectBegin:
          push();
          if (args?.[0]) ctm = multiply(ctm, Array.from(args[0] as ArrayLike<number>));
          break;
        case OP.paintFormXObjectEnd:
          pop();
          break;
        case OP.setFillRGBColor:
          fillHidden = isWhite(args?.[0]);
          break;
        case OP.setStrokeRGBColor:
          strokeHidden = isWhite(args?.[0]);
          break;
        case OP.setFillTransparent:
          fillHidden = true;
          break;
        case OP.setStrokeTransparent:
          strokeHidden = true;
          break;
        case OP.constructPath: {
          const paint = args?.[0] as number;
          const buffer = (args?.[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
          if (!buffer || paint === OP.endPath) break;
          const strokes = paint === OP.stroke || paint === OP.closeStroke || paint === OP.fillStroke || paint === OP.eoFillStroke || paint === OP.closeFillStroke || paint === OP.closeEOFillStroke;
          const fills = paint === OP.fill || paint === OP.eoFill || paint === OP.fillStroke || paint === OP.eoFillStroke || paint === OP.closeFillStroke || paint === OP.closeEOFillStroke || paint === OP.rawFillPath;
          const stroked = strokes && !strokeHidden;
          const filled = fills && !fillHidden;
          if (!stroked && !filled) break;
          const toPage = (x: number, y: number): [number, number] => {
            const [ux, uy] = apply(ctm, x, y);
            return place(ux, uy);
          };
          // Walk the subpaths: straight runs are kept point by point; a curve makes its subpath non-rectangular.
          let points: [number, number][] = [];
          let straight = true;
          const flush = (): void => {
            if (points.length >= 2) {
              if (stroked) for (let k = 1; k < points.length; k++) addSegment(points[k - 1]!, points[k]!);
              if (filled && straight) {
                const first = points[0]!;
                const last = points.at(-1)!;
                const closed = Math.hypot(first[0] - last[0], first[1] - last[1]) < 0.5;
                // A fill closes its path: four corners, written with or without the return to the start.
                if (closed && points.length === 5) addRect(points.slice(0, 4));
                else if (!closed && points.length === 4) addRect(points);
                else if (closed && points.length === 3) addSegment(first, points[1]!);
                else if (points.length === 2) addSegment(first, last);
              }
            }
            points = [];
            straight = true;
          };
          for (let k = 0; k < buffer.length; ) {
            const op = buffer[k++];
            if (op === DRAW.moveTo) {
              flush();
              points.push(toPage(buffer[k]!, buffer[k + 1]!));
              k += 2;
            } else if (op === DRAW.lineTo) {
              points.push(toPage(buffer[k]!, buffer[k + 1]!));
              k += 2;
            } else if (op === DRAW.curveTo) {
              flush();
              straight = false;
              points.push(toPage(buffer[k + 4]!, buffer[k + 5]!));
              k += 6;
            } else if (op === DRAW.quadraticCurveTo) {
              flush();
              straight = false;
              points.push(toPage(buffer[k + 2]!, buffer[k + 3]!));
              k += 4;
            } else if (op === DRAW.closePath) {
              const start = points[0];
              if (start && points.length > 1) points.push(start);
              flush();
            } else break;
          }
          flush();
          break;
        }
        default:
          break;
      }
    }
  };
  return {add, rulings: () => ({h, v})};
}
