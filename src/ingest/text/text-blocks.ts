import type {Block, ListItem} from '../../model/document.js';
import {joinLines, lineJoin, vocabularyOf} from '../table/join-lines.js';
import {locate, LIST_MARKER, splitMarker, type TextLine} from './text-lines.js';

/** A heading in plain text: one short line, without sentence punctuation at the end. */
const HEADING_MAX_WORDS = 12;
/** A heading line at the top of a group is at most this share of the length of the line after it. */
const HEADING_SHARE = 0.6;

function indent(line: TextLine): number {
  return /^\s*/.exec(line.text.replace(/\t/g, '    '))![0].length;
}

/** A group of at most this many lines, each a heading line, is a run of headings (a section and a subsection over what follows). */
const HEADING_RUN = 3;
/** A line ended early for sure when the next word would have fitted with this margin (characters only approximate a proportional font). */
const FIT_FACTOR = 1.4;

/** Heading level from the line's own form: "2.1 Urgent care" → 3, "2. Urgent care" → 2, else 2. */
function headingLevel(text: string): number {
  const numbered = /^(\d+(?:\.\d+)*)\.?\s/.exec(text);
  if (numbered) return Math.min(6, 1 + numbered[1]!.split('.').length);
  return 2;
}

function isHeadingLine(text: string): boolean {
  const t = text.trim();
  const words = t.split(/\s+/);
  return words.length <= HEADING_MAX_WORDS && !/[.;:,!?]$/.test(t) && /^[\p{Lu}\p{N}]/u.test(t) && !/^[\p{N}][\d,.%]*$/u.test(t);
}

function isMarkerLine(line: TextLine): boolean {
  return LIST_MARKER.test(line.text.trim());
}

/** A numbered line that reads as a section heading ("2. Transport") rather than an item. */
function isNumberedHeading(line: TextLine): boolean {
  const t = line.text.trim();
  return /^\d+(?:\.\d+)*\.?\s/.test(t) && isHeadingLine(splitMarker(t).text) && splitMarker(t).text.split(/\s+/).length <= 6;
}

/** What the reader of a slice of text knows about the whole document. */
export interface TextBlockOptions {
  /** The right edge of the text (the longest line's length): a line ending well before it did not wrap. */
  rightEdge?: number;
  /** The line just above the slice (a table's last line, an introduction such as "We will:"). */
  before?: TextLine;
}

/**
 * Read the lines of plain text outside tables. Groups of lines are separated by blank lines; within a
 * group, lines opening with a bullet or number are list items (an item's wrapped lines join; deeper
 * indentation nests), a short line at the top of a group is a heading when a list or a much longer line
 * follows it (text dumps of PDFs keep no blank line under a heading), a short line alone is a heading
 * when something follows (`more` says a table does), a group of two or three heading lines is a run of
 * headings, and other lines are paragraphs (wrapped lines joined). Lines indented under a heading or an
 * introduction ending in a colon form a list even without bullets (a text dump of a PDF drops bullets
 * drawn as graphics): deeper indentation nests, and a line that ended early (the next word would have
 * fitted) ends its item. The first line of the document is its title when it reads as one, with a
 * wrapped second line that continues it.
 */
export function textBlocks(lines: readonly TextLine[], first: boolean, more = false, options: TextBlockOptions = {}): Block[] {
  const vocabulary = vocabularyOf(lines.map((l) => l.text));
  const edge = options.rightEdge ?? Math.max(0, ...lines.map((l) => l.text.trimEnd().length));
  const groups: TextLine[][] = [];
  let group: TextLine[] = [];
  for (const line of lines) {
    if (line.text.trim()) group.push(line);
    else if (group.length) {
      groups.push(group);
      group = [];
    }
  }
  if (group.length) groups.push(group);
  const blocks: Block[] = [];
  const paragraph = (part: readonly TextLine[]): void => {
    const text = joinLines(part.map((l) => l.text), vocabulary);
    if (text) blocks.push({kind: 'paragraph', text, path: [], at: locate(part[0]!)});
  };
  const heading = (line: TextLine, level: number): void => {
    blocks.push({kind: 'heading', level, text: line.text.trim().replace(/\s+/g, ' '), path: [], at: locate(line)});
  };
  groups.forEach((lines, g) => {
    let i = 0;
    if (first && g === 0) {
      // The title: the first line, or the first group when it is one or two short lines.
      if (!isMarkerLine(lines[0]!) && isHeadingLine(lines[0]!.text)) {
        // A title wrapped onto a short second line that cannot start anew ("… 2025" / "to 2030").
        const second = lines[1];
        const wrapped =
          second !== undefined &&
          lineJoin(lines[0]!.text, second.text, 'strong') === 'continues' &&
          second.text.trim().split(/\s+/).length <= HEADING_MAX_WORDS &&
          !/[.;:,!?]$/.test(second.text.trim()) &&
          (lines[2] === undefined || second.text.trim().length <= HEADING_SHARE * lines[2].text.trim().length);
        if (wrapped) {
          blocks.push({kind: 'heading', level: 1, text: joinLines([lines[0]!.text, second.text], vocabulary), path: [], at: {...locate(lines[0]!), endLine: second.line}});
          i = 2;
        } else {
          heading(lines[0]!, 1);
          i = 1;
        }
      } else if (!isMarkerLine(lines[0]!) && lines.length <= 2) {
        blocks.push({kind: 'heading', level: 1, text: joinLines(lines.map((l) => l.text), vocabulary), path: [], at: locate(lines[0]!)});
        return;
      }
    }
    const last = g === groups.length - 1;
    // A short group of heading lines over what follows: a section heading and the subsection's.
    if (i === 0 && lines.length >= 2 && lines.length <= HEADING_RUN && (!last || more) && lines.every((l) => !isMarkerLine(l) && isHeadingLine(l.text) && !/\S\s{3,}\S/.test(l.text.trim()) && indent(l) === indent(lines[0]!))) {
      for (const l of lines) heading(l, headingLevel(l.text.trim()));
      return;
    }
    while (i < lines.length) {
      const line = lines[i]!;
      const next = lines[i + 1];
      // Lines indented under a heading or an introduction ("We will:"), without bullets: a list.
      const parent = i > 0 ? lines[i - 1] : g > 0 ? groups[g - 1]!.at(-1) : options.before;
      const introduced =
        parent !== undefined &&
        !isMarkerLine(line) &&
        indent(line) > indent(parent) &&
        ((blocks.at(-1)?.kind === 'heading' && blocks.at(-1)!.at.line === parent.line) || /:$/.test(parent.text.trim()));
      if (introduced) {
        let j = i;
        while (j < lines.length && indent(lines[j]!) > indent(parent) && !isMarkerLine(lines[j]!)) j++;
        const items = unmarkedItems(lines.slice(i, j), edge, vocabulary);
        if (items.length >= 2 || items.some((item) => item.items.length > 0)) {
          blocks.push({kind: 'list', ordered: false, path: [], items, at: locate(line)});
          i = j;
          continue;
        }
      }
      if (isMarkerLine(line)) {
        // A numbered heading alone in its group, not followed by the next item of a list, is a heading.
        const followedByItem = Boolean(next && isMarkerLine(next)) || /^\d+(?:\.\d+)*[.)]?\s/.test(groups[g + 1]?.[0]?.text.trim() ?? '');
        if (lines.length === 1 && isNumberedHeading(line) && blocks.at(-1)?.kind !== 'list' && !followedByItem && (!last || more)) {
          heading(line, headingLevel(line.text.trim()));
          i++;
          continue;
        }
        let j = i + 1;
        while (j < lines.length && (isMarkerLine(lines[j]!) || indent(lines[j]!) > indent(line))) j++;
        const items = listItems(lines.slice(i, j), vocabulary);
        const previous = blocks.at(-1);
        // Items of one list separated by blank lines stay one list.
        if (previous?.kind === 'list' && i === 0 && g > 0) previous.items.push(...items);
        else blocks.push({kind: 'list', ordered: /\d|^[a-z]|^\(/i.test(splitMarker(line.text.trim()).marker ?? ''), path: [], items, at: locate(line)});
        i = j;
        continue;
      }
      const isLastLine = i === lines.length - 1;
      if (isHeadingLine(line.text)) {
        if (isLastLine && lines.length === 1 && (!last || more)) {
          heading(line, headingLevel(line.text.trim()));
          i++;
          continue;
        }
        // Over a list, a much longer line, an indented block, or an introduction of its own ("We will:").
        const introduces = next !== undefined && /:$/.test(next.text.trim()) && lineJoin(line.text, next.text, 'strong') !== 'continues';
        if (next && (isMarkerLine(next) || line.text.trim().length <= HEADING_SHARE * next.text.trim().length || indent(next) > indent(line) || introduces)) {
          heading(line, headingLevel(line.text.trim()));
          i++;
          continue;
        }
      }
      let j = i + 1;
      // A paragraph ends before a list item, a line indented deeper than its own lines (not a wrapped
      // line), and a heading line over an indented block.
      while (
        j < lines.length &&
        !isMarkerLine(lines[j]!) &&
        !(indent(lines[j]!) > indent(lines[j - 1]!) + 1 && lineJoin(lines[j - 1]!.text, lines[j]!.text, 'strong') !== 'continues') &&
        !(isHeadingLine(lines[j]!.text) && lines[j + 1] !== undefined && indent(lines[j + 1]!) > indent(lines[j]!) + 1)
      )
        j++;
      paragraph(lines.slice(i, j));
      i = j;
    }
  });
  return blocks;
}

/** Lines of a list → nested items: a marker starts an item; deeper indentation nests; other lines continue the item above. */
function listItems(lines: readonly TextLine[], vocabulary: ReadonlySet<string>): ListItem[] {
  const roots: ListItem[] = [];
  const stack: {indent: number; item: ListItem; lines: string[]}[] = [];
  const all: {item: ListItem; lines: string[]}[] = [];
  for (const line of lines) {
    const trimmed = line.text.trim();
    const {marker, text} = splitMarker(trimmed);
    if (marker === undefined) {
      stack.at(-1)?.lines.push(trimmed);
      continue;
    }
    const depth = indent(line);
    while (stack.length && stack.at(-1)!.indent >= depth) stack.pop();
    const item: ListItem = {text, marker, at: locate(line), items: []};
    const entry = {indent: depth, item, lines: [text]};
    (stack.at(-1)?.item.items ?? roots).push(item);
    stack.push(entry);
    all.push(entry);
  }
  for (const {item, lines: parts} of all) item.text = joinLines(parts, vocabulary);
  return roots;
}

/** Whether a line ended early: the first word of the next line would have fitted before the right edge. */
function endedEarly(line: TextLine, next: TextLine, edge: number, factor: number): boolean {
  const word = next.text.trim().split(/\s+/)[0] ?? '';
  return factor > 1 ? line.text.trimEnd().length + (word.length + 1) * factor + 2 < edge : line.text.trimEnd().length + word.length + 1 <= edge;
}

/**
 * Indented lines without bullets → nested items: deeper indentation nests; at the same indentation a
 * line starts a new item when the line above ended early (it did not wrap) and does not end mid-phrase
 * ("… of the"); otherwise it continues the item above.
 */
function unmarkedItems(lines: readonly TextLine[], edge: number, vocabulary: ReadonlySet<string>): ListItem[] {
  const roots: ListItem[] = [];
  const stack: {indent: number; item: ListItem; lines: string[]; last: TextLine}[] = [];
  const all: {item: ListItem; lines: string[]; last: TextLine}[] = [];
  const uniform = lines.length > 2 && lines.every((l) => /^[\p{Lu}\p{N}]/u.test(l.text.trim()));
  lines.forEach((line, k) => {
    const depth = indent(line);
    const above = lines[k - 1];
    const open = stack.at(-1);
    // A new item: the line above ended early with room to spare, or ended early at all and this line opens
    // with a capital or a number; never after a line ending mid-phrase ("… of the").
    // Where every line opens with a capital or a number (one item a line), a capitalised line after a
    // finished phrase starts an item even below a line that reached the edge.
    const capital = /^[\p{Lu}\p{N}]/u.test(line.text.trim());
    const starts =
      above !== undefined &&
      lineJoin(above.text, 'A', 'strong') !== 'continues' &&
      (endedEarly(above, line, edge, FIT_FACTOR) ||
        (capital && endedEarly(above, line, edge, 1)) ||
        (capital && uniform && lineJoin(above.text, line.text) !== 'continues'));
    const continues = open !== undefined && depth === open.indent && !starts;
    if (continues) {
      open.lines.push(line.text.trim());
      open.last = line;
      return;
    }
    while (stack.length && stack.at(-1)!.indent >= depth) stack.pop();
    const item: ListItem = {text: '', at: locate(line), items: []};
    const entry = {indent: depth, item, lines: [line.text.trim()], last: line};
    (stack.at(-1)?.item.items ?? roots).push(item);
    stack.push(entry);
    all.push(entry);
  });
  for (const {item, lines: parts, last} of all) {
    item.text = joinLines(parts, vocabulary);
    if (last.line > item.at.line && last.page === item.at.page) item.at = {...item.at, endLine: last.line};
  }
  return roots;
}
