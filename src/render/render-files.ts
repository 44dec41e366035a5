import type {Comparison} from '../model/comparison.js';
import {renderCsv} from './render-csv.js';
import {renderJson} from './render-json.js';
import {renderMarkdown} from './render-markdown.js';

import type {OutputFile, OutputFormat} from './output-formats.js';

export {OUTPUT_FORMATS, type OutputFile, type OutputFormat} from './output-formats.js';

/** The output files for a comparison: `comparison.md`, `.json`, `.csv` as asked. */
export function renderFiles(comparison: Comparison, formats: readonly OutputFormat[]): OutputFile[] {
  const render = {md: renderMarkdown, json: renderJson, csv: renderCsv};
  return formats.map((format) => ({name: `comparison.${format}`, content: render[format](comparison)}));
}
