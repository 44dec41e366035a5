// npm run bench:shapes — how much of the shape corpus (test/fixtures/shapes/) guidance-diff reads right, per case and
// format, through the library's readEdition (src/pipeline.ts) run by tsx, so no build is needed.
//
//   npm run bench:shapes                          every case × format: read right? what went wrong, status, warnings
//   npm run bench:shapes -- --scramble-headers    every table header word replaced by a pseudo-word: each document is
//                                                 read right, `partial` with a warning (acceptable), refused with an
//                                                 error (acceptable), or silently wrong (not right, status success)
//   options: --case <id> (repeatable), --format <html|md|txt|layout|pdf> (repeatable), --details (list what was
//            missing, extra, grouped wrongly or lacked a target), --json <file> (write every score)
//
// The last line is one summary. Exit 0 whatever the figures: it is a benchmark.
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {FORMAT_FILE, FORMATS, SCRAMBLED_FILE, ShapeCase, type ShapeFormat} from '../../scripts/make-shapes-model.js';
import {renderHtml, renderMarkdown, renderText, scrambleCase} from '../../scripts/make-shapes-render.js';
import {readEdition} from '../../src/pipeline.js';
import {ExpectedShape} from '../shapes/expected-schema.js';
import {describeShapeScore, scoreShape, type ShapeScore} from '../shapes/score-shape.js';

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'shapes');
const argv = process.argv.slice(2);
const many = (flag: string): string[] => argv.flatMap((a, i) => (a === flag && argv[i + 1] !== undefined ? [argv[i + 1]!] : []));
const scramble = argv.includes('--scramble-headers');
const details = argv.includes('--details');
const onlyCases = many('--case');
const onlyFormats = many('--format');
const jsonOut = many('--json')[0];

type Verdict = 'right' | 'partial-warned' | 'refused' | 'silently-wrong';
interface Row {
  id: string;
  format: ShapeFormat;
  score: ShapeScore | undefined;
  status: string;
  warnings: number;
  wrong: string;
  verdict: Verdict;
  seconds: number;
}

/** The bytes of one case in one format: the committed file, or for --scramble-headers the scrambled rendering. */
function documentBytes(id: string, c: ShapeCase, format: ShapeFormat): {bytes: Uint8Array; file: string} {
  if (scramble) {
    const s = scrambleCase(c);
    if (format === 'html') return {bytes: Buffer.from(renderHtml(s)), file: `${id}/doc.scrambled.html`};
    if (format === 'md') return {bytes: Buffer.from(renderMarkdown(s)), file: `${id}/doc.scrambled.md`};
    if (format === 'txt') return {bytes: Buffer.from(renderText(s)), file: `${id}/doc.scrambled.txt`};
    const name = SCRAMBLED_FILE[format]!;
    // A case with no table header has nothing to scramble: its scrambled PDF is the PDF itself.
    const file = existsSync(join(ROOT, id, name)) ? name : FORMAT_FILE[format];
    return {bytes: readFileSync(join(ROOT, id, file)), file: `${id}/${file}`};
  }
  return {bytes: readFileSync(join(ROOT, id, FORMAT_FILE[format])), file: `${id}/${FORMAT_FILE[format]}`};
}

const ids = readdirSync(ROOT)
  .filter((d) => existsSync(join(ROOT, d, 'case.json')))
  .filter((d) => onlyCases.length === 0 || onlyCases.includes(d))
  .sort();
const rows: Row[] = [];
const detailLines: string[] = [];
for (const id of ids) {
  const c = ShapeCase.parse(JSON.parse(readFileSync(join(ROOT, id, 'case.json'), 'utf8')));
  const expected = ExpectedShape.parse(JSON.parse(readFileSync(join(ROOT, id, 'expected.json'), 'utf8')));
  for (const format of c.formats) {
    if (onlyFormats.length > 0 && !onlyFormats.includes(format)) continue;
    const {bytes, file} = documentBytes(id, c, format);
    const start = process.hrtime.bigint();
    let row: Row;
    try {
      const result = await readEdition(bytes, {file, editionId: id, threads: 1});
      const warnings = result.diagnostics.filter((d) => d.severity === 'warning' || d.severity === 'error').length;
      if (result.status === 'failure') {
        const reason = result.diagnostics.find((d) => d.severity === 'error')?.message ?? 'failure';
        row = {id, format, score: undefined, status: 'failure', warnings, wrong: `refused: ${reason}`, verdict: warnings > 0 ? 'refused' : 'silently-wrong', seconds: 0};
      } else {
        const score = scoreShape(result.value, expected);
        const verdict: Verdict = score.readRight ? 'right' : result.status === 'partial' && warnings > 0 ? 'partial-warned' : 'silently-wrong';
        row = {id, format, score, status: result.status, warnings, wrong: describeShapeScore(score), verdict, seconds: 0};
        if (details && !score.readRight) {
          detailLines.push(`## ${id} ${format}`);
          for (const m of score.missing) detailLines.push(`  missing: ${m}`);
          for (const e of score.extra) detailLines.push(`  extra:   ${e}`);
          for (const g of score.wrongGroups) detailLines.push(`  groups:  ${g.text} — expected [${g.expected.join(' › ')}], found [${g.found.join(' › ')}] (area ${g.area})`);
          for (const t of score.missingTargets)
            detailLines.push(`  target:  ${t.text} — expected ${t.target.value} ${t.target.unit}${t.target.period ? ` (${t.target.period})` : ''}, found ${t.found.map((f) => `${f.value} ${f.unit}${f.period ? ` (${f.period})` : ''}`).join('; ') || 'none'}`);
          for (const d of result.diagnostics.filter((x) => x.severity !== 'info')) detailLines.push(`  ${d.severity}: [${d.code}] ${d.message}`);
        }
      }
    } catch (error) {
      row = {id, format, score: undefined, status: 'threw', warnings: 0, wrong: `threw: ${(error as Error).message}`, verdict: 'silently-wrong', seconds: 0};
    }
    row.seconds = Number(process.hrtime.bigint() - start) / 1e9;
    rows.push(row);
  }
}

// ---------- table per case × format ----------

const header = ['case', 'format', 'read right', 'what went wrong', 'status', 'warnings', ...(scramble ? ['verdict'] : []), 's'];
const table = rows.map((r) => [
  r.id,
  r.format,
  r.score?.readRight ? 'yes' : 'no',
  r.wrong.length > 70 ? `${r.wrong.slice(0, 67)}…` : r.wrong,
  r.status,
  String(r.warnings),
  ...(scramble ? [r.verdict] : []),
  r.seconds.toFixed(2),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
console.log(scramble ? 'Shape corpus with every table header word scrambled' : 'Shape corpus');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const t of table) console.log(line(t));
if (detailLines.length > 0) console.log(['', ...detailLines].join('\n'));
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(rows, null, 2)}\n`);

// ---------- per-format fractions and the summary line ----------

const pct = (n: number, d: number): string => `${d === 0 ? 0 : Math.round((100 * n) / d)}%`;
const formats = FORMATS.filter((f) => rows.some((r) => r.format === f));
console.log('');
if (!scramble) {
  const parts = formats.map((f) => {
    const of = rows.filter((r) => r.format === f);
    const right = of.filter((r) => r.verdict === 'right').length;
    console.log(`${f.padEnd(7)} ${right}/${of.length} read right (${pct(right, of.length)}); success ${of.filter((r) => r.status === 'success').length}, partial ${of.filter((r) => r.status === 'partial').length}, failure ${of.filter((r) => r.status === 'failure' || r.status === 'threw').length}; silently wrong ${of.filter((r) => r.verdict === 'silently-wrong').length}`);
    return `${f} ${right}/${of.length} (${pct(right, of.length)})`;
  });
  const right = rows.filter((r) => r.verdict === 'right').length;
  console.log(`shapes: ${parts.join(', ')} — all ${right}/${rows.length} (${pct(right, rows.length)})`);
} else {
  const count = (v: Verdict, of = rows): number => of.filter((r) => r.verdict === v).length;
  for (const f of formats) {
    const of = rows.filter((r) => r.format === f);
    console.log(`${f.padEnd(7)} read right ${count('right', of)}, partial with warning ${count('partial-warned', of)}, refused ${count('refused', of)}, silently wrong ${count('silently-wrong', of)} — of ${of.length}`);
  }
  console.log(
    `shapes --scramble-headers: read right ${count('right')}, partial with warning ${count('partial-warned')}, refused ${count('refused')}, silently wrong ${count('silently-wrong')} — of ${rows.length} (${pct(count('silently-wrong'), rows.length)} silently wrong)`,
  );
}
