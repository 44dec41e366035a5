import type {Block, ListItem} from '../../model/document.js';
import {joinLines, vocabularyOf} from '../table/join-lines.js';
import {locate, LIST_MARKER, splitMarker, type TextLine} from './text-lines.js';

/** A heading in plain text: one short line on its own, without sentence punctuation at the end. */
const HEADING_MAX_WORDS = 12;

function indent(line: TextLine): number {
  return /^\s*/.exec(line.text.replace(/\t/g, '    '))![0].length;
}

/** Heading level from the line's own form: "2.1 Urgent care" → 3, "2. Urgent care" or ALL CAPS → 2, else 2. */
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

/**
 * Read the lines of plain text outside tables: a group of lines separated by blank lines is a paragraph
 * (wrapped lines joined), a list (lines opening with bullets or numbers; an item's wrapped lines joined;
 * deeper indentation nests), or a heading (one short line on its own). The first group is the title.
 */
export function textBlocks(lines: readonly TextLine[], first: boolean): Block[] {
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
  let titled = !first;
  groups.forEach((lines, g) => {
    const at = locate(lines[0]!);
    const markerLines = lines.filter((l) => LIST_MARKER.test(l.text.trim()));
    const isList = markerLines.length > 0 && LIST_MARKER.test(lines[0]!.text.trim());
    if (!titled) {
      titled = true;
      if (!isList && lines.length <= 2) {
        blocks.push({kind: 'heading', level: 1, text: joinLines(lines.map((l) => l.text), vocabulary), path: [], at});
        return;
      }
    }
    if (isList) {
      // A numbered line alone, followed by something that is not the next item of its list, is a numbered heading.
      const alone = lines.length === 1 && /^\d+(?:\.\d+)*\.?\s/.test(lines[0]!.text.trim()) && isHeadingLine(splitMarker(lines[0]!.text.trim()).text);
      const next = groups[g + 1]?.[0]?.text.trim() ?? '';
      const previousList = blocks.at(-1)?.kind === 'list';
      if (alone && !previousList && !/^\d+(?:\.\d+)*[.)]?\s/.test(next)) {
        blocks.push({kind: 'heading', level: headingLevel(lines[0]!.text.trim()), text: lines[0]!.text.trim(), path: [], at});
        return;
      }
      const items = listItems(lines, vocabulary);
      const last = blocks.at(-1);
      // Items of one list separated by blank lines stay one list.
      if (last?.kind === 'list' && g > 0) last.items.push(...items);
      else blocks.push({kind: 'list', ordered: /\d|^[a-z]|^\(/i.test(splitMarker(lines[0]!.text.trim()).marker ?? ''), path: [], items, at});
      return;
    }
    if (lines.length === 1 && isHeadingLine(lines[0]!.text) && g < groups.length - 1) {
      blocks.push({kind: 'heading', level: headingLevel(lines[0]!.text.trim()), text: lines[0]!.text.trim(), path: [], at});
      return;
    }
    blocks.push({kind: 'paragraph', text: joinLines(lines.map((l) => l.text), vocabulary), path: [], at});
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
