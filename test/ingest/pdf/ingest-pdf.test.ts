import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import {ingestPdf} from '../../../src/ingest/pdf/ingest-pdf.js';
import type {ListBlock, ListItem} from '../../../src/model/document.js';
import {editionFile, fixture, PDF_2023, PDF_2024, SEED_2023, SEED_2024, sourceFile} from '../../helpers.js';

const layout = (name: string): string => fixture('pdf-layouts', name);
const expected = (JSON.parse(readFileSync(layout('objectives-2025-26.json'), 'utf8')) as {areas: {area: string; objectives: string[]}[]}).areas.flatMap((a) =>
  a.objectives.map((text) => [a.area, text]),
);

describe('ingestPdf: generated layouts (scripts/make-test-pdfs.ts)', () => {
  it('landscape page with a rotated side label: label set aside, every objective read with its area', async () => {
    const ed = await editionFile(layout('landscape-rotated-label.pdf'));
    expect(ed.objectives.map((o) => [o.area, o.text])).toEqual(expected);
    expect(ed.objectives.map((o) => o.text).join(' ')).not.toContain('Part A');
    expect(ed.diagnostics).toContainEqual(expect.objectContaining({code: 'rotated-text-dropped', page: 1, message: expect.stringMatching(/^Set aside \d+ character\(s\) of rotated text `/)}));
  });

  it('running headers and footers removed; a table split across pages with a repeated header read as one', async () => {
    const ed = await editionFile(layout('headers-footers-split-table.pdf'));
    expect(ed.objectives.map((o) => [o.area, o.text])).toEqual(expected);
    expect(new Set(ed.objectives.map((o) => o.provenance.page))).toEqual(new Set([1, 2]));
    expect(ed.objectives.map((o) => o.text).join(' ')).not.toMatch(/Page \d|CLA-SP-0425|County Libraries and Archives \|/);
    expect(ed.diagnostics.map((d) => d.code)).toContain('furniture-removed');
    expect(ed.diagnostics.map((d) => d.code)).not.toContain('count-mismatch'); // "14 objectives, covering 5 areas"
  });

  it('two columns of text are read left column first, then the table', async () => {
    const doc = await sourceFile(layout('two-columns.pdf'));
    const texts = doc.blocks.map((b) => (b.kind === 'table' ? 'TABLE' : b.kind === 'list' ? 'LIST' : b.text.slice(0, 12)));
    expect(texts).toEqual(['Briefing: li', 'LEFT COLUMN.', 'RIGHT COLUMN', 'TABLE']);
    expect((await editionFile(layout('two-columns.pdf'))).objectives.map((o) => [o.area, o.text])).toEqual(expected);
  });

  it('a table directly followed by two columns of text: the table ends where its columns end, the text stays text', async () => {
    const doc = await sourceFile(layout('table-then-two-columns.pdf'));
    const texts = doc.blocks.map((b) => (b.kind === 'table' ? 'TABLE' : b.kind === 'list' ? 'LIST' : b.text.slice(0, 12)));
    expect(texts).toEqual(['Service obje', 'TABLE', 'LEFT NOTES. ', 'RIGHT NOTES.']);
    expect((await editionFile(layout('table-then-two-columns.pdf'))).objectives.map((o) => [o.area, o.text])).toEqual(expected);
  });

  it('gives every objective its page and a bounding box', async () => {
    const ed = await editionFile(layout('landscape-rotated-label.pdf'));
    const first = ed.objectives[0]!.provenance;
    expect(first.page).toBe(1);
    expect(first.bbox).toHaveLength(4);
    const [x0, y0, x1, y1] = first.bbox!;
    expect(x0).toBeLessThan(x1);
    expect(y0).toBeLessThan(y1);
    expect(x1).toBeLessThanOrEqual(842);
  });
});

describe('ingestPdf: tables from geometry (LibreOffice and Chromium layouts)', () => {
  const tables = (doc: Awaited<ReturnType<typeof sourceFile>>) => doc.blocks.filter((b) => b.kind === 'table');
  const kinds = (doc: Awaited<ReturnType<typeof sourceFile>>): string[] =>
    doc.blocks.map((b) => (b.kind === 'table' ? `table:${b.method}:${b.pages?.join('-')}` : b.kind === 'list' ? 'list' : `${b.kind}:${b.text.slice(0, 20)}`));

  for (const [name, method] of [
    ['libreoffice-ruled-split.pdf', 'lattice'],
    ['libreoffice-unruled-split.pdf', 'stream'],
  ] as const) {
    it(`${name}: one ${method} table over both pages (columns 5.6 pt further right on page 2), two-column text before and after it kept as text`, async () => {
      const doc = await sourceFile(layout(name));
      expect(kinds(doc)).toEqual([
        'heading:Library and archives',
        'paragraph:This plan sets out w',
        'paragraph:are not repeated her',
        'paragraph:Money remains tight.',
        'paragraph:Volunteers continue ',
        'heading:Service objectives f',
        `table:${method}:1-2`,
        'heading:Looking ahead',
        'paragraph:Two things will shap',
        'paragraph:funded from 2026. Un',
      ]);
      const ed = await editionFile(layout(name));
      expect(ed.objectives.map((o) => [o.area, o.text])).toEqual(expected);
      expect(ed.objectives.at(-1)!.provenance.page).toBe(2);
      expect(ed.diagnostics.filter((d) => d.code === 'rotated-text-dropped').map((d) => d.message)).toEqual([
        'Set aside 14 character(s) of rotated text `Part A: services`',
        'Set aside 23 character(s) of rotated text `Part B: running the service`',
      ]);
    });
  }

  for (const [name, method] of [
    ['chromium-group-rows.pdf', 'lattice'],
    ['chromium-group-rows-unruled.pdf', 'stream'],
  ] as const) {
    it(`${name}: one ${method} table over three pages, the repeated header once, a group row per goal`, async () => {
      const framework = JSON.parse(readFileSync(layout('framework-2026-29.json'), 'utf8')) as {columns: string[]; goals: {goal: string; rows: string[][]}[]};
      const doc = await sourceFile(layout(name));
      const [table, ...others] = tables(doc);
      expect(others).toEqual([]);
      expect(table).toMatchObject({method, pages: [1, 3], columns: 2});
      expect(table!.header.map((r) => r.cells.map((c) => c.text))).toEqual([framework.columns]);
      const rows = table!.rows.map((r) => (r.section ? `§ ${r.cells[0]!.text}` : r.cells.map((c) => c.text).join(' | ')));
      expect(rows).toEqual(framework.goals.flatMap((g) => [`§ ${g.goal}`, ...g.rows.map((r) => r.join(' | '))]));
      expect(doc.diagnostics.map((d) => d.code)).not.toContain('furniture-removed');
      const ed = await editionFile(layout(name));
      expect(ed.objectives.map((o) => [o.area, o.text])).toEqual(framework.goals.flatMap((g) => g.rows.map((r) => [g.goal, r[0]])));
    });
  }

  it('chromium-japanese-table.pdf: cells of Japanese text joined without spaces where they wrap', async () => {
    const doc = await sourceFile(layout('chromium-japanese-table.pdf'));
    const [table] = tables(doc);
    expect(table!.method).toBe('lattice');
    // "延⻑": Chromium's font subset maps the glyph of 長 to the radical U+2ED1, which has no compatibility
    // mapping to fold (Kangxi radicals, U+2F00–U+2FDF, are folded: "⽴" in the title reads "立").
    expect(table!.rows.map((r) => r.cells.map((c) => (c.spannedFrom ? '↑' : c.text)))).toEqual([
      ['開館時間と利用しやすさ', '2025年9月までに、20館のうち12館以上で平日の開館時間を午後8時まで延⻑する'],
      ['↑', '予約資料の平均待ち日数を2025年度中に9日以内に短縮する'],
      ['読書と学び', '夏休み読書チャレンジを完走する子どもを14,000人に増やす'],
      ['↑', '2025年12月までに、65歳以上を対象とした無料のデジタル講座を600回開催する'],
      ['資料とアーカイブ', '2026年3月までに、古文書の40%をデジタル化してオンラインで公開する'],
    ]);
  });
});

describe('ingestPdf: running text as headings, labelled and nested lists (scripts/make-test-pdfs.ts)', () => {
  const outline = (items: readonly ListItem[], depth = 0): string[] => items.flatMap((i) => [`${'  '.repeat(depth)}${i.text}`, ...outline(i.items, depth + 1)]);
  // Chromium draws bullets as shapes (the items are found by their indent); LibreOffice writes them as text.
  for (const name of ['chromium-lists.pdf', 'libreoffice-lists.pdf']) {
    it(`${name}: heading levels by size, bold labels as headings above their lists, wrapped items joined, numbered items nested`, async () => {
      const doc = await sourceFile(layout(name));
      const shape = doc.blocks.map((b) => (b.kind === 'heading' ? `h${b.level} ${b.text}` : b.kind === 'list' ? `${b.ordered ? 'ol' : 'ul'} [${b.path.join(' › ')}]` : b.kind));
      expect(shape).toEqual([
        'h1 Riverside Leisure Services Plan 2026 to 2028',
        'paragraph',
        'h2 What we will deliver',
        'h3 Swimming and water safety',
        'ul [Riverside Leisure Services Plan 2026 to 2028 › What we will deliver › Swimming and water safety]',
        'h3 Parks and open spaces',
        'ul [Riverside Leisure Services Plan 2026 to 2028 › What we will deliver › Parks and open spaces]',
        'h2 How we will measure progress',
        'ol [Riverside Leisure Services Plan 2026 to 2028 › How we will measure progress]',
        'paragraph',
      ]);
      const lists = doc.blocks.filter((b): b is ListBlock => b.kind === 'list');
      expect(outline(lists[0]!.items)).toEqual([
        'Teach 2,000 primary school children to swim 25 metres unaided by the end of year 6, working with every school in the district and with the county swimming association',
        'Reopen the Millbrook learner pool after its refurbishment',
      ]);
      expect(lists[1]!.items).toHaveLength(3);
      expect(outline(lists[2]!.items)).toEqual([
        'Participation',
        '  Increase visits to leisure centres to 1.2 million a year',
        '  Raise the number of adults holding a concession card to 9,000',
        'Satisfaction',
        '  Keep customer satisfaction above 85%',
      ]);
      expect(lists[2]!.items[0]!.items.map((i) => i.marker)).toEqual(['a.', 'b.']);
    });
  }
});

describe('ingestPdf: every script, text outside the content stream, and files readers accept', () => {
  const texts = (doc: Awaited<ReturnType<typeof sourceFile>>): string[] => doc.blocks.filter((b) => b.kind !== 'table').map((b) => (b as {text: string}).text);

  it('reads Chinese in a non-embedded font with a predefined CMap (pdf.js cmaps/), wrapped lines joined without a space', async () => {
    const doc = await sourceFile(layout('cjk-cmap.pdf'));
    expect(texts(doc)).toEqual(['图书馆服务计划', '本计划列出图书馆在本年度的主要目标，并说明每项目标的期限和衡量方法。']);
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(JSON.stringify(table)).toContain('暑期阅读活动参加人数增加到一万四千人');
  });

  it('reads Japanese with full-width punctuation kept and no spaces where lines wrap', async () => {
    const doc = await sourceFile(layout('chromium-japanese-table.pdf'));
    expect(texts(doc)[0]).toBe('市立図書館サービス計画(2025年度)');
    expect(texts(doc)[1]).toBe(
      'この計画は、市立図書館が2025年度に取り組む目標をまとめたものです。各目標には期限と数値を定め、四半期ごとに進捗を公表します。利用者や職員からの意見は、次の計画の見直しに生かします。',
    );
  });

  it('reads the text of a FreeText annotation and a form field on a page with no text of its own, and says so', async () => {
    const result = await ingestPdf(new Uint8Array(readFileSync(layout('annotations-and-fields.pdf'))), {file: 'a.pdf'});
    expect(result.value!.blocks.map((b) => (b as {text: string}).text)).toEqual([
      'Reviewed by the branch manager: extend Saturday opening at Northgate library',
      'Reduce the average wait for a reserved book to 9 days',
    ]);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({code: 'pdf-annotation-text', severity: 'info'}));
  });

  it('reads a PDF without its %PDF- signature line as PDF, with a note', async () => {
    const doc = await sourceFile(layout('headerless.pdf'));
    expect(doc.format).toBe('pdf');
    expect(texts(doc)).toEqual(['A PDF without its signature line']);
    expect(doc.diagnostics.map((d) => d.code)).toContain('pdf-no-header');
  });

  it('reads a document whose only encrypted part is an attachment', async () => {
    const doc = await sourceFile(layout('attachment-encrypted.pdf'));
    expect(texts(doc)).toEqual(['The document is plain; only its attachment is encrypted.']);
    expect(doc.diagnostics.map((d) => d.code)).toContain('pdf-attachment-encrypted');
  });

  it('reads pages whose text all runs sideways turned, and a page holding only its number', async () => {
    const doc = await sourceFile(layout('rotated-pages.pdf'));
    expect(texts(doc)).toEqual([
      'Page one is displayed turned by a quarter and its two lines are upright on the page',
      'Page two was printed sideways: its lines run up the page, one after another, from left to right.',
      '3',
    ]);
    expect(doc.diagnostics.filter((d) => d.code === 'page-turned').map((d) => d.page)).toEqual([1, 2]);
  });
});

describe('ingestPdf: the renditions of the seed editions', () => {
  it('extracts the same objectives from the PDFs as from the text and Markdown sources', async () => {
    const pairs = [
      [PDF_2023, SEED_2023],
      [PDF_2024, SEED_2024],
    ] as const;
    for (const [pdf, text] of pairs) {
      const fromPdf = (await editionFile(pdf)).objectives.map((o) => [o.area, o.text]);
      const fromText = (await editionFile(text)).objectives.map((o) => [o.area, o.text]);
      expect(fromPdf).toEqual(fromText);
    }
  });
});

describe('ingestPdf: large documents on worker threads', () => {
  it('reads a 72-page PDF the same on one thread and on two', async () => {
    const {PDFDocument} = await import('pdf-lib');
    const source = await PDFDocument.load(readFileSync(PDF_2024));
    const big = await PDFDocument.create();
    for (let k = 0; k < 3; k++) for (const page of await big.copyPages(source, source.getPageIndices())) big.addPage(page);
    const bytes = new Uint8Array(await big.save());
    const one = await ingestPdf(bytes, {file: 'big.pdf', threads: 1});
    const two = await ingestPdf(bytes, {file: 'big.pdf', threads: 2});
    expect(one.value!.pages).toBe(72);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });
});

describe('ingestPdf: a page that draws a great deal', () => {
  it('stops reading a drawing past MAX_DRAWING_OPS operators, with a warning, and still reads the text', async () => {
    const {PDFDocument, StandardFonts} = await import('pdf-lib');
    const {MAX_DRAWING_OPS} = await import('../../../src/ingest/pdf/read-pages.js');
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    const font = await doc.embedFont(StandardFonts.Helvetica);
    // Lines with column gaps (where a ruled table may be), then a chart of many short strokes.
    for (let k = 0; k < 4; k++) {
      page.drawText(`Row ${k}`, {x: 50, y: 780 - 20 * k, size: 10, font});
      page.drawText(`Value ${k}`, {x: 300, y: 780 - 20 * k, size: 10, font});
    }
    for (let k = 0; k < MAX_DRAWING_OPS / 2; k++) page.drawLine({start: {x: 50 + (k % 400), y: 100}, end: {x: 51 + (k % 400), y: 300}, thickness: 0.1});
    const result = await ingestPdf(new Uint8Array(await doc.save()), {file: 'chart.pdf'});
    expect(result.diagnostics).toContainEqual(expect.objectContaining({code: 'pdf-drawing-skipped', severity: 'warning', page: 1}));
    expect(JSON.stringify(result.value!.blocks)).toContain('Value 3');
  });
});

describe('PdfReader', () => {
  it('reads the same pages when it reopens the document every few pages', async () => {
    const {PdfReader} = await import('../../../src/ingest/pdf/read-pages.js');
    const bytes = new Uint8Array(readFileSync(PDF_2024));
    const once = await PdfReader.open(bytes, 'a.pdf');
    const often = await PdfReader.open(bytes, 'a.pdf', {reopenEvery: 5});
    if (!once.ok || !often.ok) throw new Error('cannot open');
    const a = await once.reader.read();
    const b = await often.reader.read([1, 12]);
    const c = await often.reader.read([13, 24]);
    await once.reader.close();
    await often.reader.close();
    expect(JSON.stringify([...b.pages, ...c.pages])).toBe(JSON.stringify(a.pages));
    expect(a.pages).toHaveLength(24);
  });
});

describe('ingestPdf: documents that cannot be read', () => {
  const read = async (bytes: Uint8Array) => ingestPdf(bytes, {file: 'x.pdf'});

  it('says an encrypted PDF needs a password', async () => {
    const result = await read(new Uint8Array(readFileSync(layout('encrypted.pdf'))));
    expect(result).toMatchObject({status: 'failure', diagnostics: [{code: 'pdf-encrypted', message: 'Cannot read PDF: it is encrypted (password required)'}]});
  });

  it('says a scan with no text layer needs OCR', async () => {
    const result = await read(new Uint8Array(readFileSync(layout('scanned-no-text.pdf'))));
    expect(result.diagnostics.at(-1)).toMatchObject({code: 'pdf-no-text', message: expect.stringContaining('OCR is needed')});
  });

  it('says a truncated or corrupt PDF is corrupt', async () => {
    const pdf = new Uint8Array(readFileSync(PDF_2023));
    for (const bytes of [pdf.slice(0, 600), pdf.slice(0, 30_000), new TextEncoder().encode(`%PDF-1.7\n${'x'.repeat(2000)}`)]) {
      expect(await read(bytes)).toMatchObject({status: 'failure', diagnostics: [{code: 'pdf-corrupt', message: 'Cannot read PDF: it is corrupt or truncated (Invalid PDF structure.)'}]});
    }
  });

  it('leaves the caller’s bytes usable (pdf.js transfers what it is given)', async () => {
    const bytes = new Uint8Array(readFileSync(layout('two-columns.pdf')));
    await read(bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
  });
});
