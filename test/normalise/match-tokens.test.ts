import {describe, expect, it} from 'vitest';
import {aliasTable} from '../../src/normalise/alias-table.js';
import {foldText} from '../../src/normalise/fold-text.js';
import {buildLexicon, defaultLexicon} from '../../src/normalise/lexicon.js';
import {matchTokens} from '../../src/normalise/match-tokens.js';
import {periodMonth, relativiseYears} from '../../src/normalise/relative-years.js';

const none = {aliases: aliasTable([])};

describe('foldText', () => {
  it('writes number words as digits, per cent as %, and a number-unit compound as two words', () => {
    expect(foldText('Within Six-week waits, twenty-five per cent of 1,000 and two')).toBe('within 6 week waits, 25% of 1000 and 2');
    expect(foldText('“Smart” quotes – dashes')).toBe('"smart" quotes - dashes');
  });
});

describe('matchTokens', () => {
  it('stems, drops stop words, turns number words into digits and joins numbers with units', () => {
    expect(matchTokens('within six weeks', none)).toEqual(['6', '6week', 'week']);
    expect(matchTokens('the 62-day standard', none)).toEqual(matchTokens('the 62 days standard', none));
  });

  it('applies aliases before tokenising, case-insensitively on word boundaries', () => {
    const aliases = aliasTable([{canonical: 'nhs talking therapies', variants: ['iapt']}]);
    expect(matchTokens('accessing IAPT treatment', {aliases})).toEqual(matchTokens('accessing NHS Talking Therapies treatment', {aliases}));
    expect(matchTokens('tapioca', {aliases})).toEqual(['tapioca']);
  });

  it('reads synonyms and derived forms through the lexicon (WordNet): spending ~ expenditure, reduction ~ reduce', () => {
    const lexicon = defaultLexicon();
    expect(matchTokens('agency spending', {...none, lexicon})).toEqual(matchTokens('agency expenditure', {...none, lexicon}));
    expect(matchTokens('a reduction in waits', {...none, lexicon})).toEqual(matchTokens('reduce waits', {...none, lexicon}));
    expect(matchTokens('agency spending', none)).not.toEqual(matchTokens('agency expenditure', none));
  });

  it('refuses a malformed lexicon with a TypeError naming the value', () => {
    expect(() => buildLexicon({synonyms: 'x'} as never)).toThrow(TypeError);
  });
});

describe('relative years and periods', () => {
  it('rewrites years and plan years relative to the edition', () => {
    expect(relativiseYears('march 2024 in 2023/24', 2023).replace(/\s+/g, ' ').trim()).toBe('march y+1 in py+0');
    expect(relativiseYears('march 2025 in 2024/25', 2024).replace(/\s+/g, ' ').trim()).toBe('march y+1 in py+0');
  });

  it('reads a period as the month it ends: a plan year ends in March', () => {
    expect(periodMonth('2026/27', undefined)).toBe(2027 * 12 + 2);
    expect(periodMonth('March 2026', undefined)).toBe(2026 * 12 + 2);
    expect(periodMonth(undefined, '2025-09')).toBe(2025 * 12 + 8);
    expect(periodMonth(undefined, undefined)).toBeUndefined();
  });
});
