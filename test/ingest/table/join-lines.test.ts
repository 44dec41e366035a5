import {describe, expect, it} from 'vitest';
import {joinLines, lineJoin, vocabularyOf} from '../../../src/ingest/table/join-lines.js';

describe('joinLines', () => {
  it('joins wrapped lines and keeps compound hyphens', () => {
    expect(joinLines(['Recover dental activity towards pre-', 'pandemic levels'], new Set())).toBe('Recover dental activity towards pre-pandemic levels');
  });

  it('joins a word broken without a hyphen in a narrow cell when the document uses the whole word, and not otherwise', () => {
    const vocabulary = vocabularyOf(['people released into settled accommodation', 'Accommodatio', 'n', 'Carry', 'on']);
    expect(joinLines(['Accommodatio', 'n'], vocabulary)).toBe('Accommodation');
    expect(joinLines(['Carry', 'on'], vocabulary)).toBe('Carry on');
  });

  it('drops a hyphen the document itself spells without', () => {
    const vocabulary = vocabularyOf(['improve recovery rates']);
    expect(joinLines(['support faster recov-', 'ery of services'], vocabulary)).toBe('support faster recovery of services');
    expect(joinLines(['Deliver the system- specific target'], new Set())).toBe('Deliver the system-specific target');
  });
});

describe('lineJoin', () => {
  it('says a line continues when it cannot start anew: lower case, a bracket, or the line above ends mid-phrase', () => {
    expect(lineJoin('Improve A&E waiting times by March', '2024 with further improvement')).toBe('continues');
    expect(lineJoin('Eliminate waits (except where patients choose to', 'wait longer)')).toBe('continues');
    expect(lineJoin('reduce waits in line with the', 'Improve the plan')).toBe('continues');
    expect(lineJoin('adult community mental health', '(to 66,000) and children')).toBe('continues');
  });

  it('says a line breaks after a finished sentence, and does not know otherwise', () => {
    expect(lineJoin('Reduce waits.', 'Improve access')).toBe('breaks');
    expect(lineJoin('supported by community mental health services', 'Work towards eliminating placements')).toBe('unknown');
  });
});
