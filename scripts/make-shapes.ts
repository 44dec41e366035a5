// Makes the shape corpus in test/fixtures/shapes/ from each case's case.json. Run: `npm run fixtures:shapes`
// (add `-- --only <case>` for one case, `-- --no-pdf` to rewrite only the text formats and expected.json).
//
// Per case: expected.json (derived from the same blocks as the documents), doc.html, doc.md, doc.txt (tab text),
// and, with real tools: doc.pdf (LibreOffice Writer `soffice --headless --convert-to pdf` or Chromium `--print-to-pdf`
// from doc.html), doc.layout.txt (`pdftotext -layout doc.pdf`), and the same two for the case with every table
// header word scrambled (doc.scrambled.pdf, doc.scrambled.layout.txt). Then SHA256SUMS and README.md.
//
// Determinism: HTML, Markdown, text and expected.json are pure functions of case.json. The PDF tools stamp the
// time and a random id; we overwrite CreationDate/ModDate, LibreOffice's DocChecksum, the /ID and Chromium's
// structure node ids (which follow its DOM node counter) with fixed bytes of the same length, then let
// `qpdf --deterministic-id --object-streams=generate` rewrite the file with an id computed from its content.
// With the same tool versions (README.md) the PDFs come out byte-identical; other versions lay out differently.
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative} from 'node:path';
import {pathToFileURL} from 'node:url';
import {FORMAT_FILE, SCRAMBLED_FILE, ShapeCase} from './make-shapes-model.js';
import {deriveExpected, renderHtml, renderMarkdown, renderText, scrambleCase} from './make-shapes-render.js';

const ROOT = join(import.meta.dirname, '..', 'test', 'fixtures', 'shapes');
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const noPdf = args.includes('--no-pdf');
const scratch = mkdtempSync(join(tmpdir(), 'make-shapes-'));

const run = (command: string, argv: string[]): string => execFileSync(command, argv, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});

/** Fixed bytes in place of the tools' timestamps and random ids (same lengths, so offsets stay valid). */
function normalisePdf(file: string): void {
  // Chromium names structure elements after DOM node ids, which depend on what ran before: number them in order.
  const nodes = new Map<string, string>();
  const text = readFileSync(file, 'latin1')
    .replace(/\(node(\d{8})\)/g, (_, id: string) => {
      if (!nodes.has(id)) nodes.set(id, String(nodes.size + 1).padStart(8, '0'));
      return `(node${nodes.get(id)!})`;
    })
    .replace(/(\/(?:CreationDate|ModDate)\s*\(D:)(\d{14})/g, (_, head: string) => `${head}20260101000000`)
    .replace(/(\/DocChecksum\s*\/)([0-9A-F]{32})/g, (_, head: string, hex: string) => head + '0'.repeat(hex.length))
    .replace(/(\/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)>/g, (_, a: string, x: string, b: string, y: string) => `${a}${'0'.repeat(x.length)}${b}${'0'.repeat(y.length)}>`);
  writeFileSync(file, text, 'latin1');
  const out = `${file}.q`;
  execFileSync('qpdf', ['--deterministic-id', '--object-streams=generate', file, out]);
  writeFileSync(file, readFileSync(out));
  rmSync(out);
}

/** HTML → PDF with the case's tool; returns the PDF bytes. */
function makePdf(html: string, tool: 'soffice' | 'chromium', name: string): Buffer {
  const dir = join(scratch, name);
  execFileSync('mkdir', ['-p', dir]);
  const source = join(dir, 'doc.html');
  writeFileSync(source, html);
  const pdf = join(dir, 'doc.pdf');
  if (tool === 'chromium') {
    run('chromium', [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-pdf-header-footer',
      `--user-data-dir=${join(scratch, 'chromium-profile')}`,
      `--print-to-pdf=${pdf}`,
      pathToFileURL(source).href,
    ]);
  } else {
    // Imported as a Writer document (Writer/Web, the default for HTML, splits the page oddly).
    run('soffice', [
      `-env:UserInstallation=${pathToFileURL(join(scratch, 'lo-profile')).href}`,
      '--headless',
      '--infilter=HTML (StarWriter)',
      '--convert-to',
      'pdf:writer_pdf_Export',
      '--outdir',
      dir,
      source,
    ]);
  }
  if (!existsSync(pdf)) throw new Error(`${tool} made no PDF for ${name}`);
  normalisePdf(pdf);
  return readFileSync(pdf);
}

function layoutText(pdfFile: string): string {
  return run('pdftotext', ['-layout', '-enc', 'UTF-8', pdfFile, '-']);
}

const caseDirs = readdirSync(ROOT)
  .filter((d) => existsSync(join(ROOT, d, 'case.json')))
  .sort();
const cases: {id: string; c: ShapeCase; pages?: number}[] = [];
for (const id of caseDirs) {
  const dir = join(ROOT, id);
  const c = ShapeCase.parse(JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')));
  cases.push({id, c});
  if (only && only !== id) continue;
  if (c.formats.includes('pdf') !== (c.pdf !== undefined)) throw new Error(`${id}: a case with the pdf format needs pdf options, and only then`);
  if (c.formats.includes('layout') && !c.formats.includes('pdf')) throw new Error(`${id}: layout text is made from the PDF`);
  writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(deriveExpected(c), null, 2)}\n`);
  writeFileSync(join(dir, FORMAT_FILE.html), renderHtml(c));
  if (c.formats.includes('md')) writeFileSync(join(dir, FORMAT_FILE.md), renderMarkdown(c));
  if (c.formats.includes('txt')) writeFileSync(join(dir, FORMAT_FILE.txt), renderText(c));
  if (noPdf || !c.pdf) continue;
  const scrambled = scrambleCase(c);
  const variants: [string, ShapeCase, string, string][] = [[`${id}`, c, FORMAT_FILE.pdf, FORMAT_FILE.layout]];
  if (JSON.stringify(scrambled) !== JSON.stringify(c)) variants.push([`${id}-scrambled`, scrambled, SCRAMBLED_FILE.pdf!, SCRAMBLED_FILE.layout!]);
  for (const [name, variant, pdfName, layoutName] of variants) {
    writeFileSync(join(dir, pdfName), makePdf(renderHtml(variant), c.pdf.tool, name));
    if (c.formats.includes('layout')) writeFileSync(join(dir, layoutName), layoutText(join(dir, pdfName)));
  }
  process.stderr.write(`${id}: ${c.pdf.tool} → ${variants.map((v) => v[2]).join(', ')}\n`);
}
rmSync(scratch, {recursive: true, force: true});

// ---------- README.md and SHA256SUMS ----------

function pages(pdf: string): number | undefined {
  if (!existsSync(pdf)) return undefined;
  const m = /Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]));
  return m ? Number(m[1]) : undefined;
}
/** First line a tool prints about its version (some print it on stderr). */
const version = (commandLine: string): string => run('sh', ['-c', `${commandLine} 2>&1`]).split('\n').find((l) => /\d+\.\d+/.test(l) && !l.includes('unexpected operator'))?.trim() ?? 'unknown';

const rows = cases.map(({id, c}) => {
  const expected = deriveExpected(c);
  const groups = new Set(expected.items.map((i) => i.groups.join(' › ')).filter(Boolean)).size;
  const pdfInfo = c.pdf ? `${c.pdf.tool}, ${c.pdf.landscape ? 'landscape' : 'portrait'}, ${c.pdf.ruled ? 'ruled' : 'unruled'}, ${pages(join(ROOT, id, 'doc.pdf')) ?? '?'} p.` : '—';
  return `| \`${id}\` | ${c.shape} | ${c.domain} | ${c.formats.join(', ')} | ${expected.items.length} / ${groups} | ${pdfInfo} | ${c.hard.replace(/\|/g, '\\|')} |`;
});
const readme = [
  '# Shape corpus',
  '',
  'Small documents in the shapes other publishers use for objectives, each in several formats, with the items,',
  'groups and targets a careful reader must find (`expected.json`). It measures how well guidance-diff reads a',
  'document it has never seen: `npm run bench:shapes` (add `-- --scramble-headers` to replace every table',
  'header word with a pseudo-word). The content is invented for this corpus.',
  '',
  '## How it is made',
  '',
  'Each case folder holds one source of truth, `case.json` (blocks: headings, paragraphs, lists, tables with the',
  'role of each column), and `npm run fixtures:shapes` (`scripts/make-shapes.ts`) makes everything else from it:',
  '',
  '- `expected.json`: items (text, groups outermost first, targets with value, unit and period), stated counts;',
  '- `doc.html`: the page (a group cell is a `rowspan` cell, a full-width group row one `colspan` cell);',
  '- `doc.md`: Markdown (pipe tables; a blank cell continues the group above; full-width rows bold or headings);',
  '- `doc.txt`: tab text, the way a PDF text dump gives it (one line per row, cells between tabs);',
  "- `doc.pdf`: the HTML printed by LibreOffice Writer (`soffice --headless --infilter='HTML (StarWriter)' --convert-to pdf:writer_pdf_Export`) or Chromium",
  '  (`chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=…`); ruled or unruled',
  '  (CSS borders), portrait or landscape (CSS `@page`); `thead` repeats the header row on every page;',
  '- `doc.layout.txt`: `pdftotext -layout -enc UTF-8 doc.pdf`;',
  '- `doc.scrambled.pdf`, `doc.scrambled.layout.txt`: the same with every word of every table header replaced by a',
  '  pseudo-word (`scrambleCase` in `scripts/make-shapes-render.ts`; numbers such as "2026/27" are kept). The text',
  '  formats are scrambled at run time by the benchmark with the same function.',
  '',
  'The PDF tools stamp the time and random ids (Chromium also numbers structure elements by its DOM node counter):',
  'the script overwrites them with fixed bytes and rewrites the file with `qpdf --deterministic-id',
  '--object-streams=generate` (object streams keep the files small), so the same tool versions give byte-identical',
  'files; other versions lay the pages out differently. Regeneration is not needed in',
  'CI (the outputs are committed); `test/shapes/corpus.test.ts` checks that the committed HTML, Markdown, text and',
  'expected.json are what the script makes from `case.json`, that every listed format exists, and SHA256SUMS.',
  '',
  'Made with:',
  '',
  `- ${version('soffice --version')}`,
  `- ${version('chromium --version')}`,
  `- ${version('pdftotext -v')}`,
  `- ${version('qpdf --version')}`,
  '- fonts: Liberation Sans (fonts-liberation, Debian 12)',
  '',
  '## Cases',
  '',
  'Formats: `html`, `md`, `txt` (tab text), `layout` (`pdftotext -layout`), `pdf`. Items / groups: how many items',
  'the reader must find, and how many distinct group paths they sit in.',
  '',
  '| case | shape | domain | formats | items / groups | PDF | what makes it hard |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...rows,
  '',
  'SHA-256 of every file is in `SHA256SUMS` (`sha256sum -c SHA256SUMS` from this folder).',
  '',
].join('\n');
writeFileSync(join(ROOT, 'README.md'), readme);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}
const sums = walk(ROOT)
  .map((f) => relative(ROOT, f).split('\\').join('/'))
  .filter((f) => f !== 'SHA256SUMS')
  .sort()
  .map((f) => `${createHash('sha256').update(readFileSync(join(ROOT, f))).digest('hex')}  ./${f}`);
writeFileSync(join(ROOT, 'SHA256SUMS'), `${sums.join('\n')}\n`);
process.stderr.write(`${cases.length} cases; ${sums.length} files listed in SHA256SUMS\n`);
