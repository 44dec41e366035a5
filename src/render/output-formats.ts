/** The comparison formats: `comparison.md`, `.json`, `.csv`, `.html` and `.xlsx`. */
export const OUTPUT_FORMATS = ['md', 'json', 'csv', 'html', 'xlsx'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The formats written when none are asked for (`xlsx` only on request). */
export const DEFAULT_FORMATS: readonly OutputFormat[] = ['md', 'json', 'csv', 'html'];

/** One file to write: a name inside the output directory and its content (text as UTF-8, or bytes). */
export interface OutputFile {
  name: string;
  content: string | Uint8Array;
}
