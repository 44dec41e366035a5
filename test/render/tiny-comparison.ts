import type {Comparison} from '../../src/model/comparison.js';
import type {Objective} from '../../src/model/objective.js';

const objective = (text: string, area = 'A'): Objective => ({id: `x:${text.length}`, area, groups: [area], text, targets: [], deadlines: [], provenance: {file: 'f.txt', sha256: '', line: 3, endLine: 3}});
const ref = {id: 'e', title: 'E', file: 'e', sha256: '', objectives: 1, areas: 1};

/** A one-row comparison for render tests. */
export const tinyComparison = (previous: string, current: string): Comparison => ({
  generator: {name: 'guidance-diff', version: '0'},
  previous: ref,
  current: ref,
  summary: {kept: 1, new: 0, dropped: 0, changed: 1},
  rows: [
    {
      area: 'Area | with "pipe"',
      status: 'kept',
      previous: [objective(previous)],
      current: [objective(current)],
      changes: [{kind: 'target-raised', from: '1', to: '2', summary: 'Uplift from 1 to 2'}],
      wordDiff: [{op: 'equal', text: current}],
    },
  ],
  diagnostics: [],
});

