import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import {ingestPdf} from '../../../src/ingest/pdf/ingest-pdf.js';
import {editionFile, fixture, PDF_2023, PDF_2024, SEED_2023, SEED_2024, sourceFile} from '../../helpers.js';

const layout = (name: string): string => fixture('pdf-layouts', name);
const expected = (JSON.parse(readFileSync(layout('objectives-2025-26.json'), 'utf8')) as {areas: {area: string; objectives: string[]}[]}).areas.flatMap((a) =>
  a.objectives.map((text) => [a.area, text]),
);

describe('ingestPdf: generated layouts (scripts/make-test-pdfs.ts)', () => {
  it('landscape page with a rotated side label: label set aside, every objective read with its area', async () => {
    const ed = await editionFile(layout('landscape-rotated-label.pdf'));
    expect(ed.objectives.map((o) => [o.area, o.text])).toEqual(expected);
    expect(ed.objectives.map((o) => o.text).join(' ')).not.toContain('Recovering');
    expect(ed.diagnostics).toContainEqual(expect.objectContaining({code: 'rotated-text-dropped', page: 1, message: 'Set aside rotated text `Recovering our core services and improving productivity`'}));
  });

  it('running headers and footers removed; a table split across pages with a repeated header read as one', async () => {
    const ed = await editionFile(layout('headers-footers-split-table.pdf'));
    expect(ed.objectives.map((o) => [o.area, o.text])).toEqual(expected);
    expect(new Set(ed.objectives.map((o) => o.provenance.page))).toEqual(new Set([1, 2]));
    expect(ed.objectives.map((o) => o.text).join(' ')).not.toMatch(/Page \d|PRN01234|NHS England \|/);
    expect(ed.diagnostics.map((d) => d.code)).toContain('furniture-removed');
    expect(ed.diagnostics.map((d) => d.code)).not.toContain('count-mismatch'); // "14 objectives, covering 5 areas"
  });

  it('two columns of text are read left column first, then the table', async () => {
    const doc = await sourceFile(layout('two-columns.pdf'));
    const texts = doc.blocks.map((b) => (b.kind === 'table' ? 'TABLE' : b.kind === 'list' ? 'LIST' : b.text.slice(0, 12)));
    expect(texts).toEqual(['Briefing: pl', 'LEFT COLUMN.', 'RIGHT COLUMN', 'TABLE']);
    expect((await editionFile(layout('two-columns.pdf'))).objectives.map((o) => [o.area, o.text])).toEqual(expected);
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
