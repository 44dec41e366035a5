import type {Block, ListItem} from '../../model/document.js';
import {joinLines, vocabularyOf} from '../table/join-lines.js';
import {locate, LIST_MARKER, splitMarker, type TextLine} from './text-lines.js';

/** A heading in plain text: one short line, without sentence punctuation at the end. */
const HEADING_MAX_WORDS = 12;
/** A heading line at the top of a group is at most this share of the length of the line after it. */
const HEADING_SHARE = 0.6;

function indent(line: TextLine): number {
  return /^\s*/.exec(line.text.replace(/\t/g, '    '))![0].length;
}

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

/**
 * Read the lines of plain text outside tables. Groups of lines are separated by blank lines; within a
 * group, lines opening with a bullet or number are list items (an item's wrapped lines join; deeper
 * indentation nests), a short line at the top of a group is a heading when a list or a much longer line
 * follows it (text dumps of PDFs keep no blank line under a heading), a short line alone is a heading
 * when something follows (`more` says a table does), and other lines are paragraphs (wrapped lines
 * joined). The first line of the document is its title when it reads as one.
 */
export function textBlocks(lines: readonly TextLine[], first: boolean, more = false): Block[] {
  const vocabulary = vocabularyOf(lines.map((l) => l.text));
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
        heading(lines[0]!, 1);
        i = 1;
      } else if (!isMarkerLine(lines[0]!) && lines.length <= 2) {
        blocks.push({kind: 'heading', level: 1, text: joinLines(lines.map((l) => l.text), vocabulary), path: [], at: locate(lines[0]!)});
        return;
      }
    }
    const last = g === groups.length - 1;
    while (i < lines.length) {
      const line = lines[i]!;
      const next = lines[i + 1];
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
        if (next && (isMarkerLine(next) || line.text.trim().length <= HEADING_SHARE * next.text.trim().length || indent(next) > indent(line))) {
          heading(line, headingLevel(line.text.trim()));
          i++;
          continue;
        }
      }
      let j = i + 1;
      while (j < lines.length && !isMarkerLine(lines[j]!)) j++;
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
