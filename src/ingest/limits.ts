/** Documents larger than this are refused unless the limit is raised (`--max-bytes`). */
export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

/** Lines of text or Markdown longer than this are cut (parsers slow down sharply on huge single lines). */
export const MAX_LINE_CHARS = 100_000;
