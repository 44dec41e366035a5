/** The comparison formats: `comparison.md`, `.json` and `.csv`. */
export const OUTPUT_FORMATS = ['md', 'json', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** One file to write: a name inside the output directory and its content. */
export interface OutputFile {
  name: string;
  content: string;
}
