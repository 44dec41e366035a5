import {describe, expect, it} from 'vitest';
import {cleanArea, cleanObjectiveText, isJunk} from '../../src/extract/clean-text.js';

describe('cleanArea', () => {
  it('removes footnote markers and a word repeated across a line join', () => {
    expect(cleanArea('Urgent and emergency care*')).toBe('Urgent and emergency care');
    expect(cleanArea('Community health services Services')).toBe('Community health services');
    expect(cleanArea('Primary  care†')).toBe('Primary care');
  });
});

describe('cleanObjectiveText', () => {
  it('removes bullets and a final full stop, tidies spacing', () => {
    expect(cleanObjectiveText('• Reduce waits ( by March 2025 ) .')).toBe('Reduce waits (by March 2025)');
  });
});

describe('isJunk', () => {
  it('flags symbol fragments, keeps words and numbers', () => {
    expect(['Ξ', '*/05', '•'].map(isJunk)).toEqual([true, true, true]);
    expect(['2024/25', '(95%)', 'ity', 'Cancer'].map(isJunk)).toEqual([false, false, false, false]);
  });
});
