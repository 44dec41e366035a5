import type {PageLine} from './page-lines.js';

/** Share of the page height at the top and bottom where running headers, footers and page numbers live. */
const MARGIN_SHARE = 0.12;
/** A line repeated on at least this share of pages (and on two or more) is furniture. */
const REPEAT_SHARE = 0.4;
/** Chunk starts within this many points are one column. */
const COLUMN_TOLERANCE = 4;
/** Baselines within this many points count as the same position. */
const Y_TOLERANCE = 3;
/** A line that is only a roman numeral (a front-matter page number). */
const ROMAN = /^(?=[mdclxvi])m{0,3}(?:c[md]|d?c{0,3})(?:x[cl]|l?x{0,3})(?:i[xv]|v?i{0,3})$/i;

/** A line's text with numbers (arabic or a bare roman numeral) masked, so "Page 3" and "Page 4" match. */
function key(line: PageLine): string {
  const text = line.chunks
    .map((c) => c.text)
    .join(' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  return ROMAN.test(text) ? '#' : text.replace(/\d+/g, '#');
}

/**
 * Find page furniture: lines in the top or bottom margin that repeat at the same height with the same
 * text (numbers masked, so "Page 3 of 9" and "Page 4 of 9", or "iv" and "v", match) on several pages.
 * Only repetition across pages makes a line furniture: a one-page document has none, and a line seen
 * once is text whatever it says. If removing the repeated lines would leave no text at all, they are
 * the document's text (the same few words on every page), not its furniture, and nothing is removed.
 * Returns the set of furniture lines.
 */
export function findFurniture(pages: readonly {height: number; lines: readonly PageLine[]}[]): Set<PageLine> {
  const furniture = new Set<PageLine>();
  if (pages.length < 2) return furniture;
  const inMargin = (line: PageLine, height: number): boolean => line.y > height * (1 - MARGIN_SHARE) || line.y < height * MARGIN_SHARE;
  const seen = new Map<string, Set<number>>();
  const candidates: {line: PageLine; key: string}[] = [];
  pages.forEach(({height, lines}, p) => {
    for (const line of lines) {
      if (!inMargin(line, height)) continue;
      const k = `${key(line)}@${Math.round(line.y / Y_TOLERANCE)}`;
      candidates.push({line, key: k});
      const set = seen.get(k) ?? new Set<number>();
      set.add(p);
      seen.set(k, set);
    }
  });
  const needed = Math.max(2, Math.ceil(pages.length * REPEAT_SHARE));
  // A table's header row repeated at the top of each page is the table's, not furniture: two or more
  // chunks, each starting where chunks of the page's body lines start (its columns).
  const bodyStarts = new Map<number, number[]>();
  pages.forEach(({height, lines}) => {
    for (const line of lines) if (!inMargin(line, height)) bodyStarts.set(line.page, [...(bodyStarts.get(line.page) ?? []), ...line.chunks.map((c) => c.x0)]);
  });
  const isTableRow = (line: PageLine): boolean =>
    line.chunks.length >= 2 && line.chunks.every((c) => (bodyStarts.get(line.page) ?? []).some((x) => Math.abs(x - c.x0) <= COLUMN_TOLERANCE));
  for (const {line, key: k} of candidates) if ((seen.get(k)?.size ?? 0) >= needed && !isTableRow(line)) furniture.add(line);
  const total = pages.reduce((n, p) => n + p.lines.length, 0);
  return furniture.size < total ? furniture : new Set();
}
