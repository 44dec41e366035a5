import type {Change} from '../model/comparison.js';
import type {Target} from '../model/objective.js';
import {foldText} from '../normalise/fold-text.js';

type Bound = 'gt' | 'ge' | 'lt' | 'le';
interface Found {
  value: string;
  bound: Bound;
  text: string;
}

const BEFORE: [RegExp, Bound][] = [
  [/\b(?:over|more than|above|greater than|older than)\s+(\d+(?:\.\d+)?)\b(?!\s*(?:and|or)\s+(?:over|above|more|older))/g, 'gt'],
  [/\b(?:at least|no less than|not less than|a minimum of|minimum of)\s+(\d+(?:\.\d+)?)\b/g, 'ge'],
  [/\b(?:under|less than|below|fewer than|younger than)\s+(\d+(?:\.\d+)?)\b(?!\s*(?:and|or)\s+(?:under|below|less|younger))/g, 'lt'],
  [/\b(?:at most|no more than|not more than|a maximum of|maximum of|up to)\s+(\d+(?:\.\d+)?)\b/g, 'le'],
];
const AFTER: [RegExp, Bound][] = [
  [/\b(\d+(?:\.\d+)?)\s*(?:\+|(?:and|or)\s+(?:over|above|more|older))/g, 'ge'],
  [/\b(\d+(?:\.\d+)?)\s+(?:and|or)\s+(?:under|below|less|fewer|younger)\b/g, 'le'],
];

function bounds(text: string): Found[] {
  const folded = foldText(text);
  const out: Found[] = [];
  for (const [re, bound] of [...BEFORE, ...AFTER]) {
    for (const m of folded.matchAll(re)) out.push({value: m[1]!, bound, text: m[0].trim()});
  }
  return out;
}

/**
 * A bound on a number that changed while the number stayed: "aged over 14" → "aged 14 and over" now
 * includes 14 (scope added); "at least 18" → "over 18" excludes it (scope removed). Numbers that are
 * targets are left to the target notes.
 *
 * @example
 * boundChanges('people aged over 14', 'people aged 14 and over', [], []);
 * // [{kind: 'scope-added', from: 'over 14', to: '14 and over', summary: 'Now includes 14: over 14 → 14 and over'}]
 */
export function boundChanges(previous: string, current: string, previousTargets: readonly Target[], currentTargets: readonly Target[]): Change[] {
  const isTarget = (value: string): boolean => [...previousTargets, ...currentTargets].some((t) => t.value === Number(value));
  const after = bounds(current);
  const changes: Change[] = [];
  for (const a of bounds(previous)) {
    if (isTarget(a.value)) continue;
    const b = after.find((x) => x.value === a.value && x.bound[0] === a.bound[0]);
    if (!b || b.bound === a.bound) continue;
    const widened = b.bound.endsWith('e');
    changes.push(
      widened
        ? {kind: 'scope-added', from: a.text, to: b.text, summary: `Now includes ${a.value}: ${a.text} → ${b.text}`}
        : {kind: 'scope-removed', from: a.text, to: b.text, summary: `No longer includes ${a.value}: ${a.text} → ${b.text}`},
    );
  }
  return changes;
}
