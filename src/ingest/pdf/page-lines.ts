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
