import type {Deadline, Target} from '../model/objective.js';
import {parseDeadlines, parseTargets} from './parse-targets.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * The period a column header names: a plan or financial year ("Target 2026/27" → `2026/27`), a year
 * ("2028"), a quarter ("Q3 2026") or a month ("March 2026"); undefined when it names none.
 *
 * @example
 * periodOf('Target 2026/27'); // '2026/27'
 */
export function periodOf(header: string): string | undefined {
  const planYear = /\b(20\d{2})\s*[/–-]\s*(\d{2}|20\d{2})\b/.exec(header);
  if (planYear) return `${planYear[1]}/${planYear[2]!.slice(-2)}`;
  const month = new RegExp(`\\b(${MONTHS.join('|')}|${MONTHS.map((m) => m.slice(0, 3)).join('|')})\\w*\\s+(20\\d{2})\\b`, 'i').exec(header);
  if (month) {
    const full = MONTHS.find((m) => m.startsWith(month[1]!.toLowerCase().slice(0, 3)))!;
    return `${full[0]!.toUpperCase()}${full.slice(1)} ${month[2]}`;
  }
  const quarter = /\b(Q[1-4])\s*(20\d{2}(?:\s*[/–-]\s*\d{2})?)\b/i.exec(header);
  if (quarter) return `${quarter[1]!.toUpperCase()} ${quarter[2]!.replace(/\s+/g, '')}`;
  const year = /\b(20\d{2})\b/.exec(header);
  return year ? year[1] : undefined;
}

/**
 * The targets in a target column's cell ("95%", "≤ 4 hours", "0", "12–15"), each marked with the
 * column's header and the period it names. A bare number the text parser would skip (a count under 2)
 * is still a target here: the column says it is one.
 *
 * @example
 * parseColumnTargets('65%', 'Target 2026/27', '2026/27'); // [{value: 65, unit: 'percent', period: '2026/27', …}]
 */
export function parseColumnTargets(text: string, header: string, period: string | undefined): Target[] {
  let targets = parseTargets(text);
  if (!targets.length) {
    const bare = /^\s*[<>≤≥]?\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
    if (bare) targets = [{value: Number(bare[1]), unit: 'count', text: text.trim(), context: ''}];
  }
  return targets.map(({charSpan: _, ...target}) => {
    const out: Target = {...target};
    if (period !== undefined) out.period = period;
    if (header) out.column = header;
    if (/^\s*(?:≤|<=|<)/.test(text) && out.comparator === undefined) out.comparator = 'at-most';
    if (/^\s*(?:≥|>=|>)/.test(text) && out.comparator === undefined) out.comparator = 'at-least';
    return out;
  });
}

/**
 * A deadline cell read as a date: "March 2026", "31 March 2027", "2027", "2026/27" (its last year),
 * "Q3 2026" (the quarter's last month); undefined when the cell holds no date.
 *
 * @example
 * parseColumnDeadline('Q3 2026')?.date; // '2026-09'
 */
export function parseColumnDeadline(text: string): Deadline | undefined {
  const t = text.trim();
  if (!t || t.length > 40) return undefined;
  const [parsed] = parseDeadlines(/^(?:by|in|from|until)\s/i.test(t) ? t : `by ${t}`);
  if (parsed && parsed.charSpan && t.length - parsed.text.length <= 12) return {date: parsed.date, text: parsed.text};
  const quarter = /^(?:by\s+)?(?:end of\s+)?Q([1-4])\s*(20\d{2})(?:\s*[/–-]\s*(\d{2}))?$/i.exec(t);
  if (quarter) {
    const year = quarter[3] ? Number(quarter[2]) + (Number(quarter[1]) <= 3 ? 0 : 1) : Number(quarter[2]);
    const month = quarter[3] ? [6, 9, 12, 3][Number(quarter[1]) - 1]! : Number(quarter[1]) * 3;
    return {date: `${year}-${String(month).padStart(2, '0')}`, text: t};
  }
  const planYear = /^(?:by\s+)?(?:end of\s+)?(20\d{2})\s*[/–-]\s*(\d{2})$/i.exec(t);
  if (planYear) return {date: `${planYear[1]!.slice(0, 2)}${planYear[2]}`, text: t};
  const year = /^(?:by\s+)?(?:end of\s+)?(20\d{2})$/i.exec(t);
  return year ? {date: year[1]!, text: t} : undefined;
}
