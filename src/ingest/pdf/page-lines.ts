import type {BBox} from '../../model/document.js';
import {maxOf, minOf} from '../../util/extremes.js';

/** The parts of a pdf.js TextItem this module reads (see pdf.js `src/display/api.js`, typedef TextItem). */
export interface TextItemLike {
  str: string;
  /** [a, b, c, d, e, f]: e, f are the origin in user space (bottom-left); b, c non-zero when rotated. */
  transform: readonly number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

/** A run of text on one line with no column gap inside it. */
export interface Chunk {
  text: string;
  x0: number;
  x1: number;
  /** Where each text item of the chunk starts (character offset, x), so a chunk that runs across a column boundary can be cut there. */
  starts: [offset: number, x: number][];
}

/** One line of a page: chunks left to right, baseline `y` (user space, origin bottom-left). */
export interface PageLine {
  page: number;
  /** 1-based index of the line on its page, top to bottom. */
  index: number;
  y: number;
  size: number;
  x0: number;
  x1: number;
  chunks: Chunk[];
}

/** Items on the same line when their baselines differ by at most this share of the font size (pdf.js uses half the height). */
const SAME_LINE = 0.5;
/** A horizontal gap wider than this share of the font size separates two chunks (table cells, columns). */
const CHUNK_GAP = 0.75;
/** A gap wider than this share of the font size, with no space on either side, gets a space. */
const SPACE_GAP = 0.15;
/** A chunk that is only a list bullet. */
const BULLET_ONLY = /^\s*[•●▪◦■□‣⁃]\s*$/u;
/** Text rotated by more than this many degrees is set aside (side labels). */
const ROTATION_TOLERANCE = 1;

/** Font size of an item: the length of the matrix's second column (as pdf.js text_layer does). */
export function fontSize(item: TextItemLike): number {
  return Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0) || item.height || 1;
}

/** Rotation of an item in degrees. */
export function angleOf(item: TextItemLike): number {
  return (Math.atan2(item.transform[1] ?? 0, item.transform[0] ?? 1) * 180) / Math.PI;
}

/** Round to 2 decimals for stable output. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** A page's text items turned so that most of its text reads upright, and the page size in that frame. */
export interface PageFrame {
  items: TextItemLike[];
  width: number;
  height: number;
  /** Degrees the page was turned (counter-clockwise) to read it: 0 when its text was already upright. */
  turned: number;
  /** Where a point of the page (origin bottom-left) lands in this frame: for rulings and boxes. */
  place: (x: number, y: number) => [number, number];
}

/**
 * Turn a page so that its text reads upright. Text on a page is normally upright and a rotated run is a
 * side label; but on a page whose text runs mostly at one angle (a landscape table printed on a
 * portrait page, or a page given a /Rotate its text does not share) that angle is the page's reading
 * direction, and the page is turned by it, the few upright runs then becoming the set-aside ones.
 * Characters are counted, so one long rotated paragraph outweighs a page number.
 *
 * @example
 * uprightFrame([{str: 'Hello', width: 50, height: 10, transform: [0, 10, -10, 0, 100, 200]}], 612, 792).turned; // 90
 */
export function uprightFrame(items: readonly TextItemLike[], width: number, height: number): PageFrame {
  const byAngle = new Map<number, number>();
  for (const item of items) {
    const chars = item.str.trim().length;
    if (!chars) continue;
    const angle = Math.round(angleOf(item));
    byAngle.set(angle, (byAngle.get(angle) ?? 0) + chars);
  }
  let upright = 0;
  let best: [number, number] = [0, 0];
  for (const [angle, chars] of byAngle) {
    if (Math.abs(angle) <= ROTATION_TOLERANCE) upright += chars;
    else if (chars > best[1]) best = [angle, chars];
  }
  if (best[1] <= upright) return {items: [...items], width, height, turned: 0, place: (x, y) => [x, y]};
  const turned = best[0];
  const r = (-turned * Math.PI) / 180;
  const cos = Math.cos(r);
  const sin = Math.sin(r);
  const rotate = (x: number, y: number): [number, number] => [x * cos - y * sin, x * sin + y * cos];
  const corners = [rotate(0, 0), rotate(width, 0), rotate(0, height), rotate(width, height)];
  const minX = minOf(corners.map((c) => c[0]), 0);
  const minY = minOf(corners.map((c) => c[1]), 0);
  const turnedItems = items.map((item): TextItemLike => {
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
    const [e2, f2] = rotate(e, f);
    const [a2, b2] = rotate(a, b);
    const [c2, d2] = rotate(c, d);
    return {...item, transform: [a2, b2, c2, d2, e2 - minX, f2 - minY]};
  });
  return {
    items: turnedItems,
    width: maxOf(corners.map((c) => c[0]), 0) - minX,
    height: maxOf(corners.map((c) => c[1]), 0) - minY,
    turned: ((turned % 360) + 360) % 360,
    place: (x, y) => {
      const [px, py] = rotate(x, y);
      return [px - minX, py - minY];
    },
  };
}

/**
 * Text items of one page → lines. Upright items are clustered by baseline and split into chunks at
 * wide gaps; rotated items (a side label) are returned apart, joined as one string, never mixed into
 * the lines. Whitespace-only items only space things out.
 */
export function pageLines(items: readonly TextItemLike[], page: number): {lines: PageLine[]; rotated: string[]} {
  const upright: TextItemLike[] = [];
  const rotatedItems: TextItemLike[] = [];
  for (const item of items) {
    if (!item.str) continue;
    if (Math.abs(angleOf(item)) > ROTATION_TOLERANCE) rotatedItems.push(item);
    else if (item.str.trim()) upright.push(item);
  }
  const sorted = upright.toSorted((a, b) => (b.transform[5] ?? 0) - (a.transform[5] ?? 0) || (a.transform[4] ?? 0) - (b.transform[4] ?? 0));
  const groups: {y: number; size: number; items: TextItemLike[]}[] = [];
  for (const item of sorted) {
    const y = item.transform[5] ?? 0;
    const size = fontSize(item);
    const group = groups.findLast((g) => Math.abs(g.y - y) <= SAME_LINE * Math.min(g.size, size));
    if (group) {
      group.items.push(item);
      group.size = Math.max(group.size, size);
    } else groups.push({y, size, items: [item]});
  }
  groups.sort((a, b) => b.y - a.y);
  const lines = groups.map((group, k): PageLine => {
    const row = group.items.toSorted((a, b) => (a.transform[4] ?? 0) - (b.transform[4] ?? 0));
    const chunks: Chunk[] = [];
    for (const item of row) {
      const x0 = item.transform[4] ?? 0;
      const x1 = x0 + item.width;
      const size = fontSize(item);
      const last = chunks.at(-1);
      const gap = last ? x0 - last.x1 : Infinity;
      // A list bullet is drawn apart from its text: keep the two together whatever the gap.
      if (last && (gap <= CHUNK_GAP * size || BULLET_ONLY.test(last.text))) {
        const needsSpace = gap > SPACE_GAP * size && !/\s$/.test(last.text) && !/^\s/.test(item.str);
        last.text += needsSpace ? ' ' : '';
        last.starts.push([last.text.length, x0]);
        last.text += item.str;
        last.x1 = Math.max(last.x1, x1);
      } else chunks.push({text: item.str, x0, x1, starts: [[0, x0]]});
    }
    const kept = chunks.filter((c) => c.text.trim());
    return {page, index: k + 1, y: group.y, size: group.size, x0: minOf(kept.map((c) => c.x0), 0), x1: maxOf(kept.map((c) => c.x1), 0), chunks: kept};
  });
  const rotated = rotatedItems.length
    ? [
        rotatedItems
          .toSorted((a, b) => (a.transform[5] ?? 0) - (b.transform[5] ?? 0) || (a.transform[4] ?? 0) - (b.transform[4] ?? 0))
          .map((i) => i.str)
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      ].filter(Boolean)
    : [];
  return {lines: lines.filter((l) => l.chunks.length), rotated};
}

/** The bounding box of a chunk on a line: [x0, y0, x1, y1], baseline minus a descent, in user space. */
export function chunkBox(line: PageLine, chunk: Pick<Chunk, 'x0' | 'x1'>): BBox {
  return [round2(chunk.x0), round2(line.y - 0.25 * line.size), round2(chunk.x1), round2(line.y + 0.85 * line.size)];
}
