/** Years made relative to an edition's plan year, so that rolling a date forward by a year reads as no change. */

/**
 * The start year of a plan year such as `2024/25` (or `2024-25`, `2024`).
 *
 * @example
 * planStartYear('2024/25'); // 2024
 */
export function planStartYear(planYear: string | undefined): number | undefined {
  const m = planYear ? /(\d{4})/.exec(planYear) : null;
  return m ? Number(m[1]) : undefined;
}

function signed(n: number): string {
  return n >= 0 ? `+${n}` : String(n);
}

/**
 * Rewrite years relative to the edition's plan year, so that "March 2024" in the 2023/24 edition and
 * "March 2025" in the 2024/25 edition read the same (`y+1`), as do the plan years themselves (`py+0`).
 *
 * @example
 * relativiseYears('march 2025 in 2024/25', 2024); // 'march  y+1  in  py+0 '
 */
export function relativiseYears(text: string, planStartYear: number | undefined): string {
  if (planStartYear === undefined) return text;
  return text
    .replace(/\b(20\d{2})\s*\/\s*(\d{2})\b/g, (_, y: string) => ` py${signed(Number(y) - planStartYear)} `)
    .replace(/\b(20\d{2})\b/g, (_, y: string) => ` y${signed(Number(y) - planStartYear)} `);
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAMES = MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1));

/**
 * Months since year 0 for `2025-03` (a bare year counts as its March, the end of an NHS plan year).
 *
 * @example
 * monthIndex('2025-03') - monthIndex('2024-09'); // 6
 */
export function monthIndex(date: string): number {
  const [year, month] = date.split('-');
  return Number(year) * 12 + (month ? Number(month) - 1 : 2);
}

/**
 * A date as a note prints it.
 *
 * @example
 * dateLabel('2025-03'); // 'March 2025'
 */
export function dateLabel(date: string): string {
  const [year, month] = date.split('-');
  return month ? `${MONTH_NAMES[Number(month) - 1]} ${year}` : year!;
}

/**
 * A target's period as a month index: from `period` ("2026/27" → March 2027, "March 2026", "2028")
 * or else from its deadline. `undefined` when it has neither.
 *
 * @example
 * periodMonth('2026/27', undefined) === monthIndex('2027-03'); // true
 */
export function periodMonth(period: string | undefined, deadline: string | undefined): number | undefined {
  if (period) {
    const plan = /(\d{4})\s*[/-]\s*(\d{2})\b/.exec(period);
    if (plan) return (Number(plan[1]) + 1) * 12 + 2;
    const month = new RegExp(`(${MONTHS.join('|')})\\s+(\\d{4})`, 'i').exec(period);
    if (month) return Number(month[2]) * 12 + MONTHS.indexOf(month[1]!.toLowerCase());
    const year = /(\d{4})/.exec(period);
    if (year) return Number(year[1]) * 12 + 2;
  }
  return deadline ? monthIndex(deadline) : undefined;
}
