// Makes the layout test PDFs in test/fixtures/pdf-layouts/ with real tools: pdf-lib (standard Helvetica,
// no font files; and a CJK font named, not embedded, so that only pdf.js's CMaps can read it), LibreOffice
// (`soffice --headless --convert-to pdf` from flat ODT written here), Chromium (`--print-to-pdf` from HTML
// written here) and qpdf. Each PDF exercises one difficulty of real guidance PDFs. Run: `npm run fixtures:pdf`.
// Output is deterministic: pdf-lib's files use fixed dates and no random ids, and the LibreOffice and
// Chromium files are re-saved by pdf-lib with fixed dates, no /ID and no XMP (same tool versions, same
// bytes: LibreOffice 7.4 and Chromium 156 on Debian 12 made the committed ones). SHA-256 of every file is
// written to test/fixtures/pdf-layouts/SHA256SUMS.
import {createHash} from 'node:crypto';
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {
  beginText,
  degrees,
  endText,
  moveText,
  PDFDocument,
  PDFFont,
  PDFHexString,
  PDFName,
  PDFPage,
  PDFString,
  rgb,
  setFontAndSize,
  showText,
  StandardFonts,
} from 'pdf-lib';

const OUT = join(import.meta.dirname, '..', 'test', 'fixtures', 'pdf-layouts');
const EPOCH = new Date('2025-01-01T00:00:00Z');

/** An invented 2025/26 service plan (a county library and archives service): areas of objectives with targets and deadlines. */
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
  const {doc, fonts} = await newDocument('Service objectives 2025/26 (landscape)');
  const page = doc.addPage([842, 595]);
  page.drawText('County library and archives service: objectives 2025/26', {x: 90, y: 550, size: 18, font: fonts.bold});
  page.drawText('Part A: services to the public and to researchers', {x: 60, y: 80, size: 12, font: fonts.bold, rotate: degrees(90)});
  const pages = [page];
  drawTable({page, top: 520}, fonts, {left: 90, areaWidth: 150, objectiveWidth: 420, size: 10, leading: 12, padding: 5, bullets: true}, 40, () => {
    const next = doc.addPage([842, 595]);
    next.drawText('Part A: services to the public and to researchers', {x: 60, y: 80, size: 12, font: fonts.bold, rotate: degrees(90)});
    pages.push(next);
    return {page: next, top: 550};
  });
  await save(doc, 'landscape-rotated-label.pdf');
}

/** Running headers and footers with page numbers; the table split across three pages with a repeated header row. */
async function headersFootersSplitTable(): Promise<void> {
  const {doc, fonts} = await newDocument('Library and archives service plan 2025/26');
  const pages: PDFPage[] = [];
  const addPage = (): {page: PDFPage; top: number} => {
    const page = doc.addPage([595, 842]);
    pages.push(page);
    return {page, top: 760};
  };
  const first = addPage();
  first.page.drawText('Library and archives service plan 2025/26', {x: 60, y: 730, size: 16, font: fonts.bold});
  const intro = 'The table below sets out the service objectives for 2025/26. The cabinet member will review progress against them each quarter, alongside the branch plans. The plan includes 14 objectives, covering 5 areas.';
  wrap(intro, fonts.regular, 11, 470).forEach((line, k) => first.page.drawText(line, {x: 60, y: 700 - k * 14, size: 11, font: fonts.regular}));
  const end = drawTable({page: first.page, top: 640}, fonts, {left: 60, areaWidth: 140, objectiveWidth: 330, size: 10, leading: 12, padding: 6, bullets: false}, 330, addPage);
  end.page.drawText('Looking ahead', {x: 60, y: end.y - 40, size: 14, font: fonts.bold});
  end.page.drawText('Branches are asked to take account of the forthcoming digital strategy.', {x: 60, y: end.y - 60, size: 11, font: fonts.regular});
  pages.forEach((page, k) => {
    page.drawText('County Libraries and Archives  |  Service plan 2025/26', {x: 60, y: 805, size: 8, font: fonts.regular, color: rgb(0.4, 0.4, 0.4)});
    page.drawText('Document reference: CLA-SP-0425', {x: 60, y: 30, size: 8, font: fonts.regular, color: rgb(0.4, 0.4, 0.4)});
    page.drawText(`Page ${k + 1} of ${pages.length}`, {x: 490, y: 30, size: 8, font: fonts.regular, color: rgb(0.4, 0.4, 0.4)});
  });
  await save(doc, 'headers-footers-split-table.pdf');
}

/** Two columns of running text before a full-width objectives table. */
async function twoColumns(): Promise<void> {
  const {doc, fonts} = await newDocument('Briefing: library service plan 2025/26');
  const page = doc.addPage([595, 842]);
  page.drawText('Briefing: library service plan 2025/26', {x: 50, y: 780, size: 16, font: fonts.bold});
  const left =
    'LEFT COLUMN. The county council has published its library and archives service plan for 2025/26. It sets fewer objectives than in previous years and asks branches to focus on opening hours, reading and the archive backlog. The first column continues down the page before the reader moves across.';
  const right =
    'RIGHT COLUMN. The second column is read after the first. Branch managers must submit plans that balance opening hours, staffing and money, and the cabinet must sign them off. The objectives table follows below the two columns of text.';
  wrap(left, fonts.regular, 10, 230).forEach((line, k) => page.drawText(line, {x: 50, y: 740 - k * 13, size: 10, font: fonts.regular}));
  wrap(right, fonts.regular, 10, 230).forEach((line, k) => page.drawText(line, {x: 315, y: 740 - k * 13, size: 10, font: fonts.regular}));
  drawTable({page, top: 600}, fonts, {left: 50, areaWidth: 150, objectiveWidth: 345, size: 9, leading: 11, padding: 5, bullets: false}, 30, () => {
    const next = doc.addPage([595, 842]);
    return {page: next, top: 790};
  });
  await save(doc, 'two-columns.pdf');
}

/**
 * The table first, then two columns of running text directly below it on the same page (no heading, an
 * ordinary paragraph gap): the text must stay text, and the table end where its columns end.
 */
async function tableThenTwoColumns(): Promise<void> {
  const {doc, fonts} = await newDocument('Service objectives, then notes in two columns');
  const page = doc.addPage([595, 842]);
  page.drawText('Service objectives 2025/26', {x: 50, y: 790, size: 16, font: fonts.bold});
  const end = drawTable({page, top: 770}, fonts, {left: 50, areaWidth: 150, objectiveWidth: 345, size: 9, leading: 11, padding: 5, bullets: false}, 30, () => {
    throw new Error('the table must fit on one page');
  });
  const left =
    'LEFT NOTES. Progress against each objective is reported to the cabinet member every quarter. Where an objective slips, the branch manager explains why and what will be done, and the next report says whether it worked.';
  const right =
    'RIGHT NOTES. Targets for the archives assume the current grant continues. If it does not, the digitisation objective will be reviewed first, and readers will be told through the service newsletter.';
  const top = end.y - 22;
  wrap(left, fonts.regular, 10, 230).forEach((line, k) => page.drawText(line, {x: 50, y: top - k * 13, size: 10, font: fonts.regular}));
  wrap(right, fonts.regular, 10, 230).forEach((line, k) => page.drawText(line, {x: 315, y: top - k * 13, size: 10, font: fonts.regular}));
  await save(doc, 'table-then-two-columns.pdf');
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

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Re-save a PDF made by another tool with fixed dates, no /ID and no XMP metadata, so that it is byte-stable. */
async function normalise(bytes: Uint8Array, title: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, {updateMetadata: false});
  doc.setTitle(title);
  doc.setCreationDate(EPOCH);
  doc.setModificationDate(EPOCH);
  delete doc.context.trailerInfo.ID;
  doc.catalog.delete(PDFName.of('Metadata'));
  return doc.save({useObjectStreams: false});
}

/** Convert a flat ODT document with LibreOffice (Debian package libreoffice-writer) and save it normalised. */
async function libreOffice(fodt: string, name: string, title: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'make-test-pdfs-'));
  try {
    const source = join(dir, name.replace(/\.pdf$/, '.fodt'));
    writeFileSync(source, fodt);
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, source], {stdio: 'ignore'});
    const bytes = await normalise(readFileSync(join(dir, name)), title);
    writeFileSync(join(OUT, name), bytes);
    console.log(`wrote test/fixtures/pdf-layouts/${name} (LibreOffice, ${bytes.length} bytes)`);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

/** Convert an HTML page with LibreOffice Writer (imported as a Writer document, not Writer/Web) and save it normalised. */
async function libreOfficeHtml(html: string, name: string, title: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'make-test-pdfs-'));
  try {
    const source = join(dir, name.replace(/\.pdf$/, '.html'));
    writeFileSync(source, html);
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--infilter=HTML (StarWriter)', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', dir, source],
      {stdio: 'ignore'},
    );
    const bytes = await normalise(readFileSync(join(dir, name)), title);
    writeFileSync(join(OUT, name), bytes);
    console.log(`wrote test/fixtures/pdf-layouts/${name} (LibreOffice, ${bytes.length} bytes)`);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

/** Print an HTML page with Chromium (Debian package chromium) and save it normalised. */
async function chromium(html: string, name: string, title: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'make-test-pdfs-'));
  try {
    const source = join(dir, name.replace(/\.pdf$/, '.html'));
    writeFileSync(source, html);
    execFileSync(
      'chromium',
      ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${join(dir, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${join(dir, name)}`, `file://${source}`],
      {stdio: 'ignore'},
    );
    const bytes = await normalise(readFileSync(join(dir, name)), title);
    writeFileSync(join(OUT, name), bytes);
    console.log(`wrote test/fixtures/pdf-layouts/${name} (Chromium, ${bytes.length} bytes)`);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

/**
 * The service plan as LibreOffice lays it out (flat ODT): A4 landscape with mirrored margins (so the table's
 * columns start a few points further right on page 2), running header and footer, two-column body text
 * before the table and after it on the table's last page, a rotated side label per part of the table,
 * area cells spanning their objectives' rows, the table split across the page break with its header row
 * repeated and an area's rows split between the pages. `ruled`: cell borders drawn (lattice); otherwise
 * none (stream).
 */
function servicePlanFodt(ruled: boolean): string {
  const border = ruled ? '0.5pt solid #000000' : 'none';
  const areas = OBJECTIVES_2025;
  const parts: [string, typeof areas][] = [
    ['Part A: services', areas.slice(0, 3)],
    ['Part B: running the service', areas.slice(3)],
  ];
  let rows = '';
  for (const [label, partAreas] of parts) {
    const span = partAreas.reduce((n, [, objectives]) => n + objectives.length, 0);
    let first = true;
    for (const [area, objectives] of partAreas) {
      objectives.forEach((objective, k) => {
        rows += '<table:table-row table:style-name="Row">';
        rows += first
          ? `<table:table-cell table:style-name="Side" table:number-rows-spanned="${span}" office:value-type="string"><text:p text:style-name="SideP">${escapeXml(label)}</text:p></table:table-cell>`
          : '<table:covered-table-cell/>';
        first = false;
        rows +=
          k === 0
            ? `<table:table-cell table:style-name="Cell" table:number-rows-spanned="${objectives.length}" office:value-type="string"><text:p text:style-name="AreaP">${escapeXml(area)}</text:p></table:table-cell>`
            : '<table:covered-table-cell/>';
        rows += `<table:table-cell table:style-name="Cell" office:value-type="string"><text:p text:style-name="Body">${escapeXml(objective)}</text:p></table:table-cell></table:table-row>\n`;
      });
    }
  }
  const para = (text: string, style = 'Body'): string => `<text:p text:style-name="${style}">${escapeXml(text)}</text:p>\n`;
  const intro = [
    'This plan sets out what the county library and archives service will deliver in 2025/26. It follows a year in which visits to branches recovered to their level before the pandemic, while the archive search room reopened on three days a week.',
    'The objectives below are grouped into five areas. Each has a measure that the cabinet member will review every quarter, alongside the branch plans that managers prepare in the spring. Where an objective depends on money from outside the council, the plan says so.',
    'Branch managers asked for fewer objectives than in previous years, with clearer deadlines. The plan therefore holds fourteen objectives, against twenty-two last year. Several earlier objectives are now part of routine reporting and are not repeated here.',
    'The service will publish its progress on the council website each quarter, in a table that follows the layout of this plan.',
    'Money remains tight. The service’s net budget is lower in real terms than five years ago, and the plan assumes no new posts. Savings from the new heating systems and from fewer temporary staff are expected to cover the rise in running costs, but not more.',
    'Volunteers continue to play a large part, especially in the archives, where they index registers and photographs. The plan does not set a target for volunteer hours, but the service will report them alongside the objectives.',
  ];
  const after = [
    'Two things will shape the next plan. The first is the review of the mobile library routes, due to report in the autumn; its findings may change where and how often the vehicles stop, and so the opening-hours objectives.',
    'The second is the council’s digital strategy, which will set out how the online catalogue, the e-book platform and the archive’s digitised collections are funded from 2026. Until it is agreed, the digitisation targets in this plan assume that the current grant continues at its present level.',
    'Comments on this plan are welcome from readers, researchers and staff. They can be sent to the service’s planning team at any branch or through the council website, and will be considered when the plan is reviewed in the new year.',
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.15cm"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="10pt" fo:language="en" fo:country="GB"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.15cm"/></style:style>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="18pt" fo:font-weight="bold"/></style:style>
<style:style style:name="H2" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>
<style:style style:name="HeadP" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="AreaP" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="SideP" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="11pt" fo:font-weight="bold" style:text-rotation-angle="90" style:text-rotation-scale="line-height"/></style:style>
<style:style style:name="Furniture" style:family="paragraph"><style:text-properties fo:font-size="8pt" fo:color="#555555"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1" style:page-usage="mirrored"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" fo:margin-top="1cm" fo:margin-bottom="1cm" fo:margin-left="2cm" fo:margin-right="2.2cm"/>
<style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.4cm"/></style:header-style>
<style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
<style:style style:name="Objectives" style:family="table"><style:table-properties style:width="19.5cm" table:align="left" fo:margin-top="0.2cm" fo:margin-bottom="0.4cm"/></style:style>
<style:style style:name="ColSide" style:family="table-column"><style:table-column-properties style:column-width="1.3cm"/></style:style>
<style:style style:name="ColArea" style:family="table-column"><style:table-column-properties style:column-width="5cm"/></style:style>
<style:style style:name="ColObj" style:family="table-column"><style:table-column-properties style:column-width="13.2cm"/></style:style>
<style:style style:name="Row" style:family="table-row"><style:table-row-properties fo:keep-together="auto"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.12cm" fo:border="${border}"/></style:style>
<style:style style:name="Head" style:family="table-cell"><style:table-cell-properties fo:padding="0.12cm" fo:border="${border}"${ruled ? ' fo:background-color="#dde4ee"' : ''}/></style:style>
<style:style style:name="Side" style:family="table-cell"><style:table-cell-properties fo:padding="0.12cm" fo:border="${border}" style:vertical-align="middle"/></style:style>
<style:style style:name="TwoCols" style:family="section"><style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.8cm"/></style:section-properties></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p text:style-name="Furniture">County Libraries and Archives · Service plan 2025/26</text:p></style:header>
<style:footer><text:p text:style-name="Furniture">Page <text:page-number text:select-page="current">1</text:page-number> of <text:page-count>2</text:page-count></text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
${para('Library and archives service plan 2025/26', 'Title')}<text:section text:name="Intro" text:style-name="TwoCols">${intro.map((t) => para(t)).join('')}</text:section>
${para('Service objectives for 2025/26', 'H2')}<table:table table:name="Objectives" table:style-name="Objectives">
<table:table-column table:style-name="ColSide"/><table:table-column table:style-name="ColArea"/><table:table-column table:style-name="ColObj"/>
<table:table-header-rows><table:table-row><table:table-cell table:style-name="Head" office:value-type="string"><text:p/></table:table-cell><table:table-cell table:style-name="Head" office:value-type="string"><text:p text:style-name="HeadP">Area</text:p></table:table-cell><table:table-cell table:style-name="Head" office:value-type="string"><text:p text:style-name="HeadP">Objective</text:p></table:table-cell></table:table-row></table:table-header-rows>
${rows}</table:table>
${para('Looking ahead', 'H2')}<text:section text:name="After" text:style-name="TwoCols">${after.map((t) => para(t)).join('')}</text:section>
</office:text></office:body></office:document>
`;
}

interface Framework {
  title: string;
  columns: [string, string];
  goals: {goal: string; rows: [string, string][]}[];
}

/**
 * The invented transport framework as Chromium prints it: A4 landscape pages, a two-column table with a
 * full-width shaded group row per goal, the header row (`<thead>`) repeated on every page, CSS borders
 * (which Chromium paints as thin filled rectangles). `ruled` false: no borders or shading, the goals in
 * bold (a stream table).
 */
function frameworkHtml(framework: Framework, ruled: boolean): string {
  const body = framework.goals
    .map(
      ({goal, rows}) =>
        `<tbody><tr class="goal"><th colspan="2" scope="rowgroup">${escapeXml(goal)}</th></tr>\n${rows
          .map(([what, how]) => `<tr><td>${escapeXml(what)}</td><td>${escapeXml(how)}</td></tr>`)
          .join('\n')}</tbody>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(framework.title)}</title>
<style>
@page { size: A4 landscape; margin: 18mm 16mm; }
body { font-family: 'Liberation Sans', sans-serif; font-size: 11pt; }
h1 { font-size: 20pt; margin: 0 0 8mm; }
p { max-width: 200mm; line-height: 1.35; }
table { border-collapse: collapse; width: 100%; margin-top: 6mm; }
th, td { border: ${ruled ? '0.75pt solid #444' : 'none'}; padding: 5pt 7pt; text-align: left; vertical-align: top; }
thead th { background: ${ruled ? '#d9e2ec' : 'none'}; }
tr.goal th { background: ${ruled ? '#eef1f4' : 'none'}; font-size: 12pt; padding-top: ${ruled ? '5pt' : '10pt'}; }
tr { break-inside: avoid; }
</style></head><body>
<h1>${escapeXml(framework.title)}</h1>
<p>This framework sets out what the regional transport authority and its operators will do over the next three years so that disabled and older people can travel with confidence. It is organised around five goals. Under each goal, the left-hand column says what we will do and the right-hand column how progress will be measured.</p>
<p>The commitments were drawn up with disabled passengers' groups during 2025. Progress will be reported every year, and the framework will be reviewed halfway through.</p>
<table><thead><tr><th>${escapeXml(framework.columns[0])}</th><th>${escapeXml(framework.columns[1])}</th></tr></thead>
${body}
</table>
<p>Questions about this framework can be sent to the authority's accessibility team.</p>
</body></html>
`;
}

/**
 * An invented leisure services plan written as lists, no tables: bold paragraphs naming the bulleted lists
 * below them (one item long enough to wrap), then a numbered list with lettered sub-items. Chromium draws
 * its bullets as shapes (no marker in the text) and LibreOffice writes them as text: the reader must find
 * the lists, their nesting and their labels either way.
 */
function listsHtml(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Riverside Leisure Services Plan 2026 to 2028</title>
<style>
@page { size: A4; margin: 18mm 16mm; }
body { font-family: 'Liberation Sans', sans-serif; font-size: 10pt; line-height: 1.3; }
h1 { font-size: 20pt; } h2 { font-size: 14pt; }
</style></head><body>
<h1>Riverside Leisure Services Plan 2026 to 2028</h1>
<p>This plan sets out what the leisure service will deliver over the next two years. The cabinet agreed it in March 2026.</p>
<h2>What we will deliver</h2>
<p><strong>Swimming and water safety</strong></p>
<ul>
<li>Teach 2,000 primary school children to swim 25 metres unaided by the end of year 6, working with every school in the district and with the county swimming association</li>
<li>Reopen the Millbrook learner pool after its refurbishment</li>
</ul>
<p><strong>Parks and open spaces</strong></p>
<ul>
<li>Plant 500 trees along the river path</li>
<li>Keep Green Flag status for four parks</li>
<li>Open a new play area in Eastfield</li>
</ul>
<h2>How we will measure progress</h2>
<ol>
<li>Participation
<ol type="a"><li>Increase visits to leisure centres to 1.2 million a year</li><li>Raise the number of adults holding a concession card to 9,000</li></ol></li>
<li>Satisfaction
<ol type="a"><li>Keep customer satisfaction above 85%</li></ol></li>
</ol>
<p>Progress will be reported to the cabinet every six months.</p>
</body></html>
`;
}

/** A Japanese service plan table (Noto Sans CJK JP, embedded by Chromium with a ToUnicode map), from HTML. */
const JAPANESE_PLAN = {
  title: '市立図書館サービス計画(2025年度)',
  intro:
    'この計画は、市立図書館が2025年度に取り組む目標をまとめたものです。各目標には期限と数値を定め、四半期ごとに進捗を公表します。利用者や職員からの意見は、次の計画の見直しに生かします。',
  areas: [
    ['開館時間と利用しやすさ', ['2025年9月までに、20館のうち12館以上で平日の開館時間を午後8時まで延長する', '予約資料の平均待ち日数を2025年度中に9日以内に短縮する']],
    ['読書と学び', ['夏休み読書チャレンジを完走する子どもを14,000人に増やす', '2025年12月までに、65歳以上を対象とした無料のデジタル講座を600回開催する']],
    ['資料とアーカイブ', ['2026年3月までに、古文書の40%をデジタル化してオンラインで公開する']],
  ] as [string, string[]][],
};

function japaneseHtml(): string {
  const rows = JAPANESE_PLAN.areas
    .map(([area, objectives]) => objectives.map((o, k) => `<tr>${k === 0 ? `<td rowspan="${objectives.length}">${area}</td>` : ''}<td>${o}</td></tr>`).join('\n'))
    .join('\n');
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${JAPANESE_PLAN.title}</title>
<style>body { font-family: 'Noto Sans CJK JP'; font-size: 11pt; } table { border-collapse: collapse; } td, th { border: 1px solid #000; padding: 4pt; vertical-align: top; }</style></head>
<body><h1>${JAPANESE_PLAN.title}</h1><p>${JAPANESE_PLAN.intro}</p>
<table><colgroup><col width="150"><col width="420"></colgroup><thead><tr><th>分野</th><th>目標</th></tr></thead>
${rows}
</table></body></html>
`;
}

/** Simplified Chinese text for the CMap fixture: a title, a paragraph of two lines, a two-column table. */
export const CHINESE_CMAP_TEXT = {
  title: '图书馆服务计划',
  paragraph: ['本计划列出图书馆在本年度的主要目标，', '并说明每项目标的期限和衡量方法。'],
  table: [
    ['领域', '目标'],
    ['开放时间', '到九月底延长十二个分馆的开放时间'],
    ['阅读推广', '暑期阅读活动参加人数增加到一万四千人'],
    ['档案保护', '明年三月前完成地图藏品的状况调查'],
  ],
};

/**
 * Chinese text in a font that is named, not embedded (STSong-Light, one of the fonts every reader must
 * supply), encoded with the predefined CMap UniGB-UCS2-H: only a reader with Adobe's CMaps (pdf.js's
 * `cmaps/`) can map its codes to characters. Drawn with pdf-lib's low-level objects and operators.
 */
async function chineseCMap(): Promise<void> {
  const {doc} = await newDocument('Chinese text with a predefined CMap');
  const page = doc.addPage([595, 842]);
  const {context} = doc;
  const descriptor = context.register(
    context.obj({Type: 'FontDescriptor', FontName: 'STSong-Light', Flags: 6, FontBBox: [-25, -254, 1000, 880], ItalicAngle: 0, Ascent: 880, Descent: -120, CapHeight: 880, StemV: 93}),
  );
  const cidFont = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType0',
      BaseFont: 'STSong-Light',
      CIDSystemInfo: {Registry: PDFString.of('Adobe'), Ordering: PDFString.of('GB1'), Supplement: 4},
      FontDescriptor: descriptor,
      DW: 1000,
    }),
  );
  const font = context.register(context.obj({Type: 'Font', Subtype: 'Type0', BaseFont: 'STSong-Light-UniGB-UCS2-H', Encoding: 'UniGB-UCS2-H', DescendantFonts: [cidFont]}));
  const key = page.node.newFontDictionary('F1', font);
  const ucs2 = (text: string): PDFHexString => PDFHexString.of([...text].map((ch) => ch.codePointAt(0)!.toString(16).padStart(4, '0')).join(''));
  const draw = (text: string, x: number, y: number, size: number): void => {
    page.pushOperators(beginText(), setFontAndSize(key, size), moveText(x, y), showText(ucs2(text)), endText());
  };
  const {title, paragraph, table} = CHINESE_CMAP_TEXT;
  draw(title, 60, 760, 20);
  paragraph.forEach((line, k) => draw(line, 60, 720 - k * 16, 12));
  table.forEach(([area, objective], k) => {
    draw(area!, 60, 640 - k * 22, 12);
    draw(objective!, 180, 640 - k * 22, 12);
  });
  await save(doc, 'cjk-cmap.pdf');
}

/**
 * A page with no text of its own: a FreeText annotation (a note typed onto the page) and a filled-in text
 * form field, whose text exists only outside the content stream.
 */
async function annotationsAndFields(): Promise<void> {
  const {doc, fonts} = await newDocument('Annotations and form fields');
  const page = doc.addPage([595, 842]);
  page.drawRectangle({x: 60, y: 500, width: 470, height: 260, borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 1});
  const {context} = doc;
  const note = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'FreeText',
      Rect: [80, 700, 520, 740],
      Contents: PDFString.of('Reviewed by the branch manager: extend Saturday opening at Northgate library'),
      DA: PDFString.of('/Helv 11 Tf 0 g'),
      F: 4,
    }),
  );
  page.node.set(PDFName.of('Annots'), context.obj([note]));
  const form = doc.getForm();
  const field = form.createTextField('objective');
  field.setText('Reduce the average wait for a reserved book to 9 days');
  field.addToPage(page, {x: 80, y: 560, width: 440, height: 24, font: fonts.regular});
  await save(doc, 'annotations-and-fields.pdf');
}

/**
 * A PDF as some generators write it, without the `%PDF-` signature line: pdf-lib's output with its first
 * line cut (the cross-reference offsets are then off by that line, which readers repair).
 */
async function headerless(): Promise<void> {
  const {doc, fonts} = await newDocument('No signature');
  doc.addPage([300, 100]).drawText('A PDF without its signature line', {x: 20, y: 50, size: 12, font: fonts.regular});
  const bytes = await doc.save({useObjectStreams: false});
  const cut = bytes.indexOf(0x0a) + 1;
  writeFileSync(join(OUT, 'headerless.pdf'), bytes.subarray(cut));
  console.log(`wrote test/fixtures/pdf-layouts/headerless.pdf (${bytes.length - cut} bytes)`);
}

/**
 * A plain document with an encrypted attachment: the encryption dictionary (PDF 2.0 §7.6.5) names a crypt
 * filter for embedded files only (`/EFF`), with Identity for streams and strings, so the pages are
 * readable by anyone; pdf.js still asks for a password. The /O and /U entries are fixed bytes (the
 * attachment never needs to be opened).
 */
async function attachmentEncrypted(): Promise<void> {
  const {doc, fonts} = await newDocument('Plain document, encrypted attachment');
  doc.addPage([595, 842]).drawText('The document is plain; only its attachment is encrypted.', {x: 60, y: 760, size: 12, font: fonts.regular});
  await doc.attach(new TextEncoder().encode('attachment'), 'note.txt', {mimeType: 'text/plain', creationDate: EPOCH, modificationDate: EPOCH});
  const {context} = doc;
  const fixed = (byte: number): PDFHexString => PDFHexString.of(byte.toString(16).padStart(2, '0').repeat(32));
  const encrypt = context.register(
    context.obj({
      Filter: 'Standard',
      V: 4,
      R: 4,
      Length: 128,
      CF: {StdCF: {Type: 'CryptFilter', CFM: 'AESV2', AuthEvent: 'EFOpen', Length: 16}},
      StmF: 'Identity',
      StrF: 'Identity',
      EFF: 'StdCF',
      O: fixed(0x4f),
      U: fixed(0x55),
      P: -4,
    }),
  );
  context.trailerInfo.Encrypt = encrypt;
  context.trailerInfo.ID = context.obj([PDFHexString.of('0123456789abcdef0123456789abcdef'), PDFHexString.of('0123456789abcdef0123456789abcdef')]);
  await save(doc, 'attachment-encrypted.pdf');
}

/**
 * Pages whose text all runs sideways: page 1 has /Rotate 90 with its text upright in page space (it
 * displays turned), page 2 is portrait with three lines drawn at 90° (a landscape page printed sideways),
 * page 3 is a page with only its number on it.
 */
async function rotatedPages(): Promise<void> {
  const {doc, fonts} = await newDocument('Pages of rotated text');
  const first = doc.addPage([595, 842]);
  first.setRotation(degrees(90));
  first.drawText('Page one is displayed turned by a quarter', {x: 60, y: 700, size: 14, font: fonts.regular});
  first.drawText('and its two lines are upright on the page', {x: 60, y: 680, size: 14, font: fonts.regular});
  const second = doc.addPage([595, 842]);
  ['Page two was printed sideways:', 'its lines run up the page, one after', 'another, from left to right.'].forEach((line, k) =>
    second.drawText(line, {x: 200 + k * 18, y: 150, size: 14, font: fonts.regular, rotate: degrees(90)}),
  );
  doc.addPage([595, 842]).drawText('3', {x: 295, y: 30, size: 10, font: fonts.regular});
  await save(doc, 'rotated-pages.pdf');
}

/** Write SHA256SUMS for the folder and refresh the folder's lines in test/fixtures/SHA256SUMS. */
function checksums(): void {
  const files = readdirSync(OUT)
    .filter((f) => f !== 'SHA256SUMS')
    .sort();
  const lines = files.map((f) => `${createHash('sha256').update(readFileSync(join(OUT, f))).digest('hex')}  ${f}`);
  writeFileSync(join(OUT, 'SHA256SUMS'), `${lines.join('\n')}\n`);
  const top = join(OUT, '..', 'SHA256SUMS');
  const kept = readFileSync(top, 'utf8')
    .split('\n')
    .filter((l) => l && !l.includes('./pdf-layouts/'));
  const ours = lines.map((l) => l.replace('  ', '  ./pdf-layouts/'));
  writeFileSync(top, `${[...kept, ...ours].sort((a, b) => a.slice(66).localeCompare(b.slice(66))).join('\n')}\n`);
  console.log(`wrote test/fixtures/pdf-layouts/SHA256SUMS (${files.length} files)`);
}

mkdirSync(OUT, {recursive: true});
await landscapeRotatedLabel();
await headersFootersSplitTable();
await twoColumns();
await tableThenTwoColumns();
await scanned();
encrypted();
await libreOffice(servicePlanFodt(true), 'libreoffice-ruled-split.pdf', 'Library and archives service plan 2025/26 (ruled)');
await libreOffice(servicePlanFodt(false), 'libreoffice-unruled-split.pdf', 'Library and archives service plan 2025/26 (unruled)');
const framework = JSON.parse(readFileSync(join(OUT, 'framework-2026-29.json'), 'utf8')) as Framework;
await chromium(frameworkHtml(framework, true), 'chromium-group-rows.pdf', framework.title);
await chromium(frameworkHtml(framework, false), 'chromium-group-rows-unruled.pdf', `${framework.title} (unruled)`);
await chromium(japaneseHtml(), 'chromium-japanese-table.pdf', JAPANESE_PLAN.title);
await chromium(listsHtml(), 'chromium-lists.pdf', 'Riverside Leisure Services Plan 2026 to 2028');
await libreOfficeHtml(listsHtml(), 'libreoffice-lists.pdf', 'Riverside Leisure Services Plan 2026 to 2028');
await chineseCMap();
await annotationsAndFields();
await headerless();
await attachmentEncrypted();
await rotatedPages();
checksums();
