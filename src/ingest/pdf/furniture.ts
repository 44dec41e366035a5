import type {PageLine} from './page-lines.js';

/** Share of the page height at the top and bottom where running headers, footers and page numbers live. */
const MARGIN_SHARE = 0.12;
/** A line repeated on at least this share of pages (and on two or more) is furniture. */
const REPEAT_SHARE = 0.4;
/** Baselines within this many points count as the same position. */
const Y_TOLERANCE = 3;

const PAGE_NUMBER = /^(?:page\s*)?[ivxlc\d]+(?:\s*(?:of|\/)\s*\d+)?$|^[-–—]\s*\d+\s*[-–—]$/i;

function key(line: PageLine): string {
  return line.chunks
    .map((c) => c.text)
    .join(' ')
    .toLowerCase()
    .replace(/\d+/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Find page furniture: lines in the top or bottom margin that repeat at the same height with the same
 * text (digits ignored, so "Page 3" and "Page 4" match) on several pages, and bare page numbers there.
 * Returns the set of furniture lines.
 */
export function findFurniture(pages: readonly {height: number; lines: readonly PageLine[]}[]): Set<PageLine> {
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
  const furniture = new Set<PageLine>();
  const needed = Math.max(2, Math.ceil(pages.length * REPEAT_SHARE));
  for (const {line, key: k} of candidates) {
    const text = line.chunks.map((c) => c.text).join(' ').trim();
    if ((seen.get(k)?.size ?? 0) >= needed || PAGE_NUMBER.test(text)) furniture.add(line);
  }
  return furniture;
}
