import type {Comparator, Deadline, Target, TargetUnit} from '../model/objective.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, hundred: 100,
};
const DURATION_UNITS: Record<string, TargetUnit> = {
  second: 'seconds', seconds: 'seconds', sec: 'seconds', secs: 'seconds',
  minute: 'minutes', minutes: 'minutes', min: 'minutes', mins: 'minutes',
  hour: 'hours', hours: 'hours', hr: 'hours', hrs: 'hours',
  day: 'days', days: 'days', week: 'weeks', weeks: 'weeks', wk: 'weeks',
  month: 'months', months: 'months', year: 'years', years: 'years',
};
/** Words before a number that make it a name, not a quantity: "category 2", "stages 1 and 2". */
const LABEL_WORDS = /\b(?:category|categories|cat|stage|stages|phase|tier|band|level|type|wave|cohort|step|version|aged|age|ages|over|under|year|years)\s*(?:\d+\s*(?:and|or|,|to|–|-)\s*)?$/i;

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|${Object.keys(NUMBER_WORDS).join('|')})`;
const QUANTITY = new RegExp(
  String.raw`(?<![\w.£$/])(?<money>£\s?)?(?<value>${NUM})(?:\s?[–-]\s?(?<max>${NUM}))?` +
    String.raw`(?:\s?(?<percent>%|per\s?cent\b|percent\b)|(?:\s|-)(?:(?:working|calendar|business|clear)\s)?(?<duration>${Object.keys(DURATION_UNITS).join('|')})\b|\s?(?<scale>million|billion|thousand|m\b|bn\b|k\b))?`,
  'gi',
);
const DEADLINE = new RegExp(
  String.raw`\b(?:(?:by|in|before|from|until|to|end of|the end of|by the end of)\s+)?(?:(?:\d{1,2})\s+)?(?<month>${MONTHS.join('|')})\s+(?<year>(?:19|20)\d{2})\b|\bby\s+(?:the\s+end\s+of\s+)?(?<yearOnly>(?:19|20)\d{2})\b(?!\s*[/–-]\s*\d)`,
  'gi',
);

function toNumber(raw: string): number {
  const word = NUMBER_WORDS[raw.toLowerCase()];
  return word ?? Number(raw.replace(/,/g, ''));
}

function comparatorFor(before: string, after: string): Comparator | undefined {
  const b = before.toLowerCase();
  const a = after.toLowerCase();
  if (/\b(no|not) more than\s*$/.test(b)) return 'at-most';
  if (/\b(no|not) less than\s*$/.test(b)) return 'at-least';
  if (/\b(no less than|at least|minimum of|a minimum|or more|not less than|more than|greater than|above|exceed)\s*$/.test(b) || /^\s*or (above|more|higher|over)\b/.test(a))
    return 'at-least';
  if (/\b(no more than|at most|maximum of|a maximum|not more than|fewer than|less than|below|under|within|up to)\s*$/.test(b) || /^\s*or (below|less|fewer|lower|under)\b/.test(a))
    return 'at-most';
  if (/\b(to|reach|reaching|of)\s*$/.test(b)) return 'to';
  if (/\b(around|about|approximately|towards|circa)\s*$/.test(b)) return 'about';
  return undefined;
}

/** Words before a duration that make it a threshold of what is counted ("waits of over 52 weeks"), not a target. */
const THRESHOLD = /\b(?:over|more than|longer than|beyond|exceeding|in excess of|after)\s*$/i;

/**
 * Whether a duration is a threshold or part of a name rather than a target: after "over", "more than"
 * ("waits of over 52 weeks"); joined to its unit by a hyphen and qualifying a noun ("62-day standard",
 * "Three-year delivery plan", "2-hour urgent community response"); or followed by a title-case name
 * ("28 day Faster Diagnosis Standard").
 */
function isThresholdOrName(match: string, before: string, after: string): boolean {
  if (THRESHOLD.test(before)) return true;
  if (/^\S+-\S+$/.test(match.trim()) && /^\s+\(?[\p{L}]/u.test(after)) return true;
  return /^\s+(?:\p{Lu}[\p{L}-]*\s+){1,4}(?:Standard|Plan|Strategy|Programme|Framework|Target|Guarantee|Pathway|Review|Rule)\b/u.test(after);
}

/**
 * Deadlines in an objective: "by March 2024", "in March 2025", "31 March 2025", "by 2028".
 *
 * @example
 * parseDeadlines('Eliminate waits by September 2024')[0].date; // '2024-09'
 */
export function parseDeadlines(text: string): Deadline[] {
  const out: Deadline[] = [];
  for (const m of text.matchAll(DEADLINE)) {
    const g = m.groups!;
    const date = g['month'] ? `${g['year']}-${String(MONTHS.indexOf(g['month'].toLowerCase()) + 1).padStart(2, '0')}` : g['yearOnly']!;
    const label = g['month'] ? `${g['month'][0]!.toUpperCase()}${g['month'].slice(1).toLowerCase()} ${g['year']}` : g['yearOnly']!;
    out.push({date, text: label, charSpan: [m.index, m.index + m[0].length]});
  }
  return out;
}

/**
 * Quantities in an objective: percentages, counts, durations, money, with comparator and the deadline
 * that follows in the same clause. Years, plan years ("2024/25"), dates and labels ("category 2") are
 * not quantities.
 *
 * @example
 * parseTargets('no less than 76% of patients are seen within 4 hours by March 2024')
 *   .map((t) => [t.value, t.unit]); // [[76, 'percent'], [4, 'hours']]
 */
export function parseTargets(text: string, deadlines: readonly Deadline[] = parseDeadlines(text)): Target[] {
  const targets: Target[] = [];
  const spans = deadlines.flatMap((d) => (d.charSpan ? [d.charSpan] : []));
  const inDeadline = (index: number): boolean => spans.some(([s, e]) => index >= s && index < e);
  for (const m of text.matchAll(QUANTITY)) {
    const g = m.groups!;
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const end = m.index + m[0].length;
    const raw = g['value']!;
    const value = toNumber(raw);
    if (!Number.isFinite(value) || inDeadline(start)) continue;
    // Ages describe who is counted, not a target: "aged 25–84 years", "aged between 25 and 84 years", "aged over 14".
    if (/\bage[ds]?\s+(?:between\s+|over\s+|under\s+|from\s+)?(?:[\d.]+\s*(?:and|to|[–-])\s*)?$/i.test(text.slice(Math.max(0, start - 40), start))) continue;
    const before = text.slice(Math.max(0, start - 30), start);
    const after = text.slice(end, end + 40);
    let unit: TargetUnit;
    let scaled = value;
    let max = g['max'] !== undefined ? toNumber(g['max']) : undefined;
    // A scale written without a space ("£1.6m") belongs to money only; "50m" alone may be metres.
    if (g['scale'] && !g['money'] && !/\s\S+$/.test(m[0].trim())) continue;
    if (g['percent']) unit = 'percent';
    else if (g['duration']) {
      unit = DURATION_UNITS[g['duration'].toLowerCase()]!;
      if (isThresholdOrName(m[0], before, text.slice(end))) continue;
    } else if (g['money']) unit = 'money';
    else {
      // A bare number: a count, unless it is a year, a label, a word number with no unit, or part of a name.
      if (/^[a-z]+$/i.test(raw)) continue;
      if (/^(19|20)\d{2}$/.test(raw) && !g['scale']) continue;
      if (LABEL_WORDS.test(before) || /^[/\w]/.test(text.slice(end, end + 1))) continue;
      if (/\bper\s*$|\bevery\s*$/i.test(before)) continue; // a ratio's denominator ("per 1 million")
      if (value < 2 && !g['scale']) continue;
      unit = 'count';
    }
    if (g['scale']) {
      const factor = /^(billion|bn)$/i.test(g['scale']) ? 1e9 : /^(million|m)$/i.test(g['scale']) ? 1e6 : 1e3;
      scaled = value * factor;
      if (max !== undefined) max *= factor;
    }
    if (unit === 'count' && /^\s*(?:[\w/-]+\s+){0,10}?per (?:million|thousand|100,000|1,000|head)/i.test(text.slice(end, end + 120))) unit = 'ratio';
    const comparator = comparatorFor(before, after);
    const next = deadlines.find((d) => d.charSpan !== undefined && d.charSpan[0] >= end && d.charSpan[0] - end <= 60 && !/[;]/.test(text.slice(end, d.charSpan[0])));
    const target: Target = {
      value: scaled,
      unit,
      text: text.slice(start, end).trim(),
      context: after.trim().split(/\s+/).slice(0, 4).join(' ').replace(/[,;.]$/, ''),
      charSpan: [start, end],
    };
    if (max !== undefined) target.valueMax = max;
    if (comparator) target.comparator = comparator;
    if (next) target.deadline = next.date;
    targets.push(target);
  }
  return targets;
}
