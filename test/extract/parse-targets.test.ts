import {describe, expect, it} from 'vitest';
import {parseDeadlines, parseTargets} from '../../src/extract/parse-targets.js';

const brief = (text: string) => parseTargets(text).map((t) => ({value: t.value, unit: t.unit, ...(t.comparator ? {comparator: t.comparator} : {}), ...(t.deadline ? {deadline: t.deadline} : {}), ...(t.valueMax !== undefined ? {valueMax: t.valueMax} : {})}));

describe('parseDeadlines', () => {
  it('reads months with years and bare years after "by"', () => {
    expect(parseDeadlines('by March 2024, by the end of March 2024, in the year to 31 March 2025, by 2028').map((d) => [d.date, d.text])).toEqual([
      ['2024-03', 'March 2024'],
      ['2024-03', 'March 2024'],
      ['2025-03', 'March 2025'],
      ['2028', '2028'],
    ]);
  });

  it('does not take plan years for deadlines', () => {
    expect(parseDeadlines('across 2024/25 and by 2024/25')).toEqual([]);
  });
});

describe('parseTargets', () => {
  it('reads percentages with comparators and the deadline that follows', () => {
    expect(brief('so that no less than 76% of patients are seen within 4 hours by March 2024')).toEqual([
      {value: 76, unit: 'percent', comparator: 'at-least', deadline: '2024-03'},
      {value: 4, unit: 'hours', comparator: 'at-most', deadline: '2024-03'},
    ]);
    expect(brief('with a minimum of 78% of patients')).toEqual([{value: 78, unit: 'percent', comparator: 'at-least'}]);
    expect(brief('to a maximum of 3.2% of the total pay bill')).toEqual([{value: 3.2, unit: 'percent', comparator: 'at-most'}]);
    expect(brief('bed occupancy to 92% or below')).toEqual([{value: 92, unit: 'percent', comparator: 'at-most'}]);
  });

  it('reads counts, scaled numbers, ranges and word numbers', () => {
    expect(brief('deliver 50 million more appointments')).toEqual([{value: 50_000_000, unit: 'count'}]);
    expect(brief('recruit 26,000 roles')).toEqual([{value: 26_000, unit: 'count'}]);
    expect(brief('no more than 12–15 under 18s per million under 18s')).toEqual([{value: 12, valueMax: 15, unit: 'ratio', comparator: 'at-most'}]);
    expect(brief('a diagnostic test within six weeks')).toEqual([{value: 6, unit: 'weeks', comparator: 'at-most'}]);
    // "62-day" names the standard; it is not a target.
    expect(brief('the headline 62-day standard to 70%')).toEqual([{value: 70, unit: 'percent', comparator: 'to'}]);
  });

  it('skips years, plan years, labels, ages and ratio denominators', () => {
    expect(brief('Improve category 2 response across 2024/25 for stages 1 and 2 compared to 2019')).toEqual([]);
    expect(brief('patients aged between 25 and 84 years; people aged 14 and over; for every 1 million population')).toEqual([]);
  });
});
