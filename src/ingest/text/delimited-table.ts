import type {LinePiece, PhysicalTableInput} from '../table/physical-lines.js';
import {locate, splitMarker, type TextLine} from './text-lines.js';

/** A line without a tab inside a run of tab lines: a group label on a line of its own ("Reliable supplies"). */
const LABEL_LINE_MAX_WORDS = 14;

function isLabelLine(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.split(/\s+/).length <= LABEL_LINE_MAX_WORDS && !/[.;:]$/.test(t);
}

/**
 * Runs of at least two lines that contain a tab. A single blank line may sit inside a run, and so may a
 * short line without a tab between two tab lines (a group label on its own line).
 */
export function tabRuns(lines: readonly TextLine[]): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  let last = -1;
  const hasTab = (i: number): boolean => Boolean(lines[i]?.text.includes('\t') && lines[i]!.text.trim());
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (hasTab(i)) {
      if (start < 0) start = i;
      last = i;
    } else if (start >= 0 && i - last === 1 && ((text.trim() === '' && hasTab(i + 1)) || (isLabelLine(text) && hasTab(i + 1)))) {
      continue;
    } else if (start >= 0) {
      if (last > start) runs.push([start, last]);
      start = -1;
    }
  }
  if (start >= 0 && last > start) runs.push([start, last]);
  return runs;
}

/**
 * Tab-separated lines (a text dump of a PDF table, a spreadsheet pasted as text) → physical lines for
 * the shared row builder. There is no geometry: each field is one column, blank lines are gaps.
 */
export function delimitedTable(lines: readonly TextLine[], path: readonly string[]): PhysicalTableInput {
  const split = lines.map((l) => l.text.split('\t').map((field) => field.replace(/\s+/g, ' ').trim()));
  const columns = Math.max(0, ...split.map((fields) => fields.length));
  let previous: TextLine | undefined;
  const out = lines.flatMap((line, i) => {
    if (!line.text.trim()) return [];
    const pieces = Array.from({length: columns}, (_, c): LinePiece | undefined => {
      const field = split[i]![c] ?? '';
      if (!field) return undefined;
      const {marker, text} = splitMarker(field);
      const piece: LinePiece = {text, at: locate(line), x0: c, x1: c + 1, ...(marker === undefined ? {} : {marker})};
      return piece;
    });
    const gapAbove = previous ? line.line - previous.line : 0;
    previous = line;
    // A line without a tab inside the run is a label across the whole table (a group row).
    return [line.text.includes('\t') ? {pieces, at: locate(line), gapAbove} : {pieces, at: locate(line), gapAbove, wide: true}];
  });
  return {method: 'delimited', lines: out, columns: Array.from({length: columns}, (_, c) => [c, c + 1] as const), geometry: false, path};
}
