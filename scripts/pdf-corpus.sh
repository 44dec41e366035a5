#!/usr/bin/env bash
# Corpus check for the PDF reader: runs `guidance-diff ingest` and `guidance-diff extract` on every PDF
# under DIR and prints counts per outcome, then lists every defect: crashes (a signal, an exit code other
# than 0 or 2, a stack trace or a multi-line error), hangs (over $TIMEOUT seconds), silent empty results
# (exit 0 with no text), false refusals (refused although pdf.js reads text from it, or called encrypted
# although pdfinfo says it is not), text missing (under 80% of the characters pdf.js gives with its CMaps),
# memory over 200 MB on a one-page file, and objectives claimed without a warning.
#
# usage: scripts/pdf-corpus.sh DIR [WORKDIR]
#   DIR      a folder of PDFs, searched recursively (e.g. pdf.js's test/pdfs, see below); `*.link` files
#            (pdf.js keeps its large test PDFs as links to URLs) are counted as unavailable
#   WORKDIR  where per-file results go (default: a new folder under /tmp); kept for inspection
#   env: JOBS (parallel files, default 2), TIMEOUT (seconds per run, default 120)
#
# The pdf.js corpus is never committed. To get it: fetch the public repository mozilla/pdf.js and copy
# the blobs of test/pdfs/*.pdf out of its git directory, e.g.
#   git --git-dir pdf.js/.git ls-tree -r HEAD test/pdfs/ | awk '$4 ~ /\.pdf$/ {print $3, $4}' |
#     while read -r sha path; do git --git-dir pdf.js/.git cat-file blob "$sha" > "corpus/${path##*/}"; done
# Needs: node (the built CLI: `npm run build`), GNU time, timeout, pdfinfo (poppler-utils), jq.
set -euo pipefail

DIR=${1:?usage: scripts/pdf-corpus.sh DIR [WORKDIR]}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${2:-$(mktemp -d /tmp/pdf-corpus.XXXXXX)}
JOBS=${JOBS:-2}
TIMEOUT=${TIMEOUT:-120}
CLI="$ROOT/dist/cli/main.js"
[[ -f $CLI ]] || { echo "pdf-corpus: run \`npm run build\` first ($CLI is missing)" >&2; exit 2; }
[[ -d $DIR ]] || { echo "pdf-corpus: $DIR is not a folder" >&2; exit 2; }
mkdir -p "$WORK/runs"
export ROOT WORK TIMEOUT CLI

# Characters pdf.js itself reads from a PDF with its CMaps and standard font data: the reference for
# "text missing". Prints `pages chars` (non-whitespace characters of getTextContent over all pages).
cat > "$WORK/reference.mjs" <<'EOF'
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
const require = createRequire(join(process.env.ROOT, 'package.json'));
const dist = dirname(require.resolve('pdfjs-dist/package.json'));
const pdfjs = await import(join(dist, 'legacy/build/pdf.mjs'));
let pages = 0, chars = 0;
try {
  const doc = await pdfjs.getDocument({data: new Uint8Array(readFileSync(process.argv[2])), isEvalSupported: false,
    disableFontFace: true, useSystemFonts: false, verbosity: 0, cMapUrl: join(dist, 'cmaps') + '/', cMapPacked: true,
    standardFontDataUrl: join(dist, 'standard_fonts') + '/'}).promise;
  pages = doc.numPages;
  for (let n = 1; n <= doc.numPages; n++) {
    try {
      const page = await doc.getPage(n);
      for (const item of (await page.getTextContent()).items) if ('str' in item) chars += item.str.replace(/\s+/g, '').length;
      page.cleanup();
    } catch {
      // a page pdf.js cannot read adds nothing to the reference
    }
  }
} catch {
  pages = -1;
}
console.log(`${pages} ${chars}`);
process.exit(0);
EOF

one() {
  local pdf=$1 id out
  id=$(printf '%s' "$pdf" | md5sum | cut -c1-16)
  out="$WORK/runs/$id"
  mkdir -p "$out"
  printf '%s\n' "$pdf" > "$out/file"
  set +e
  /usr/bin/time -f '%M' -o "$out/ingest.rss" timeout -k 5 "$TIMEOUT" node "$CLI" ingest "$pdf" --format json > "$out/ingest.json" 2> "$out/ingest.err"
  echo $? > "$out/ingest.rc"
  if [[ $(cat "$out/ingest.rc") == 0 ]]; then
    timeout -k 5 "$TIMEOUT" node "$CLI" extract "$pdf" --format json > "$out/extract.json" 2> "$out/extract.err"
    echo $? > "$out/extract.rc"
  fi
  timeout -k 5 "$TIMEOUT" node "$WORK/reference.mjs" "$pdf" > "$out/reference" 2>/dev/null || echo "-1 0" > "$out/reference"
  pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Encrypted: *//p' | cut -d' ' -f1 > "$out/encrypted"
  set -e
}
export -f one

mapfile -d '' PDFS < <(find "$DIR" -type f -iname '*.pdf' -print0 | sort -z)
LINKS=$(find "$DIR" -type f -iname '*.link' | wc -l)
echo "pdf-corpus: ${#PDFS[@]} PDFs (and $LINKS .link files, unavailable) under $DIR; results in $WORK" >&2
printf '%s\0' "${PDFS[@]}" | xargs -0 -n 1 -P "$JOBS" bash -c 'one "$0"'

# Summarise: one TSV line per file, then counts and lists.
node --input-type=module - "$WORK" "$LINKS" <<'EOF'
import {readFileSync, readdirSync, existsSync} from 'node:fs';
import {join, basename} from 'node:path';
const [work, links] = process.argv.slice(2);
const read = (f) => (existsSync(f) ? readFileSync(f, 'utf8') : '');
/** Non-whitespace characters of every text in the blocks (a cell's text, or its fragments when it has none). */
function chars(value) {
  if (Array.isArray(value)) return value.reduce((n, v) => n + chars(v), 0);
  if (!value || typeof value !== 'object') return 0;
  let n = 0;
  const hasText = typeof value.text === 'string';
  if (hasText) n += value.text.replace(/\s+/g, '').length;
  for (const [k, v] of Object.entries(value)) if (k !== 'text' && !(hasText && k === 'fragments') && k !== 'diagnostics') n += chars(v);
  return n;
}
const rows = [];
for (const id of readdirSync(join(work, 'runs'))) {
  const dir = join(work, 'runs', id);
  const file = read(join(dir, 'file')).trim();
  const rc = Number(read(join(dir, 'ingest.rc')).trim());
  const err = read(join(dir, 'ingest.err')).trim();
  const rssMB = Number(read(join(dir, 'ingest.rss')).trim().split('\n').at(-1)) / 1024 || 0;
  const [refPages, refChars] = read(join(dir, 'reference')).trim().split(' ').map(Number);
  const encrypted = read(join(dir, 'encrypted')).trim();
  let doc;
  try { doc = rc === 0 ? JSON.parse(read(join(dir, 'ingest.json'))) : undefined; } catch { doc = undefined; }
  const ours = doc ? chars(doc.blocks ?? []) : 0;
  const warnings = doc ? (doc.diagnostics ?? []).filter((d) => d.severity !== 'info') : [];
  let extract;
  try { extract = rc === 0 ? JSON.parse(read(join(dir, 'extract.json'))) : undefined; } catch { extract = undefined; }
  const extractRc = rc === 0 ? Number(read(join(dir, 'extract.rc')).trim()) : undefined;
  const objectives = extract?.objectives?.length ?? 0;
  const extractWarnings = (extract?.diagnostics ?? []).filter((d) => d.severity !== 'info').map((d) => d.code);
  const errLines = err ? err.split('\n').length : 0;
  let outcome;
  if (rc === 124 || rc === 137) outcome = 'hang';
  else if (rc !== 0 && rc !== 2) outcome = 'crash';
  else if (/\n\s+at |Error:|TypeError|RangeError/.test(err) || (rc === 2 && errLines > 1)) outcome = 'crash';
  else if (rc === 2) outcome = 'refused';
  else if (ours === 0) outcome = warnings.length ? 'empty-warned' : 'silent-empty';
  else outcome = 'read';
  const reason = rc === 2 ? err.replace(/^.*?(Cannot )/, '$1').replace(/\(.*\)/, '(…)').slice(0, 80) : '';
  rows.push({file, name: basename(file), rc, outcome, reason, err, ours, refPages, refChars, rssMB, encrypted, objectives, extractRc, extractWarnings});
}
rows.sort((a, b) => a.file.localeCompare(b.file));
const count = (xs, key) => Object.entries(xs.reduce((m, x) => ((m[key(x)] = (m[key(x)] ?? 0) + 1), m), {})).sort((a, b) => b[1] - a[1]);
console.log(`PDFs: ${rows.length}; unavailable (.link): ${links}`);
console.log('\nOutcomes:');
for (const [k, n] of count(rows, (r) => r.outcome)) console.log(`  ${k.padEnd(14)} ${n}`);
console.log('\nRefusals by reason:');
for (const [k, n] of count(rows.filter((r) => r.outcome === 'refused'), (r) => r.reason)) console.log(`  ${String(n).padStart(4)}  ${k}`);
const list = (title, xs, show) => {
  console.log(`\n${title}: ${xs.length}`);
  for (const r of xs) console.log(`  ${r.name}  ${show(r)}`);
};
const defects = [];
const crash = rows.filter((r) => r.outcome === 'crash');
const hang = rows.filter((r) => r.outcome === 'hang');
const silent = rows.filter((r) => r.outcome === 'silent-empty');
// Refused although pdf.js reads a real amount of text from it, or called encrypted when pdfinfo says no.
const falseRefusal = rows.filter((r) => r.outcome === 'refused' && (
  (/encrypted/.test(r.err) && r.encrypted === 'no') || (/no text layer/.test(r.err) && r.refChars >= 20)));
// Read, but under 80% of the characters pdf.js gives with its CMaps.
const missing = rows.filter((r) => r.outcome === 'read' && r.refChars >= 20 && r.ours < 0.8 * r.refChars);
const heavy = rows.filter((r) => r.refPages === 1 && r.rssMB > 200);
const claims = rows.filter((r) => r.objectives > 0);
list('Crashes (signal, unexpected exit code, stack trace or multi-line error)', crash, (r) => `exit ${r.rc}: ${r.err.split('\n').slice(0, 3).join(' | ').slice(0, 160)}`);
list(`Hangs (over ${process.env.TIMEOUT ?? 120} s)`, hang, () => '');
list('Silent empty results (exit 0, no text, no warning)', silent, () => '');
list('Empty results with a warning (exit 0)', rows.filter((r) => r.outcome === 'empty-warned'), () => '');
list('False refusals', falseRefusal, (r) => `${r.reason}; pdf.js reads ${r.refChars} characters, pdfinfo Encrypted: ${r.encrypted}`);
list('Text missing (< 80% of the characters pdf.js gives with CMaps)', missing, (r) => `${r.ours} of ${r.refChars}`);
list('Over 200 MB on a one-page file', heavy, (r) => `${r.rssMB.toFixed(0)} MB`);
list('Objectives claimed (extract exit 0)', claims, (r) => `${r.objectives} objective(s); extract exit ${r.extractRc}; warnings: ${r.extractWarnings.join(', ') || 'none'}`);
const silentClaims = claims.filter((r) => r.extractRc === 0 && r.extractWarnings.length === 0);
const total = crash.length + hang.length + silent.length + falseRefusal.length + missing.length + heavy.length;
console.log(`\nDefects: ${total} (crash ${crash.length}, hang ${hang.length}, silent empty ${silent.length}, false refusal ${falseRefusal.length}, text missing ${missing.length}, memory ${heavy.length}); objectives claimed without a warning: ${silentClaims.length}`);
const max = rows.reduce((m, r) => (r.rssMB > m.rssMB ? r : m), rows[0] ?? {rssMB: 0, name: ''});
console.log(`Peak RSS: ${max.rssMB.toFixed(0)} MB (${max.name})`);
const tsv = ['file\toutcome\texit\tours\tpdfjs\tpages\trss_mb\tencrypted\tobjectives\treason',
  ...rows.map((r) => [r.file, r.outcome, r.rc, r.ours, r.refChars, r.refPages, r.rssMB.toFixed(0), r.encrypted, r.objectives, r.reason].join('\t'))];
(await import('node:fs')).writeFileSync(join(work, 'summary.tsv'), tsv.join('\n') + '\n');
console.log(`Per-file table: ${join(work, 'summary.tsv')}`);
process.exitCode = total > 0 ? 1 : 0;
EOF
