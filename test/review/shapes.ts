// Two small invented editions shared by the review tests (not any real document): a kept pair with a
// lowered target, a weak pair (evening vs weekend clinics), a renamed area, one dropped and one new.
import {aliases, edition} from '../helpers.js';
import type {Edition} from '../../src/model/objective.js';
import {parseReview, type LoadedReview} from '../../src/review/parse-review.js';

export const PREVIOUS_MD = `# Service plan 2030/31

| Area | Objective |
| --- | --- |
| Access | Cut waits for first outpatient appointments to 12 weeks by March 2031 |
| Access | Expand evening clinics in every district |
| Safety | Report every never event within 48 hours |
| Safety | Train all ward staff in sepsis screening |
`;

export const CURRENT_MD = `# Service plan 2031/32

| Area | Objective |
| --- | --- |
| Access | Cut waits for first outpatient appointments to 10 weeks by March 2032 |
| Access | Offer weekend clinics in every district |
| Quality and safety | Report every never event within 24 hours |
| Quality and safety | Publish a quarterly learning report on patient safety incidents |
`;

export async function editions(current: string = CURRENT_MD): Promise<{previous: Edition; current: Edition}> {
  return {previous: await edition(PREVIOUS_MD, 'plan-2030.md', 'p30'), current: await edition(current, 'plan-2031.md', 'p31')};
}

export {aliases};

/** Parse review YAML for a test; throws on failure (tests of failures call parseReview themselves). */
export function review(yaml: string, file = 'review.yaml'): LoadedReview {
  const result = parseReview(yaml, {file});
  if (result.status === 'failure') throw new Error(result.diagnostics.map((d) => `${d.line}: ${d.message}`).join('; '));
  return result.value;
}
