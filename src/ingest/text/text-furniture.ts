import type {TextLine} from './text-lines.js';

/** How many non-blank lines at the top and at the bottom of a page may be running headers, footers or page numbers. */
const ZONE = 3;
/** A line repeated on at least this share of pages (and on two or more) is furniture. */
const REPEAT_SHARE = 0.4;
/** Column starts within this many characters are one column. */
const SNAP = 3;
/** A line that is only a roman numeral (a front-matter page number). */
const ROMAN = /^(?=[mdclxvi])m{0,3}(?:c[md]|d?c{0,3})(?:x[cl]|l?x{0,3})(?:i[xv]|v?i{0,3})$/i;

/** A line's text with numbers masked, so "Page 3 of 9" and "Page 4 of 9", or "iv" and "v", match. */
function key(text: string): string {
  const t = text.toLowerCase().replace(/\s+/g, ' ').trim();
  return ROMAN.test(t) ? '#' : t.replace(/\d+/g, '#');
}

/** Where runs of text start after a gutter of two or more spaces. */
function starts(text: string): number[] {
  return [...text.matchAll(/(^\s*|\s{2,})(\S)/g)].map((m) => m.index + m[1]!.length);
}

/**
 * Find page furniture in a paged text dump (pages split at form feeds, as `pdftotext -layout` gives
 * them): lines among the first or last few of a page whose text (numbers masked) repeats in the same
 * place on several pages. A table's header row repeated at the top of each page is the table's, not
 * furniture: two or more runs, each starting where runs of the page's other lines start. A one-page
 * dump has none; if removing the lines would leave no text, nothing is removed. Returns the indexes of
 * the furniture lines.
 *
 * @example
 * findTextFurniture(splitLines('Plan | 2026\nText\nPage 1\n\fPlan | 2026\nMore\nPage 2')).size; // 4
 */
export function findTextFurniture(lines: readonly TextLine[]): Set<number> {
  const furniture = new Set<number>();
  const pages = new Map<number, number[]>();
  lines.forEach((line, i) => {
    if (line.page === undefined || !line.text.trim()) return;
    pages.set(line.page, [...(pages.get(line.page) ?? []), i]);
  });
  if (pages.size < 2) return furniture;
  const seen = new Map<string, Set<number>>();
  const candidates: {index: number; key: string; page: number}[] = [];
  for (const [page, indexes] of pages) {
    const zone = [...indexes.slice(0, ZONE).map((i, k) => [i, `top${k}`] as const), ...indexes.slice(-ZONE).map((i, k, all) => [i, `bottom${all.length - k}`] as const)];
    for (const [index, place] of zone) {
      const k = `${key(lines[index]!.text)}@${place}`;
      candidates.push({index, key: k, page});
      seen.set(k, (seen.get(k) ?? new Set()).add(page));
    }
  }
  const needed = Math.max(2, Math.ceil(pages.size * REPEAT_SHARE));
  const isTableRow = (index: number, page: number): boolean => {
    const own = starts(lines[index]!.text);
    const others = (pages.get(page) ?? []).filter((i) => i !== index && key(lines[i]!.text) !== key(lines[index]!.text)).flatMap((i) => starts(lines[i]!.text));
    return own.length >= 2 && own.every((x) => others.some((s) => Math.abs(s - x) <= SNAP));
  };
  for (const {index, key: k, page} of candidates) if ((seen.get(k)?.size ?? 0) >= needed && !isTableRow(index, page)) furniture.add(index);
  const total = [...pages.values()].reduce((n, p) => n + p.length, 0);
  return furniture.size < total ? furniture : new Set();
}
