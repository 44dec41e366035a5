import {describe, expect, it} from 'vitest';
import {parse} from 'csv-parse/sync';
import {CSV_COLUMNS, neutraliseFormula, renderCsv} from '../../src/render/render-csv.js';
import {tinyComparison} from './tiny-comparison.js';

describe('renderCsv', () => {
  it('writes RFC 4180: a header, CRLF records, quotes and newlines escaped', () => {
    const csv = renderCsv(tinyComparison('Say "hello", then\nwave', 'x'));
    expect(csv.startsWith(`${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    const [record] = parse(csv, {columns: true}) as Record<string, string>[];
    expect(record!['previous_objective']).toBe('Say "hello", then\nwave');
    expect(record!['area']).toBe('Area | with "pipe"');
  });

  it('neutralises cells that a spreadsheet would run as a formula', () => {
    expect(['=1+1', '+SUM(A1)', '-2', '@cmd', '\tx', '\rx', 'safe'].map(neutraliseFormula)).toEqual(["'=1+1", "'+SUM(A1)", "'-2", "'@cmd", "'\tx", "'\rx", 'safe']);
    const [record] = parse(renderCsv(tinyComparison('=HYPERLINK("http://x")', 'y')), {columns: true}) as Record<string, string>[];
    expect(record!['previous_objective']).toBe('\'=HYPERLINK("http://x")');
  });
});
