import {describe, expect, it} from 'vitest';
import {resolveAnchor} from '../../src/review/resolve-anchor.js';
import {containment, normaliseText, textSimilarity, wordTokens} from '../../src/review/text-similarity.js';

const objectives = [
  {area: 'Access', text: 'Cut waits for first outpatient appointments to 12 weeks by March 2031'},
  {area: 'Access', text: 'Offer weekend clinics in every district'},
  {area: 'Safety', text: 'Report every never event within 48 hours'},
  {area: 'Quality', text: 'Report every never event within 48 hours'},
  {area: 'Safety', text: 'Train all ward staff in sepsis screening'},
];

describe('text similarity', () => {
  it('normalises case, spaces, dashes, quotes and a final full stop; number words become digits', () => {
    expect(normaliseText('  Patients’  aged 25–84. ')).toBe("patients' aged 25-84");
    expect(wordTokens('Within six weeks, out-of-area, 66.7% and 1,000')).toEqual(['within', '6', 'weeks', 'out', 'area', '66.7%', '1000']);
    expect(textSimilarity('Offer weekend clinics in every district', 'Offer weekend clinics in each district')).toBeCloseTo(0.8, 5);
    expect(containment('weekend clinics', 'Offer weekend clinics in every district')).toBe(1);
  });
});

describe('resolveAnchor', () => {
  it('finds the exact text first; among equal texts, the one whose area and position agree', () => {
    expect(resolveAnchor({text: 'offer weekend clinics in every district.'}, objectives)).toEqual({found: true, index: 1, how: 'exact', score: 1});
    expect(resolveAnchor({text: 'Report every never event within 48 hours', area: 'Quality'}, objectives)).toMatchObject({index: 3, how: 'exact'});
    expect(resolveAnchor({text: 'Report every never event within 48 hours', position: 3}, objectives)).toMatchObject({index: 2, how: 'exact'});
  });

  it('finds a lightly reworded text by fuzzy match, and a fragment by containment', () => {
    expect(resolveAnchor({text: 'Offer weekend clinics in each district'}, objectives)).toMatchObject({found: true, index: 1, how: 'fuzzy'});
    expect(resolveAnchor({text: 'all ward staff'}, objectives)).toMatchObject({found: true, index: 4, how: 'fuzzy', score: 1});
  });

  it('does not guess: a text that fits nothing, or two objectives equally, is not found, with the closest named', () => {
    const none = resolveAnchor({text: 'Build a new hospital in the north'}, objectives);
    expect(none).toMatchObject({found: false, reason: expect.stringMatching(/^no objective matches \(best similarity 0(\.\d+)?, below 0\.6\)$/)});
    const tie = resolveAnchor({text: 'Report every never event within 36 hours'}, objectives);
    expect(tie).toMatchObject({found: false, reason: '2 objectives match equally well (similarity 0.857)'});
    expect(resolveAnchor({text: 'Report every never event within 36 hours', area: 'Safety'}, objectives)).toMatchObject({found: true, index: 2});
  });

  it('prefers an objective no other anchor claims by its exact text', () => {
    const list = [{area: 'A', text: 'Offer weekend clinics in every district'}, {area: 'A', text: 'Offer weekend clinics in every district and town'}];
    expect(resolveAnchor({text: 'Offer weekend clinics in every district and city'}, list)).toMatchObject({index: 0});
    expect(resolveAnchor({text: 'Offer weekend clinics in every district and city'}, list, {claimed: new Set([0])})).toMatchObject({index: 1});
  });
});
