import type {Change} from '../model/comparison.js';
import type {Deadline, Objective, Target} from '../model/objective.js';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Months since year 0 for `2025-03` (a bare year counts as its March, the end of an NHS plan year). */
function monthIndex(date: string): number {
  const [year, month] = date.split('-');
  return Number(year) * 12 + (month ? Number(month) - 1 : 2);
}

function label(target: Target): string {
  return target.text;
}

function deadlineLabel(date: string): string {
  const [year, month] = date.split('-');
  return month ? `${MONTH_NAMES[Number(month) - 1]} ${year}` : year!;
}

function contextOverlap(a: Target, b: Target): number {
  const wa = new Set(a.context.toLowerCase().split(/\s+/));
  const wb = b.context.toLowerCase().split(/\s+/);
  return wb.filter((w) => wa.has(w)).length;
}

function byDeadline(target: Target): string {
  return target.deadline ? ` by ${deadlineLabel(target.deadline)}` : '';
}

/**
 * Compare the quantities of two matched objectives. Targets pair by unit: first equal values, then the
 * rest in order of appearance (preferring a similar context). A paired value that moved is a raised
 * or lowered target; an unpaired one is added or removed.
 *
 * @example
 * compareTargets(previousObjective, currentObjective);
 * // [{kind: 'target-raised', from: '76%', to: '78%', summary: 'Uplift from 76% to 78%'}]
 */
export function compareTargets(previous: Objective, current: Objective): {changes: Change[]; unpaired: Target[]} {
  const changes: Change[] = [];
  const left = [...previous.targets];
  const right = [...current.targets];
  const pairs: [Target, Target][] = [];
  const take = (match: (a: Target, b: Target) => boolean): void => {
    for (const a of [...left]) {
      const candidates = right.filter((b) => match(a, b));
      if (!candidates.length) continue;
      const b = candidates.reduce((best, c) => (contextOverlap(a, c) > contextOverlap(a, best) ? c : best));
      pairs.push([a, b]);
      left.splice(left.indexOf(a), 1);
      right.splice(right.indexOf(b), 1);
    }
  };
  take((a, b) => a.unit === b.unit && a.value === b.value && (a.valueMax ?? a.value) === (b.valueMax ?? b.value));
  take((a, b) => a.unit === b.unit);
  for (const [a, b] of pairs) {
    const av = a.valueMax ?? a.value;
    const bv = b.valueMax ?? b.value;
    if (a.value === b.value && av === bv) continue;
    if (b.value > a.value || (b.value === a.value && bv > av)) {
      changes.push({kind: 'target-raised', from: label(a), to: label(b), summary: `Uplift from ${label(a)} to ${label(b)}`});
    } else {
      changes.push({kind: 'target-lowered', from: label(a), to: label(b), summary: `Lowered from ${label(a)} to ${label(b)}`});
    }
  }
  for (const a of left) changes.push({kind: 'target-removed', from: label(a), to: null, summary: `Target dropped: ${label(a)}${byDeadline(a)}`});
  for (const b of right) changes.push({kind: 'target-added', from: null, to: label(b), summary: `New target: ${label(b)}${byDeadline(b)}`});
  return {changes, unpaired: [...left, ...right]};
}

/**
 * Compare deadlines. A deadline rolled forward by exactly the gap between the plan years (March 2024 →
 * March 2025 for consecutive editions) is no change, nor is an unchanged date; otherwise a later date
 * is an extended deadline and an earlier one a deadline brought forward. Deadlines that belong to an
 * added or removed target are reported with that target, not again here.
 *
 * @example
 * compareDeadlines([{date: '2024-03', …}], [{date: '2024-09', …}], 1, new Set());
 * // [{kind: 'deadline-extended', from: 'March 2024', to: 'September 2024', …}]
 */
export function compareDeadlines(
  previous: readonly Deadline[],
  current: readonly Deadline[],
  planYearGap: number,
  covered: ReadonlySet<string>,
): Change[] {
  const left = [...new Set(previous.map((d) => d.date))];
  const right = [...new Set(current.map((d) => d.date))];
  const changes: Change[] = [];
  const drop = (list: string[], value: string): void => {
    list.splice(list.indexOf(value), 1);
  };
  for (const date of [...left]) {
    const rolled = monthIndex(date) + 12 * planYearGap;
    const same = right.find((d) => d === date) ?? right.find((d) => monthIndex(d) === rolled);
    if (same !== undefined) {
      drop(left, date);
      drop(right, same);
    }
  }
  for (const date of [...left]) {
    if (!right.length) break;
    const nearest = right.reduce((best, d) => (Math.abs(monthIndex(d) - monthIndex(date)) < Math.abs(monthIndex(best) - monthIndex(date)) ? d : best));
    drop(left, date);
    drop(right, nearest);
    const from = deadlineLabel(date);
    const to = deadlineLabel(nearest);
    changes.push(
      monthIndex(nearest) > monthIndex(date)
        ? {kind: 'deadline-extended', from, to, summary: `Extended deadline from ${from} to ${to}`}
        : {kind: 'deadline-earlier', from, to, summary: `Deadline brought forward from ${from} to ${to}`},
    );
  }
  for (const date of left) if (!covered.has(date)) changes.push({kind: 'deadline-removed', from: deadlineLabel(date), to: null, summary: `Deadline dropped: ${deadlineLabel(date)}`});
  for (const date of right) if (!covered.has(date)) changes.push({kind: 'deadline-added', from: null, to: deadlineLabel(date), summary: `New deadline: ${deadlineLabel(date)}`});
  return changes;
}
