import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ReviewImportVocabulary} from '../../src/model/review.js';
import {importTable, type TableRowText} from '../../src/review/import-table.js';
import {csvRows, isTabSeparated, tableRows, tsvRows} from '../../src/review/table-rows.js';
import {decodeText} from '../../src/ingest/decode/decode-text.js';
import {compareEditions} from '../../src/pipeline.js';
import {parseReview} from '../../src/review/parse-review.js';
import {stringifyReview} from '../../src/review/stringify-review.js';
import {renderCsv} from '../../src/render/render-csv.js';
import {edition, fixture, root, SEED_2023, SEED_2024, source} from '../helpers.js';
import {aliases, editions} from './shapes.js';

const vocabulary = ReviewImportVocabulary.parse(JSON.parse(readFileSync(join(root, 'data', 'review-import.json'), 'utf8')));
const rows = (lines: string[][], from = 1): TableRowText[] => lines.map((cells, k) => ({cells, line: from + k}));

describe('importTable', () => {
  it('reads the Confederation\'s table (seed 000): 43 rows, one workforce row anchored nowhere and kept as a manual row', async () => {
    const [previous, current] = await Promise.all([
      edition(readFileSync(SEED_2023), '2023-24.txt', 'nhs-2023-24'),
      edition(readFileSync(SEED_2024), '2024-25.md', 'nhs-2024-25'),
    ]);
    const text = decodeText(new Uint8Array(readFileSync(fixture('seeds', '000_5e96173beba4c6c8.txt')))).text;
    expect(isTabSeparated(text)).toBe(true);
    const result = importTable(tsvRows(text), {file: '000_5e96173beba4c6c8.txt', previous, current, vocabulary});
    if (result.status !== 'success') throw new Error('import failed');
    expect(result.report).toMatchObject({rows: 43, entries: 42, manual: 1});
    expect(result.report.unanchored).toEqual([{line: 57, side: 'previous', text: expect.stringMatching(/^Refresh whole system workforce plans/), outcome: 'manual row'}]);
    expect(result.diagnostics.filter((d) => d.severity === 'warning').map((d) => [d.code, d.line])).toEqual([['review-unanchored', 57]]);
    const manual = result.value.manual[0]!;
    expect(manual).toMatchObject({area: 'Workforce', status: 'dropped', after: {previous: {area: 'Workforce'}}, source: '000_5e96173beba4c6c8.txt:57'});
    // A cell broken by a page break is joined; a status cell gives a status and a change note.
    const elective = result.value.entries.find((e) => e.previous?.[0]?.text.startsWith('Eliminate waits'))!;
    expect(elective).toMatchObject({pair: 'force', status: 'kept', notes: {add: ['Extended deadline']}});
    expect(elective.commentary).toMatch(/and progress slowing in recent months, this target appears challenging\.$/);
    const flow = result.value.entries.find((e) => e.previous?.[0]?.text.startsWith('Work towards eliminating'))!;
    expect(flow.notes).toEqual({add: ['added flow']});
    // A vertically merged cell: three previous objectives share one current objective and one status.
    const merged = result.value.entries.filter((e) => e.current?.[0]?.text.startsWith('Increase the number of people accessing transformed models'));
    expect(merged.map((e) => [e.previous?.[0]?.text.slice(0, 30), e.pair, e.status])).toEqual([
      ['Improve access to mental healt', 'force', 'kept'],
      ['Achieve a 5% year on year incr', 'force', 'kept'],
      ['Improve access to perinatal me', 'force', 'kept'],
    ]);
    // Rows with one side only stand alone; inline HTML is dropped from the commentary.
    expect(result.value.entries[0]).toMatchObject({current: [{position: 1}], pair: 'forbid', status: 'new'});
    expect(result.value.entries.map((e) => e.commentary ?? '').join(' ')).not.toMatch(/<u>/);
  });

  it('reads our own comparison.csv back: every row anchors, statuses and notes survive', async () => {
    const {previous, current} = await editions();
    const machine = compareEditions(previous, current, {aliases: aliases()});
    const result = importTable(csvRows(renderCsv(machine, {bom: true})), {file: 'comparison.csv', previous, current, vocabulary});
    if (result.status !== 'success') throw new Error('import failed');
    expect(result.report).toEqual({rows: 5, entries: 5, manual: 0, unanchored: []});
    expect(result.value.entries.map((e) => [e.pair, e.status])).toEqual([
      ['force', 'kept'],
      ['force', 'kept'],
      ['force', 'kept'],
      ['forbid', 'dropped'],
      ['forbid', 'new'],
    ]);
    expect(result.value.entries[0]!.notes).toEqual({add: ['Lowered from 12 weeks to 10 weeks']});
    // Applied, the imported review changes nothing the machine said.
    const loaded = parseReview(stringifyReview(result.value), {file: 'r.yaml'});
    if (loaded.status !== 'success') throw new Error('parse failed');
    const reviewed = compareEditions(previous, current, {aliases: aliases(), review: loaded.value});
    expect(reviewed.rows.map((r) => [r.status, r.previous.length, r.current.length, r.review?.overridden ?? []])).toEqual(
      machine.rows.map((r) => [r.status, r.previous.length, r.current.length, []]),
    );
  });

  it('finds columns by their headers in any order, years decide previous and current, placeholders mean none', async () => {
    const {previous, current} = await editions();
    const table = rows([
      ['Our view', 'Ambition 2031/32', 'Status', 'Ambition 2030/31', 'Theme'],
      ['Welcome', 'Offer weekend clinics in every district', 'Retained, weekends now', 'Expand evening clinics in every district', 'Access'],
      ['Local choice', 'n/a', 'Removed', 'Train all ward staff in sepsis screening', 'Safety'],
      ['', 'Publish a quarterly learning report on patient safety incidents', 'Introduced', '', ''],
      ['Not in either plan', '', 'Dropped', 'Inspect every ward kitchen', 'Safety'],
    ]);
    const result = importTable(table, {file: 'view.md', previous, current, vocabulary});
    if (result.status !== 'success') throw new Error('import failed');
    expect(result.value.entries.map((e) => [e.previous?.[0]?.position, e.current?.[0]?.position, e.pair, e.status, e.notes, e.commentary])).toEqual([
      [2, 2, 'force', 'kept', {add: ['weekends now']}, 'Welcome'],
      [4, undefined, 'forbid', 'dropped', undefined, 'Local choice'],
      [undefined, 4, 'forbid', 'new', undefined, undefined],
    ]);
    expect(result.value.manual).toEqual([
      {
        area: 'Safety',
        previous: 'Inspect every ward kitchen',
        status: 'dropped',
        commentary: 'Not in either plan',
        after: {current: {text: 'Publish a quarterly learning report on patient safety incidents', area: 'Quality and safety', position: 4}},
        source: 'view.md:5',
      },
    ]);
    expect(result.report.unanchored).toEqual([{line: 5, side: 'previous', text: 'Inspect every ward kitchen', outcome: 'manual row'}]);
  });

  it('reads a Markdown table through ingest, and a header repeated after a page break glued to the next line', async () => {
    const {previous, current} = await editions();
    const document = await source(
      [
        '| Theme | Ambition 2030/31 | Ambition 2031/32 | Status | Our view |',
        '| --- | --- | --- | --- | --- |',
        '| Access | Expand evening clinics in every district | Offer weekend clinics in every district | Kept | Welcome, and |',
        '| Theme | Ambition 2030/31 | Ambition 2031/32 | Status | Our view long overdue. |',
        '| Safety | Train all ward staff in sepsis screening | Not included | Dropped | |',
        '',
      ].join('\n'),
      'view.md',
    );
    const [table] = tableRows(document);
    const result = importTable(table!, {file: 'view.md', previous, current, vocabulary});
    if (result.status !== 'success') throw new Error('import failed');
    expect(result.value.entries.map((e) => [e.previous?.[0]?.position, e.current?.[0]?.position, e.status, e.commentary])).toEqual([
      [2, 2, 'kept', 'Welcome, and long overdue.'],
      [4, undefined, 'dropped', undefined],
    ]);
  });

  it('records no pairing when only one side of a row anchors, and says so', async () => {
    const {previous, current} = await editions();
    const result = importTable(
      rows([
        ['Area', 'Previous objective', 'Current objective', 'Status'],
        ['Access', 'Open a walk-in centre in every town', 'Offer weekend clinics in every district', 'Kept'],
      ]),
      {file: 't.csv', previous, current, vocabulary},
    );
    if (result.status !== 'success') throw new Error('import failed');
    expect(result.value.entries).toEqual([{current: [{text: 'Offer weekend clinics in every district', area: 'Access', position: 2}], status: 'kept', source: 't.csv:2'}]);
    expect(result.diagnostics[0]!.message).toMatch(/Cannot anchor the previous objective "Open a walk-in centre in every town".*records no pairing/);
  });

  it('refuses a table without two objective columns, naming the file', async () => {
    const {previous, current} = await editions();
    const result = importTable(rows([['Area', 'Objective', 'Status']]), {file: 'one-year.md', previous, current, vocabulary});
    expect(result.status).toBe('failure');
    expect(result.diagnostics[0]).toMatchObject({severity: 'error', code: 'review-invalid', file: 'one-year.md'});
  });
});

describe('tsvRows', () => {
  it('reads tab-separated lines as written, each with its line, blank lines left out', () => {
    expect(tsvRows('Area\tStatus\r\n\nCancer\tKept\n\tcontinued\n')).toEqual([
      {cells: ['Area', 'Status'], line: 1},
      {cells: ['Cancer', 'Kept'], line: 3},
      {cells: ['', 'continued'], line: 4},
    ]);
    expect(isTabSeparated('| a | b |\n| - | - |\n| c | d |\n')).toBe(false);
  });
});

describe('csvRows', () => {
  it('gives each record the line it starts on, across quoted line breaks', () => {
    expect(csvRows('\uFEFFa,b\n"x\ny",2\nc,d\n')).toEqual([
      {cells: ['a', 'b'], line: 1},
      {cells: ['x\ny', '2'], line: 2},
      {cells: ['c', 'd'], line: 4},
    ]);
  });
});
