/** Documents larger than this are refused unless the limit is raised (`--max-bytes`). */
export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;
