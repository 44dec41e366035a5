// A reviewed comparison of the invented editions in test/review/shapes.ts, touching every kind of review
// entry (for the renderer tests): a forbidden pair, a status change, added and replacing notes,
// commentary with markup in it, a manual row, and a stale entry.
import type {Comparison} from '../../src/model/comparison.js';
import {compareEditions} from '../../src/pipeline.js';
import {aliases, editions, review} from '../review/shapes.js';

export const REVIEW_YAML = `entries:
  - previous: [{text: Expand evening clinics in every district}]
    current: [{text: Offer weekend clinics in every district}]
    pair: forbid
    commentary: <script>alert("not the same clinics")</script> & more
  - current: [{text: Offer weekend clinics in every district}]
    status: kept
    notes: {replace: [Clinics move from evenings to weekends]}
  - previous: [{text: Cut waits for first outpatient appointments to 12 weeks by March 2031}]
    notes: {add: [Lowered from 12 weeks to 10 weeks, Two weeks shorter]}
    commentary: |-
      First paragraph.

      Second paragraph.
  - label: gone objective
    previous: [{text: Inspect every ward kitchen twice a year}]
    status: dropped
manual:
  - area: Safety
    previous: Audit hand hygiene monthly
    status: dropped
    after: {previous: {text: Report every never event within 48 hours, area: Safety}}
`;

/** The reviewed comparison; with `pdf`, the previous edition's provenance points into a PDF (pages). */
export async function reviewedComparison(options: {pdf?: boolean} = {}): Promise<Comparison> {
  const {previous, current} = await editions();
  if (options.pdf) {
    previous.file = 'plans/plan 2030.pdf';
    previous.objectives.forEach((o, k) => Object.assign(o.provenance, {file: 'plans/plan 2030.pdf', page: k + 2}));
  }
  return compareEditions(previous, current, {aliases: aliases(), review: review(REVIEW_YAML, 'reviews/plan.yaml'), version: '9.9.9'});
}
