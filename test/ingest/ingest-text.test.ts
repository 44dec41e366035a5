import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import {ingestText} from '../../src/ingest/text/ingest-text.js';
import {splitLines} from '../../src/ingest/text/text-lines.js';
import {finishTable} from '../../src/ingest/table/finish-table.js';
import type {Block, ListBlock, ListItem, TableBlock} from '../../src/model/document.js';
import {LAYOUT_2023, LAYOUT_2024, SEED_2023} from '../helpers.js';

const kinds = (blocks: readonly Block[]): string[] => blocks.map((b) => (b.kind === 'heading' ? `h:${b.text}` : b.kind));
const outline = (items: readonly ListItem[]): unknown[] => items.map((i) => (i.items.length ? [i.text, outline(i.items)] : i.text));
const cells = (table: TableBlock): string[][] => table.rows.map((r) => r.cells.map((c) => (c.spannedFrom ? '^' : c.text)));
const tables = (text: string): TableBlock[] => ingestText(text).blocks.filter((b): b is TableBlock => b.kind === 'table').map(finishTable);

describe('ingestText', () => {
  it('reads a tab-separated dump into logical rows: wrapped lines joined, a label spanning rows', () => {
    const [table] = tables(readFileSync(SEED_2023, 'utf8'));
    expect(table!.method).toBe('delimited');
    expect(table!.columns).toBe(3);
    expect(table!.header[0]!.cells.map((c) => c.text)).toEqual(['', 'Area', 'Objective']);
    expect(table!.rows).toHaveLength(31);
    expect(table!.rows[0]!.at.line).toBe(4);
    expect(table!.rows[0]!.cells[2]!.text).toBe('Improve A&E waiting times so that no less than 76% of patients are seen within 4 hours by March 2024 with further improvement in 2024/25');
    expect(table!.rows[0]!.cells[1]!.text).toBe('Urgent and emergency care*');
    // "Community / health services / Services" spans the two objectives beside it.
    expect(table!.rows[3]!.cells[1]).toMatchObject({text: 'Community health services Services', rowSpan: 2});
    expect(table!.rows[4]!.cells[1]!.spannedFrom).toEqual({row: 4, column: 1});
  });

  it('takes the first line as the title, joins wrapped paragraph lines, reads headings and nested lists', () => {
    const read = ingestText('National objectives 2024/25\n\nThe guidance includes\n32 objectives.\n\nTransport\n\n1. Cut bus waits\n   a) at peak times\n2. Build cycle lanes across\n   the city centre\n');
    expect(read.title).toBe('National objectives 2024/25');
    expect(read.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'heading', 'list']);
    expect(read.blocks[1]).toMatchObject({kind: 'paragraph', text: 'The guidance includes 32 objectives.', at: {line: 3}});
    const list = read.blocks[3] as ListBlock;
    expect(list.items.map((i) => [i.marker, i.text, i.items.map((c) => c.text)])).toEqual([
      ['1.', 'Cut bus waits', ['at peak times']],
      ['2.', 'Build cycle lanes across the city centre', []],
    ]);
  });

  it('reads space-aligned layout text (pdftotext -layout) into columns, a table continued on the next page joined', () => {
    const found = tables(readFileSync(LAYOUT_2023, 'utf8'));
    expect(found).toHaveLength(1);
    const first = found[0]!;
    expect(first.method).toBe('layout');
    expect(first.header[0]!.cells.map((c) => c.text)).toEqual(['Area', 'Objective']);
    // "Urgent and emergency Improve A&E …" has a single space between the columns: cut at the column start.
    expect(first.rows[0]!.cells[0]!.text).toBe('Urgent and emergency care*');
    expect(first.rows[0]!.cells[1]!.text).toMatch(/^Improve A&E waiting times .* in 2024\/25$/);
    expect(first.rows.at(-1)!.at.page).toBe(2);
    expect(first.pages).toEqual([1, 2]);
    expect(first.rows).toHaveLength(31);
  });

  it('reads the objectives table of a whole guidance document as layout text: header words left of bulleted cells', () => {
    const found = tables(readFileSync(LAYOUT_2024, 'utf8')).filter((t) => t.header[0]?.cells.some((c) => c.text === 'Objective'));
    expect(found).toHaveLength(1);
    expect(found[0]!.header[0]!.cells.map((c) => c.text)).toEqual(['Area', 'Objective']);
    expect(found[0]!.rows.filter((r) => !r.section)).toHaveLength(32);
    expect(found[0]!.rows[0]!.cells.map((c) => c.text)).toEqual(['Quality and patient safety', 'Implement the Patient Safety Incident Response Framework (PSIRF)']);
  });

  it('numbers pages at form feeds', () => {
    expect(splitLines('a\n\fb\nc').map((l) => [l.line, l.page])).toEqual([
      [1, 1],
      [2, 2],
      [3, 2],
    ]);
  });

  describe('layout text (pdftotext -layout)', () => {
    it('reads a bullet set apart from its text by a gutter as a list marker, not a column, between labels at the margin', () => {
      const read = ingestText(
        'Transport Plan 2026\n\nOur priorities\nBuses\n\n    •   Cut bus waits at peak times on every route\n    •   Add night buses\n\nCycling\n\n    •   Build cycle lanes\n    •   Fit cycle parking at stations\n',
      );
      expect(kinds(read.blocks)).toEqual(['h:Transport Plan 2026', 'h:Our priorities', 'h:Buses', 'list', 'h:Cycling', 'list']);
      expect((read.blocks[3] as ListBlock).items.map((i) => [i.marker, i.text])).toEqual([
        ['•', 'Cut bus waits at peak times on every route'],
        ['•', 'Add night buses'],
      ]);
    });

    it('takes a "Table N:" line as the caption of the table below it, and ends the table above there', () => {
      const text = [
        'Budget and objectives',
        'The two tables below set out the budget and our objectives.',
        '',
        '                       Table 1: Budget',
        'Service                      Budget',
        'Buses                        £4.2m',
        'Cycling                      £1.1m',
        '                       Table 2: Objectives',
        'Objective                    Lead',
        'Cut bus waits                Transport team',
        'Build cycle lanes            Highways team',
      ].join('\n');
      const found = tables(text);
      expect(found.map((t) => [t.caption, t.rows.length + t.header.length])).toEqual([
        ['Table 1: Budget', 3],
        ['Table 2: Objectives', 3],
      ]);
      expect(ingestText(text).blocks.some((b) => b.kind === 'heading' && b.text.startsWith('Table'))).toBe(false);
    });

    it('keeps rows whose other cells are empty (beside a centred label) in the table, but not a paragraph after it', () => {
      const text = [
        'Transport Plan 2026',
        'The plan sets out what we will do over the next five years, with a lead for each of the objectives.',
        '',
        'Objective                                                        Area',
        '',
        'Cut bus waits at peak times on the busiest routes in the city',
        '',
        'Add night buses on the six busiest routes                        Buses',
        '',
        'Give bus passengers live arrival times at every stop',
        '',
        'Build 20 km of protected cycle lanes                             Cycling',
        '',
        'The board reviews these objectives every year and reports on its progress to the council in public.',
      ].join('\n');
      const read = ingestText(text);
      expect(read.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'table', 'paragraph']);
      const [table] = tables(text);
      expect(cells(table!)).toEqual([
        ['Cut bus waits at peak times on the busiest routes in the city', 'Buses'],
        ['Add night buses on the six busiest routes', '^'],
        ['Give bus passengers live arrival times at every stop', '^'],
        ['Build 20 km of protected cycle lanes', 'Cycling'],
      ]);
    });

    it('starts a new table where the header repeats under a heading, even when the first header wrapped', () => {
      const text = [
        'Climate Plan',
        '',
        'Buildings',
        '',
        ' Action                                          2027       2030',
        '                                                 target     target',
        ' Insulate council homes                          200        900',
        ' Fit heat pumps in schools                       10         40',
        '',
        '',
        'Transport',
        '',
        ' Action                                          2027 target  2030 target',
        ' Install charge points                           50           200',
        ' Cut fleet emissions                             20%          60%',
      ].join('\n');
      expect(kinds(ingestText(text).blocks)).toEqual(['h:Climate Plan', 'h:Buildings', 'table', 'h:Transport', 'table']);
      expect(tables(text).map((t) => t.rows.map((r) => r.cells[0]!.text))).toEqual([
        ['Insulate council homes', 'Fit heat pumps in schools'],
        ['Install charge points', 'Cut fleet emissions'],
      ]);
    });

    it('reads a wrapped title, a run of headings, and indented lines under an introduction as a list without bullets', () => {
      const text = [
        'Youth Plan 2025',
        'to 2027',
        'The board oversees this plan and reviews it every year with partners, schools and the police.',
        '',
        'Our plan',
        'Prevention',
        '',
        'We will:',
        '',
        '       divert most children who come to police attention for low-level offences away from the formal',
        '       justice system',
        '       offer every child a trusted adult',
      ].join('\n');
      const read = ingestText(text);
      expect(read.title).toBe('Youth Plan 2025 to 2027');
      expect(kinds(read.blocks)).toEqual(['h:Youth Plan 2025 to 2027', 'paragraph', 'h:Our plan', 'h:Prevention', 'paragraph', 'list']);
      expect(outline((read.blocks[5] as ListBlock).items)).toEqual([
        'divert most children who come to police attention for low-level offences away from the formal justice system',
        'offer every child a trusted adult',
      ]);
    });

    it('nests indented lines under a heading by their indentation, one item a line where each line ended early', () => {
      const text = [
        'Health Plan',
        'The council and its partners will work towards these aims and objectives over the next two years.',
        '',
        'Aims and objectives',
        '      Safer streets',
        '             Reduce knife crime involving under-18s in every ward of the borough by a fifth',
        '             Fund youth workers in the emergency department',
        '      Education',
        '             Cut exclusions of children known to the service',
      ].join('\n');
      const read = ingestText(text);
      expect(kinds(read.blocks)).toEqual(['h:Health Plan', 'paragraph', 'h:Aims and objectives', 'list']);
      expect(outline((read.blocks[3] as ListBlock).items)).toEqual([
        ['Safer streets', ['Reduce knife crime involving under-18s in every ward of the borough by a fifth', 'Fund youth workers in the emergency department']],
        ['Education', ['Cut exclusions of children known to the service']],
      ]);
    });

    it('keeps an indented paragraph that no heading or colon introduces a paragraph', () => {
      const read = ingestText(
        'Annual report\n\nThis year the service met most of its goals.\n      The service met its waiting time standard in eleven of the twelve months of the year, and\n      it expects to meet it in every month next year.\n',
      );
      expect(read.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'paragraph']);
      expect(read.blocks[2]).toMatchObject({text: 'The service met its waiting time standard in eleven of the twelve months of the year, and it expects to meet it in every month next year.'});
    });

    it('reads labels at the margin over indented lines (a one-column table with group rows) as headings over lists', () => {
      const text = [
        'Measure plan',
        'The measures below show how we will know whether the plan is working. We report on them to the board',
        'every quarter.',
        '',
        'Outcome                    Measure',
        'Safer streets',
        '                           Knife crime offences per 1,000 residents',
        '                           Residents who feel safe after dark',
        'Healthy lives',
        '                           Adults who are physically active',
        '                           Smoking prevalence among adults',
      ].join('\n');
      const read = ingestText(text);
      expect(kinds(read.blocks)).toEqual(['h:Measure plan', 'paragraph', 'paragraph', 'h:Safer streets', 'list', 'h:Healthy lives', 'list']);
      expect(outline((read.blocks[4] as ListBlock).items)).toEqual(['Knife crime offences per 1,000 residents', 'Residents who feel safe after dark']);
    });

    it('moves labels printed in the middle of their rows to the first of them, and leaves labels printed at the top alone', () => {
      const centred = [
        'Culture Plan',
        '',
        'Theme                        Outcome',
        '                             Every child joins at least five cultural',
        '                             activities before leaving school',
        'Culture for all',
        '                             Free shows at every venue each month',
        '                             Audiences that reflect the city',
        '                             Studio space in every district',
        'Artists thrive',
        '                             A grants fund for 100 artists a year',
        'Shared city                  Outdoor events in parks all year round',
        '                             Heritage buildings back in use',
      ].join('\n');
      expect(cells(tables(centred)[0]!).map((r) => r[0])).toEqual(['Culture for all', '^', '^', 'Artists thrive', '^', 'Shared city', '^']);
      const top = [
        'Culture Plan',
        '',
        'Theme                        Outcome',
        'Culture for all              Every child joins at least five cultural',
        '                             activities before leaving school',
        '                             Free shows at every venue each month',
        '                             Audiences that reflect the city',
        'Artists thrive               Studio space in every district',
        '                             A grants fund for 100 artists a year',
        '                             Outdoor events in parks all year round',
        'Shared city                  Heritage buildings back in use',
        '                             Open two new galleries in the old town',
      ].join('\n');
      expect(cells(tables(top)[0]!).map((r) => r[0])).toEqual(['Culture for all', '', '', 'Artists thrive', '', '', 'Shared city', '']);
    });

    it('passes over a side label in the margin left of a table, keeping it out of the rows', () => {
      const text = [
        'Housing and Parks Plan',
        '',
        '            Area               Objective',
        '            Housing            Build 400 homes on brownfield land',
        '                               Cut empty homes by a fifth',
        'Part A',
        '',
        '',
        '                               Bring 50 empty homes back into use',
        '            Parks              Open two parks in the north',
        '                               Plant 1,000 trees in the borough',
      ].join('\n');
      const read = ingestText(text);
      expect(kinds(read.blocks)).toEqual(['h:Housing and Parks Plan', 'table', 'paragraph']);
      expect(read.blocks[2]).toMatchObject({text: 'Part A', at: {line: 6}});
      expect(cells(tables(text)[0]!).map((r) => r[0])).toEqual(['Housing', '', '', 'Parks', '']);
    });

    it('reads a header centred on its two-line label, a ragged item column, and a value level with the middle of a wrapped item', () => {
      const text = [
        'University Plan',
        '',
        '                                                                                   2030',
        'Aim                      Indicator',
        '                                                                                   target',
        '',
        '                              Students satisfied with their course                 88%',
        '',
        '                         Graduates in skilled work or further study fifteen months',
        'Education                                                                          80%',
        '                         after graduating',
        '',
        '                              Research income per member of staff                  £45,000',
        'Research',
        '                              Doctoral completions each year                       210',
      ].join('\n');
      const [table] = tables(text);
      expect(table!.header.map((r) => r.cells.map((c) => c.text))).toEqual([['Aim', 'Indicator', '2030 target']]);
      expect(cells(table!)).toEqual([
        ['Education', 'Students satisfied with their course', '88%'],
        ['^', 'Graduates in skilled work or further study fifteen months after graduating', '80%'],
        ['Research', 'Research income per member of staff', '£45,000'],
        ['^', 'Doctoral completions each year', '210'],
      ]);
    });

    it('keeps numbered group rows ("Goal 1" like "Goal 2") as groups and centres the labels between them', () => {
      const text = [
        'Wellbeing Framework',
        '',
        'Targets                                  Indicators',
        '',
        'Goal 1. Good work for everyone',
        '',
        '                                         1.1.1 Employment rate of residents',
        '1.1 Raise the employment rate            1.1.2 Residents out of work through sickness',
        '',
        'Goal 2. Healthy people',
        '',
        '2.1 Close the life expectancy gap        2.1.1 Life expectancy at birth',
        '                                         2.1.2 Healthy life expectancy at birth',
        '',
        '                                         2.2.1 Older people who feel lonely',
        '2.2 Halve loneliness by 2030             2.2.2 People taking part in funded activities',
        '                                         2.2.3 Volunteers trained to visit people at home',
      ].join('\n');
      const [table] = tables(text);
      expect(table!.rows.map((r) => [r.section === true, r.cells[0]!.spannedFrom ? '^' : r.cells[0]!.text.split(' ')[0]])).toEqual([
        [true, 'Goal'],
        [false, '1.1'],
        [false, '^'],
        [true, 'Goal'],
        [false, '2.1'],
        [false, '^'],
        [false, '2.2'],
        [false, '^'],
        [false, '^'],
      ]);
    });
    it('puts a header word set left of its column (cells start after a bullet) in that column, not the one before', () => {
    const text = [
      'Theme                  Commitment',
      'Clean streets              •   Empty every public bin at least twice',
      '                               a week',
      '                           •   Remove reported fly-tipping within 2 days',
      'Parks and open             •   Open two new pocket parks by 2027',
      'spaces                     •   Plant 5,000 street trees',
    ].join('\n');
    const [table] = tables(text);
    expect(table!.header[0]!.cells.map((c) => c.text)).toEqual(['Theme', 'Commitment']);
    expect(table!.rows.map((r) => r.cells[1]!.text)).toEqual([
      'Empty every public bin at least twice a week',
      'Remove reported fly-tipping within 2 days',
      'Open two new pocket parks by 2027',
      'Plant 5,000 street trees',
    ]);
  });

  it('keeps words set apart by a gutter inside the extent of their column in it', () => {
    const text = [
      'Area                        Measure',
      'Adult  social care          Reduce delayed transfers of care by 10%',
      'Housing and homelessness    End rough sleeping by 2027',
      'Children and families       Cut waits for assessment to 6 weeks',
    ].join('\n');
    const [table] = tables(text);
    expect(table!.rows[0]!.cells.map((c) => c.text)).toEqual(['Adult social care', 'Reduce delayed transfers of care by 10%']);
  });
});
});
