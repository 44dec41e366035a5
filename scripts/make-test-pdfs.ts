// Makes the layout test PDFs in test/fixtures/pdf-layouts/ with pdf-lib (standard Helvetica, no font files).
// Each PDF exercises one difficulty of real guidance PDFs. Run: `npm run fixtures:pdf`.
// Output is deterministic (fixed dates, no random ids): running it again gives byte-identical files.
import {execFileSync} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {degrees, PDFDocument, PDFFont, PDFPage, rgb, StandardFonts} from 'pdf-lib';

const OUT = join(import.meta.dirname, '..', 'test', 'fixtures', 'pdf-layouts');
const EPOCH = new Date('2025-01-01T00:00:00Z');

/** A fictional 2025/26 edition: the same shape as NHS England's tables, wording of its own. */
const OBJECTIVES_2025: readonly [area: string, objectives: readonly string[]][] = (
  JSON.parse(readFileSync(join(OUT, 'objectives-2025-26.json'), 'utf8')) as {areas: {area: string; objectives: string[]}[]}
).areas.map((a) => [a.area, a.objectives]);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

async function newDocument(title: string): Promise<{doc: PDFDocument; fonts: Fonts}> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setAuthor('guidance-diff test fixtures');
  doc.setProducer('pdf-lib (scripts/make-test-pdfs.ts)');
  doc.setCreator('guidance-diff');
  doc.setCreationDate(EPOCH);
  doc.setModificationDate(EPOCH);
  return {doc, fonts: {regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold)}};
}

async function save(doc: PDFDocument, name: string): Promise<void> {
  const bytes = await doc.save({useObjectStreams: false});
  writeFileSync(join(OUT, name), bytes);
  console.log(`wrote test/fixtures/pdf-layouts/${name} (${bytes.length} bytes)`);
}

interface TableGeometry {
  left: number;
  areaWidth: number;
  objectiveWidth: number;
  size: number;
  leading: number;
  padding: number;
  bullets: boolean;
}

/**
 * Draw the objectives table from `top` down, one row per objective, the area only on its first row (as a
 * row-spanning cell), with rules between rows. Starts new pages as needed through `nextPage`, repeating the
 * header row there. Returns the last page and the y where the table ended.
 */
function drawTable(
  start: {page: PDFPage; top: number},
  fonts: Fonts,
  g: TableGeometry,
  bottom: number,
  nextPage: () => {page: PDFPage; top: number},
): {page: PDFPage; y: number} {
  let {page, top: y} = start;
  const header = (): void => {
    page.drawText('Area', {x: g.left + g.padding, y: y - g.size, size: g.size, font: fonts.bold});
    page.drawText('Objective', {x: g.left + g.areaWidth + g.padding, y: y - g.size, size: g.size, font: fonts.bold});
    y -= g.size + 2 * g.padding;
    page.drawLine({start: {x: g.left, y}, end: {x: g.left + g.areaWidth + g.objectiveWidth, y}, thickness: 0.8});
  };
  header();
  for (const [area, objectives] of OBJECTIVES_2025) {
    let areaLines = wrap(area, fonts.bold, g.size, g.areaWidth - 2 * g.padding);
    for (const objective of objectives) {
      const indent = g.bullets ? 12 : 0;
      const lines = wrap(objective, fonts.regular, g.size, g.objectiveWidth - 2 * g.padding - indent);
      const height = Math.max(lines.length, areaLines.length) * g.leading + 2 * g.padding;
      if (y - height < bottom) {
        ({page, top: y} = nextPage());
        header();
      }
      let ly = y - g.padding - g.size;
      for (const line of areaLines) {
        page.drawText(line, {x: g.left + g.padding, y: ly, size: g.size, font: fonts.bold});
        ly -= g.leading;
      }
      ly = y - g.padding - g.size;
      lines.forEach((line, k) => {
        if (g.bullets && k === 0) page.drawText('•', {x: g.left + g.areaWidth + g.padding, y: ly, size: g.size, font: fonts.regular});
        page.drawText(line, {x: g.left + g.areaWidth + g.padding + indent, y: ly, size: g.size, font: fonts.regular});
        ly -= g.leading;
      });
      y -= height;
      page.drawLine({start: {x: g.left + g.areaWidth, y}, end: {x: g.left + g.areaWidth + g.objectiveWidth, y}, thickness: 0.4, color: rgb(0.5, 0.5, 0.5)});
      areaLines = [];
    }
    page.drawLine({start: {x: g.left, y}, end: {x: g.left + g.areaWidth + g.objectiveWidth, y}, thickness: 0.8});
  }
  return {page, y};
}

/** Landscape pages, a rotated side label beside the table, wrapped cells and bullets. */
async function landscapeRotatedLabel(): Promise<void> {
  const {doc, fonts} = await newDocument('National objectives 2025/26 (landscape)');
  const page = doc.addPage([842, 595]);
  page.drawText('National NHS objectives 2025/26', {x: 90, y: 550, size: 18, font: fonts.bold});
  page.drawText('Recovering our core services and improving productivity', {x: 60, y: 80, size: 12, font: fonts.bold, rotate: degrees(90)});
  const pages = [page];
  drawTable({page, top: 520}, fonts, {left: 90, areaWidth: 150, objectiveWidth: 420, size: 10, leading: 12, padding: 5, bullets: true}, 40, () => {
    const next = doc.addPage([842, 595]);
    next.drawText('Recovering our core services and improving productivity', {x: 60, y: 80, size: 12, font: fonts.bold, rotate: degrees(90)});
    pages.push(next);
    return {page: next, top: 550};
  });
  await save(doc, 'landscape-rotated-label.pdf');
}

/** Running headers and footers with page numbers; the table split across three pages with a repeated header row. */
async function headersFootersSplitTable(): Promise<void> {
  const {doc, fonts} = await newDocument('Priorities and operational planning guidance 2025/26');
  const pages: PDFPage[] = [];
  const addPage = (): {page: PDFPage; top: number} => {
    const page = doc.addPage([595, 842]);
    pages.push(page);
    return {page, top: 760};
  };
  const first = addPage();
  first.page.drawText('Priorities and operational planning guidance 2025/26', {x: 60, y: 730, size: 16, font: fonts.bold});
  const intro = 'The table below sets out the national objectives for 2025/26. These will be the basis for how we assess the performance of the NHS alongside local priorities. The guidance includes 14 objectives, covering 5 areas.';
  wrap(intro, fonts.regular, 11, 470).forEach((line, k) => first.page.drawText(line, {x: 60, y: 700 - k * 14, size: 11, font: fonts.regular}));
  const end = drawTable({page: first.page, top: 640}, fonts, {left: 60, areaWidth: 140, objectiveWidth: 330, size: 10, leading: 12, padding: 6, bullets: false}, 330, addPage);
  end.page.drawText('Planning for the future', {x: 60, y: end.y - 40, size: 14, font: fonts.bold});
  end.page.drawText('Systems are asked to take account of the forthcoming strategy.', {x: 60, y: end.y - 60, size: 11, font: fonts.regular});
  pages.forEach((page, k) => {
    page.drawText('NHS England  |  Planning guidance 2025/26', {x: 60, y: 805, size: 8, font: fonts.regular, color: rgb(0.4, 0.4, 0.4)});
    page.drawText('Publication reference: PRN01234', {x: 60, y: 30, size: 8, font: fonts.regular, color: rgb(0.4, 0.4, 0.4)});
    page.drawText(`Page ${k + 1} of ${pages.length}`, {x: 490, y: 30, size: 8, font: fonts.regular, color: rgb(0.4, 0.4, 0.4)});
  });
  await save(doc, 'headers-footers-split-table.pdf');
}

/** Two columns of running text before a full-width objectives table. */
async function twoColumns(): Promise<void> {
  const {doc, fonts} = await newDocument('Briefing: planning guidance 2025/26');
  const page = doc.addPage([595, 842]);
  page.drawText('Briefing: planning guidance 2025/26', {x: 50, y: 780, size: 16, font: fonts.bold});
  const left =
    'LEFT COLUMN. NHS England has published its planning guidance for 2025/26. It sets a smaller number of national objectives than in previous years and asks systems to focus on urgent care, elective waits and finances. The first column continues down the page before the reader moves across.';
  const right =
    'RIGHT COLUMN. The second column is read after the first. Systems must submit plans that balance activity, workforce and money, and boards must sign them off. The objectives table follows below the two columns of text.';
  wrap(left, fonts.regular, 10, 230).forEach((line, k) => page.drawText(line, {x: 50, y: 740 - k * 13, size: 10, font: fonts.regular}));
  wrap(right, fonts.regular, 10, 230).forEach((line, k) => page.drawText(line, {x: 315, y: 740 - k * 13, size: 10, font: fonts.regular}));
  drawTable({page, top: 600}, fonts, {left: 50, areaWidth: 150, objectiveWidth: 345, size: 9, leading: 11, padding: 5, bullets: false}, 30, () => {
    const next = doc.addPage([595, 842]);
    return {page: next, top: 790};
  });
  await save(doc, 'two-columns.pdf');
}

/** A page with an image and no text layer, as a scanner makes. */
async function scanned(): Promise<void> {
  const {doc} = await newDocument('Scanned guidance');
  const page = doc.addPage([595, 842]);
  page.drawRectangle({x: 60, y: 600, width: 470, height: 180, color: rgb(0.85, 0.85, 0.85)});
  page.drawLine({start: {x: 60, y: 690}, end: {x: 530, y: 690}, thickness: 2});
  await save(doc, 'scanned-no-text.pdf');
}

/** The split-table PDF encrypted with a user password, by qpdf (Debian package qpdf). */
function encrypted(): void {
  const source = join(OUT, 'headers-footers-split-table.pdf');
  const target = join(OUT, 'encrypted.pdf');
  // RC4-128 with --static-id keeps the output byte-identical between runs (AES draws a random IV); the
  // fixture only has to be encrypted, not strong.
  execFileSync('qpdf', ['--static-id', '--allow-weak-crypto', '--encrypt', 'user-secret', 'owner-secret', '128', '--use-aes=n', '--', source, target]);
  console.log('wrote test/fixtures/pdf-layouts/encrypted.pdf (qpdf)');
}

mkdirSync(OUT, {recursive: true});
await landscapeRotatedLabel();
await headersFootersSplitTable();
await twoColumns();
await scanned();
encrypted();
