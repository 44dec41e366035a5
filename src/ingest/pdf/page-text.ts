import type {Block, ListItem, Location} from '../../model/document.js';
import {wrapSeparator} from '../table/join-lines.js';
import {splitMarker} from '../text/text-lines.js';
import {chunkBox, type PageLine} from './page-lines.js';
import {maxOf, minOf} from '../../util/extremes.js';

// Running text of a PDF page (the lines outside tables) → headings, paragraphs and nested lists, from
// what the page shows: size (headings, their level by the document's heading sizes), list markers and
// indentation (list items, nesting), vertical gaps (paragraphs), and where a line ends (a line that
// stopped before the right edge, when the next line's first word would have fitted, did not wrap).

/** Text at least this many times the body size is a heading. */
export const HEADING_SIZE = 1.2;
/** Sizes within this many points are one size. */
const SIZE_TOLERANCE = 0.6;
/** x positions within this many points are one indent. */
const X_TOLERANCE = 4;
/** A vertical gap this many times the line pitch separates paragraphs (and list items from what follows). */
const PARAGRAPH_GAP = 1.4;
/** A list goes on across gaps up to this many line pitches (spaced items), no further. */
const LIST_GAP = 3;
/** The lines of one heading are at most this many times its size apart. */
const HEADING_LINE_GAP = 1.7;
/** A line indented by more than this many ems from the margin is indented (a list item without a marker). */
const INDENT_EMS = 1;
/** A line whose indents left and right differ by at most this many points, and that is shorter than this share of the text width, is centred. */
const CENTRED_TOLERANCE = 1.5;
const CENTRED_SHARE = 0.7;
/** A group label above a list (a bold line in the source) has at most this many words. */
const LABEL_MAX_WORDS = 12;
/** A bullet drawn as text, alone or before the item's text. */
const BULLET_ONLY = /^[•●▪◦■□‣⁃∙·]$/u;

/**
 * The type sizes of a whole document: its body size (the size most characters are set in) and its
 * heading sizes, largest first; a heading's level is the place of its size among them.
 */
export interface TextStyle {
  bodySize: number;
  headingSizes: number[];
}

/** Where the text of a page sits: its left margin, the right edge its full lines reach, its line pitch. */
export interface TextFrame {
  margin: number;
  rightEdge: number;
  pitch: number;
}

/** What carries from page to page while reading: the level of the last heading read by its size. */
export interface TextState {
  lastLevel: number;
}

const round = (size: number): number => Math.round(size * 2) / 2;

/**
 * The type sizes of a document from its lines: the body size is the size with the most characters; every
 * larger size (by {@link HEADING_SIZE}) set on a line is a heading size.
 *
 * @example
 * textStyle([[{size: 24, …'Plan'}, {size: 10, …'Body text…'}]]); // {bodySize: 10, headingSizes: [24]}
 */
export function textStyle(pages: readonly (readonly PageLine[])[]): TextStyle {
  const chars = new Map<number, number>();
  for (const lines of pages) {
    for (const line of lines) {
      const n = line.chunks.reduce((m, c) => m + c.text.replace(/\s+/g, '').length, 0);
      chars.set(round(line.size), (chars.get(round(line.size)) ?? 0) + n);
    }
  }
  let bodySize = 0;
  let most = -1;
  for (const [size, n] of [...chars].sort((a, b) => a[0] - b[0])) {
    if (n > most) {
      bodySize = size;
      most = n;
    }
  }
  const headingSizes: number[] = [];
  for (const size of [...chars.keys()].sort((a, b) => b - a)) {
    if (size < bodySize * HEADING_SIZE) continue;
    if (!headingSizes.length || headingSizes.at(-1)! - size > SIZE_TOLERANCE) headingSizes.push(size);
  }
  return {bodySize: bodySize || 10, headingSizes};
}

/** The level of a heading set in `size`: 1 for the largest heading size of the document, at most 6. */
export function headingLevel(style: TextStyle, size: number): number {
  const k = style.headingSizes.findIndex((s) => size >= s - SIZE_TOLERANCE);
  return Math.min(6, (k < 0 ? style.headingSizes.length : k) + 1);
}

/** The frame of a page's text: the leftmost line start, the right edge (the page's mirror of the margin, or further), the pitch of a paragraph's lines. */
export function textFrame(lines: readonly PageLine[], pageWidth: number, bodySize: number): TextFrame {
  const margin = minOf(lines.map((l) => l.x0), 0);
  const pitches = lines
    .slice(1)
    .map((l, k) => lines[k]!.y - l.y)
    .filter((d) => d >= 0.8 * bodySize && d < 3 * bodySize)
    .sort((a, b) => a - b);
  // The lower quartile: the pitch of a paragraph's lines, not of spaced items or rows.
  const pitch = pitches[Math.floor(pitches.length / 4)] ?? bodySize * 1.2;
  return {margin, rightEdge: Math.max(maxOf(lines.map((l) => l.x1), 0), pageWidth - margin), pitch};
}

function at(line: PageLine): Location {
  return {line: line.index, page: line.page, bbox: chunkBox(line, {x0: line.x0, x1: line.x1})};
}

/** Each line's text, worked out once: the list and heading rules ask for it several times a line. */
const texts = new WeakMap<PageLine, string>();

function textOf(line: PageLine): string {
  let text = texts.get(line);
  if (text === undefined) {
    text = line.chunks
      .map((c) => c.text)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    texts.set(line, text);
  }
  return text;
}

function joined(texts: readonly string[]): string {
  const parts: string[] = [];
  texts.forEach((t, k) => {
    if (k > 0) parts.push(wrapSeparator(texts[k - 1]!, t));
    parts.push(t);
  });
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** A line's list marker and where the text after it starts. */
function markerOf(line: PageLine): {marker: string; text: string; textX: number} | undefined {
  const text = textOf(line);
  const first = line.chunks[0]!;
  const {marker, text: rest} = splitMarker(text);
  let found = marker;
  let after = rest;
  if (found === undefined) {
    const bullet = /^([•●▪◦■□‣⁃∙·])\s*(?=\S)/u.exec(text);
    if (!bullet) return undefined;
    found = bullet[1]!;
    after = text.slice(bullet[0].length);
  }
  // The text's own x: the first text item after the marker (markers are usually drawn apart), else by share.
  const offset = first.text.length - first.text.trimStart().length + (text.length - after.length);
  const start = first.starts.find(([o]) => o >= offset - 1 && o > 0);
  const share = (first.x1 - first.x0) * (offset / Math.max(1, first.text.length));
  return {marker: found, text: after, textX: start ? start[1] : first.x0 + share};
}

/** Whether the first word of `line` would have fitted at the end of `above`: if so, `above` ended early, it did not wrap. */
function endedEarly(above: PageLine, line: PageLine, rightEdge: number): boolean {
  const text = textOf(line);
  const word = text.split(' ')[0] ?? '';
  const charWidth = (line.x1 - line.x0) / Math.max(1, text.length);
  return above.x1 + (word.length + 1) * charWidth < rightEdge - X_TOLERANCE;
}

/** A short line that names what follows: a group label above a list (bold in the source, the same size here). */
function isLabel(text: string): boolean {
  const words = text.split(' ');
  return words.length <= LABEL_MAX_WORDS && !/[.;:,!?]$/.test(text) && /^[\p{Lu}\p{N}]/u.test(text) && !/^[\p{N}][\d,.%]*$/u.test(text);
}

interface Open {
  item: ListItem;
  x: number;
  textX: number;
  marked: boolean;
  lines: PageLine[];
}

/**
 * The running text of one page → headings, paragraphs and lists, in reading order. A line set larger than
 * the body is a heading (its following lines of the same size join it), its level from the document's
 * heading sizes. A line opening with a bullet or number starts a list item, and so does an indented line
 * (a list whose bullets are drawn, not written); deeper indentation nests; a line under an item continues it
 * when it sits at the item's text (a hanging indent) or, for an item without a marker, when the line above
 * it ran to the right edge. A short line at the margin, without closing punctuation, right above a list is
 * the label of that list (bold in the source): a heading one level below the last heading read by size.
 * Other lines are paragraphs, split at wider gaps and changes of indent.
 *
 * @example
 * pageText(lines, textStyle([lines]), textFrame(lines, 595, 10), {lastLevel: 0}).map((b) => b.kind); // ['heading', 'paragraph', 'list']
 */
export function pageText(lines: readonly PageLine[], style: TextStyle, frame: TextFrame, state: TextState): Block[] {
  const blocks: Block[] = [];
  const {margin, rightEdge, pitch} = frame;
  const isHeading = (l: PageLine): boolean => l.size >= style.bodySize * HEADING_SIZE - SIZE_TOLERANCE / 2 && style.bodySize > 0;
  const indented = (l: PageLine): boolean => l.x0 - margin > INDENT_EMS * Math.max(l.size, style.bodySize * 0.8);
  // A shorter line indented on both sides alike (within a point or two) is centred (a title page, a
  // caption): no list item.
  const centred = (l: PageLine): boolean => Math.abs(l.x0 - margin - (rightEdge - l.x1)) <= CENTRED_TOLERANCE && l.x1 - l.x0 < CENTRED_SHARE * (rightEdge - margin);
  const gapAbove = (k: number): number => (k > 0 ? lines[k - 1]!.y - lines[k]!.y : 0);
  const listStart = (k: number): boolean => {
    const line = lines[k]!;
    if (isHeading(line)) return false;
    if (markerOf(line)) return true;
    if (!indented(line) || centred(line)) return false;
    // An indented first line of a paragraph whose next lines return to the margin is not a list item.
    const next = lines[k + 1];
    return !(next && !isHeading(next) && !indented(next) && gapAbove(k + 1) <= PARAGRAPH_GAP * pitch && !endedEarly(line, next, rightEdge));
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isHeading(line)) {
      let j = i + 1;
      while (j < lines.length && Math.abs(lines[j]!.size - line.size) <= SIZE_TOLERANCE && gapAbove(j) <= HEADING_LINE_GAP * line.size && !markerOf(lines[j]!)) j++;
      const text = joined(lines.slice(i, j).map(textOf));
      if (text) {
        const level = headingLevel(style, line.size);
        state.lastLevel = level;
        blocks.push({kind: 'heading', level, text, path: [], at: at(line)});
      }
      i = j;
      continue;
    }
    if (listStart(i)) {
      i = readList(i, blocks);
      continue;
    }
    const text = textOf(line);
    if (!indented(line) && isLabel(text) && i + 1 < lines.length && gapAbove(i + 1) <= LIST_GAP * pitch && listStart(i + 1)) {
      blocks.push({kind: 'heading', level: Math.min(6, state.lastLevel + 1), text, path: [], at: at(line)});
      i++;
      continue;
    }
    // A paragraph: lines at one indent (the first may be indented) until a gap, a heading, a list or a label.
    let j = i + 1;
    while (j < lines.length) {
      const next = lines[j]!;
      if (gapAbove(j) > PARAGRAPH_GAP * pitch || isHeading(next) || markerOf(next)) break;
      if (Math.abs(next.x0 - (j === i + 1 ? Math.min(line.x0, next.x0) : lines[j - 1]!.x0)) > X_TOLERANCE) break;
      const nextText = textOf(next);
      if (isLabel(nextText) && endedEarly(lines[j - 1]!, next, rightEdge) && j + 1 < lines.length && listStart(j + 1)) break;
      j++;
    }
    const paragraph = joined(lines.slice(i, j).map(textOf));
    if (paragraph) blocks.push({kind: 'paragraph', text: paragraph, path: [], at: at(line)});
    i = j;
  }
  return blocks;

  /** Read the list starting at line `start`; returns the index of the first line after it. */
  function readList(start: number, out: Block[]): number {
    const roots: ListItem[] = [];
    const stack: Open[] = [];
    const all: Open[] = [];
    let ordered: boolean | undefined;
    let k = start;
    for (; k < lines.length; k++) {
      const line = lines[k]!;
      if (isHeading(line)) break;
      const gap = gapAbove(k);
      if (k > start && gap > LIST_GAP * pitch) break;
      const mark = markerOf(line);
      const top = stack.at(-1);
      if (!mark && top && k > start) {
        const above = lines[k - 1]!;
        const close = gap <= PARAGRAPH_GAP * pitch;
        const continues = top.marked
          ? close && line.x0 >= top.x - X_TOLERANCE && line.x0 <= top.textX + X_TOLERANCE && (line.x0 > top.x + X_TOLERANCE || !endedEarly(above, line, rightEdge))
          : close && Math.abs(line.x0 - top.x) <= X_TOLERANCE && !endedEarly(above, line, rightEdge);
        if (continues) {
          top.lines.push(line);
          continue;
        }
      }
      if (!mark && (!indented(line) || centred(line))) break;
      const x = line.x0;
      while (stack.length && stack.at(-1)!.x > x + X_TOLERANCE) stack.pop();
      if (stack.length && Math.abs(stack.at(-1)!.x - x) <= X_TOLERANCE) stack.pop();
      const item: ListItem = {text: '', at: at(line), items: []};
      if (mark) item.marker = mark.marker;
      if (ordered === undefined) ordered = mark !== undefined && !BULLET_ONLY.test(mark.marker) && /\d|^[a-z]|^\(/i.test(mark.marker) && !/^[-–*]$/.test(mark.marker);
      const open: Open = {item, x, textX: mark ? mark.textX : x, marked: mark !== undefined, lines: [line]};
      (stack.at(-1)?.item.items ?? roots).push(item);
      stack.push(open);
      all.push(open);
    }
    for (const open of all) {
      const texts = open.lines.map(textOf);
      if (open.marked) texts[0] = markerOf(open.lines[0]!)!.text;
      open.item.text = joined(texts);
      const last = open.lines.at(-1)!;
      if (last.index !== open.lines[0]!.index) open.item.at.endLine = last.index;
    }
    // A lone indented item without a marker is weak evidence of a list (a quotation, a poem's indented
    // line, an address): it stays a paragraph.
    if (roots.length === 1 && !roots[0]!.items.length && !all[0]!.marked) out.push({kind: 'paragraph', text: roots[0]!.text, path: [], at: at(lines[start]!)});
    else if (roots.length) out.push({kind: 'list', ordered: ordered ?? false, path: [], items: roots, at: at(lines[start]!)});
    return Math.max(k, start + 1);
  }
}
