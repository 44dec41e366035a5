import {describe, expect, it} from 'vitest';
import {findingLines, SHOWN_PER_CODE} from '../../src/cli/read-document.js';
import {diagnostic} from '../../src/model/diagnostics.js';

describe('findingLines (stderr for a partial reading)', () => {
  it('prints every finding while each code has few, one line each', () => {
    const findings = [
      diagnostic('warning', 'reading-uncertain', 'extract', 'The best reading scored 0.43', {file: 'a.pdf'}),
      diagnostic('warning', 'row-unparsed', 'extract', 'Cannot read row as an item', {file: 'a.pdf', page: 2, line: 7}),
    ];
    expect(findingLines(findings)).toEqual([
      'guidance-diff: a.pdf: warning: The best reading scored 0.43 (reading-uncertain)',
      'guidance-diff: a.pdf:p2:7: warning: Cannot read row as an item (row-unparsed)',
    ]);
  });

  it('counts the rest of a code that recurs many times in one line, keeping the other codes whole', () => {
    const many = Array.from({length: 40}, (_, k) => diagnostic('warning', 'list-ignored', 'extract', `Set aside list ${k}`, {file: 'book.pdf', page: k + 1, line: 1}));
    const other = diagnostic('warning', 'reading-uncertain', 'extract', 'The best reading scored 0.43', {file: 'book.pdf'});
    const lines = findingLines([...many.slice(0, 20), other, ...many.slice(20)]);
    expect(lines.filter((l) => l.endsWith('(list-ignored)'))).toHaveLength(SHOWN_PER_CODE + 1);
    expect(lines).toContain('guidance-diff: book.pdf: warning: The best reading scored 0.43 (reading-uncertain)');
    expect(lines.at(-1)).toMatch(/^guidance-diff: book\.pdf: warning: 35 more list-ignored finding\(s\)/);
    expect(lines.slice(0, SHOWN_PER_CODE)).toEqual(many.slice(0, SHOWN_PER_CODE).map((d) => `guidance-diff: book.pdf:p${d.page}:1: warning: ${d.message} (list-ignored)`));
  });
});
