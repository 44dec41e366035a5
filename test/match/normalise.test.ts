import {describe, expect, it} from 'vitest';
import {compileAliases, matchTokens, relativiseYears} from '../../src/match/normalise.js';

describe('matchTokens', () => {
  it('stems, drops stop words, turns number words into digits and joins numbers with units', () => {
    expect(matchTokens('within six weeks', {entries: []})).toEqual(['6', '6week', 'week']);
    expect(matchTokens('the 62-day standard', {entries: []})).toEqual(['62', '62dai', 'dai', 'standard']);
  });

  it('applies aliases before tokenising, case-insensitively on word boundaries', () => {
    const aliases = compileAliases([{canonical: 'nhs talking therapies', variants: ['iapt']}]);
    expect(matchTokens('accessing IAPT treatment', aliases)).toEqual(matchTokens('accessing NHS Talking Therapies treatment', aliases));
    expect(matchTokens('tapioca', aliases)).toEqual(['tapioca']);
  });
});

describe('relativiseYears', () => {
  it('rewrites years and plan years relative to the edition', () => {
    expect(relativiseYears('march 2024 in 2023/24', 2023).replace(/\s+/g, ' ').trim()).toBe('march y+1 in py+0');
    expect(relativiseYears('march 2025 in 2024/25', 2024).replace(/\s+/g, ' ').trim()).toBe('march y+1 in py+0');
  });
});
