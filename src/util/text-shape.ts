// The shape of a short text, as evidence for what a table cell holds: a column label, a value, or words.
// Shared by ingest (header rows) and extract (column roles).

/** Lower case, punctuation to single spaces: for comparing labels. */
export function normText(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** At most this many words in a header cell. */
const HEADER_MAX_WORDS = 8;
const HEADER_MAX_CHARS = 80;

/** A period as printed in a header: "2026/27", "2028", "Q3 2026", "March 2026", "Year 1". */
export const PERIOD = /^(?:(?:q[1-4]|h[12]|fy|year|yr)\s*)?(?:\d{4}(?:\s*[/–-]\s*\d{2,4})?|\d{1,2})$|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d{4}$/i;

/**
 * Whether a cell's text reads as a column label: a few words, no sentence punctuation at the end, no
 * quantity (a percentage, money, a long number); a year or plan year ("Target 2026/27") is allowed.
 */
export function isLabelText(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > HEADER_MAX_CHARS) return false;
  const words = t.split(/\s+/);
  if (words.length > HEADER_MAX_WORDS) return false;
  if (/[.;!]$/.test(t) && !/\b(?:no|ref|e\.g|etc)\.$/i.test(t)) return false;
  if (/[%£$€]|\d,\d{3}/.test(t)) return false;
  const numbers = t.match(/\d+(?:[./–-]\d+)*/g) ?? [];
  return numbers.every((n) => PERIOD.test(n) || /^\d{1,2}(?:\.\d{1,2})*$/.test(n));
}

/** Whether a cell's text is a value (a number, a percentage, money, a date) rather than words. */
export function isValueText(text: string): boolean {
  return /^[<>≤≥~±]?\s*[£$€]?\s*\d[\d,.]*\s*(?:%|[kmb]n?|million|billion|hours?|days?|weeks?|minutes?|mins?)?$/i.test(text.trim());
}

