import type {LinePiece, PhysicalTableInput} from '../table/physical-lines.js';
import {locate, splitMarker, type TextLine} from './text-lines.js';

/** Runs of at least two lines that contain a tab (a single blank line may sit inside a run). */
export function tabRuns(lines: readonly TextLine[]): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  let last = -1;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (text.includes('\t') && text.trim()) {
      if (start < 0) start = i;
      last = i;
    } else if (start >= 0 && !(text.trim() === '' && i - last === 1 && lines[i + 1]?.text.includes('\t'))) {
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
    return [{pieces, at: locate(line), gapAbove}];
  });
  return {method: 'delimited', lines: out, columns: Array.from({length: columns}, (_, c) => [c, c + 1] as const), geometry: false, path};
}
