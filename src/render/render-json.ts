import {Comparison} from '../model/comparison.js';

/**
 * Comparison → JSON text: validated against the schema (keys in schema order), 2-space indent,
 * trailing newline. Throws a `TypeError` when the value is not a valid comparison (a programmer error).
 */
export function renderJson(comparison: Comparison): string {
  const parsed = Comparison.safeParse(comparison);
  if (!parsed.success) throw new TypeError(`Expected a valid comparison, got issues: ${parsed.error.message}`);
  return `${JSON.stringify(parsed.data, null, 2)}\n`;
}
