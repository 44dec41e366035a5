import type {Comparison} from '../model/comparison.js';
import {renderCsv} from './render-csv.js';
import {renderJson} from './render-json.js';
import {renderMarkdown} from './render-markdown.js';
import type {ComparisonHtmlOptions} from './render-html-comparison.js';

import type {OutputFile, OutputFormat} from './output-formats.js';

export {DEFAULT_FORMATS, OUTPUT_FORMATS, type OutputFile, type OutputFormat} from './output-formats.js';

/** Options for {@link renderFiles}. */
export interface RenderFilesOptions {
  /** Start comparison.csv with a UTF-8 byte order mark (for Excel). @default false */
  readonly csvBom?: boolean;
  /** Options for comparison.html (links to sources, back to an index). @default {} */
  readonly html?: ComparisonHtmlOptions;
}

/**
 * The output files for a comparison: `comparison.md`, `.json`, `.csv`, `.html`, `.xlsx` as asked, all
 * from the same Comparison value. The HTML and spreadsheet renderers load only when asked for.
 */
export async function renderFiles(comparison: Comparison, formats: readonly OutputFormat[], options: RenderFilesOptions = {}): Promise<OutputFile[]> {
  return Promise.all(
    formats.map(async (format): Promise<OutputFile> => {
      const name = `comparison.${format}`;
      switch (format) {
        case 'md':
          return {name, content: renderMarkdown(comparison)};
        case 'json':
          return {name, content: renderJson(comparison)};
        case 'csv':
          return {name, content: renderCsv(comparison, {bom: options.csvBom === true})};
        case 'html':
          return {name, content: (await import('./render-html-comparison.js')).renderComparisonHtml(comparison, options.html ?? {})};
        case 'xlsx':
          return {name, content: await (await import('./render-xlsx.js')).renderXlsx(comparison)};
      }
    }),
  );
}
