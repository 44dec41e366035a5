import type {Comparison} from '../model/comparison.js';
import {renderCsv} from './render-csv.js';
import {renderJson} from './render-json.js';
import {renderMarkdown} from './render-markdown.js';

/** One file to write: a name inside the output directory and its content. */
export interface OutputFile {
  name: string;
  content: string;
}

export const OUTPUT_FORMATS = ['md', 'json', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The output files for a comparison: `comparison.md`, `.json`, `.csv` as asked. */
export function renderFiles(comparison: Comparison, formats: readonly OutputFormat[]): OutputFile[] {
  const render = {md: renderMarkdown, json: renderJson, csv: renderCsv};
  return formats.map((format) => ({name: `comparison.${format}`, content: render[format](comparison)}));
}
