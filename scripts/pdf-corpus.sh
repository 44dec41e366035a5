#!/usr/bin/env bash
# Corpus check for the PDF reader: runs `guidance-diff ingest` and `guidance-diff extract` on every PDF
# under DIR and prints counts per outcome, then lists every defect: crashes (a signal, an exit code other
# than 0 or 2, a stack trace or a multi-line error), hangs (over $TIMEOUT seconds), silent empty results
# (exit 0 with no text), false refusals (refused although pdf.js reads text from it, or called encrypted
# although qpdf finds only attachments encrypted, or pdf.js opens it without a password), text missing (under 80% of the characters pdf.js gives with its CMaps),
# memory over 200 MB on a one-page file, and objectives claimed without a warning.
#
# usage: scripts/pdf-corpus.sh DIR [WORKDIR]
#   DIR      a folder of PDFs, searched recursively (e.g. pdf.js's test/pdfs, see below); `*.link` files
#            (pdf.js keeps its large test PDFs as links to URLs) are counted as unavailable
#   WORKDIR  where per-file results go (default: a new folder under /tmp); kept for inspection
#   env: JOBS (parallel files, default 2), TIMEOUT (seconds per run, default 120), CLI (the built
#        main.js to run, default dist/cli/main.js)
#
# The pdf.js corpus is never committed. To get it: fetch the public repository mozilla/pdf.js and copy
# the blobs of test/pdfs/*.pdf out of its git directory, e.g.
#   git --git-dir pdf.js/.git ls-tree -r HEAD test/pdfs/ | awk '$4 ~ /\.pdf$/ {print $3, $4}' |
#     while read -r sha path; do git --git-dir pdf.js/.git cat-file blob "$sha" > "corpus/${path##*/}"; done
# Needs: node (the built CLI: `npm run build`), GNU time, timeout, qpdf.
set -euo pipefail

DIR=${1:?usage: scripts/pdf-corpus.sh DIR [WORKDIR]}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${2:-$(mktemp -d /tmp/pdf-corpus.XXXXXX)}
JOBS=${JOBS:-2}
TIMEOUT=${TIMEOUT:-120}
CLI=${CLI:-"$ROOT/dist/cli/main.js"}
[[ -f $CLI ]] || { echo "pdf-corpus: run \`npm run build\` first ($CLI is missing)" >&2; exit 2; }
[[ -d $DIR ]] || { echo "pdf-corpus: $DIR is not a folder" >&2; exit 2; }
mkdir -p "$WORK/runs"
export ROOT WORK TIMEOUT CLI

# Characters pdf.js itself reads from a PDF with its CMaps: the reference for
# "text missing". Prints `pages chars annotationChars`: non-whitespace characters of getTextContent over
# all pages, and of annotation contents and text or choice form-field values (links and pop-ups aside).
cat > "$WORK/reference.mjs" <<'EOF'
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
const require = createRequire(join(process.env.ROOT, 'package.json'));
const dist = dirname(require.resolve('pdfjs-dist/package.json'));
const pdfjs = await import(join(dist, 'legacy/build/pdf.mjs'));
let pages = 0, chars = 0, notes = 0, plain = 0;
const count = (s) => (typeof s === 'string' ? s.replace(/\s+/g, '').length : Array.isArray(s) ? s.reduce((n, v) => n + count(v), 0) : 0);
const data = new Uint8Array(readFileSync(process.argv[2]));
const options = {isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0};
try {
  const doc = await pdfjs.getDocument({...options, data: data.slice(), cMapUrl: join(dist, 'cmaps') + '/', cMapPacked: true}).promise;
  pages = doc.numPages;
  for (let n = 1; n <= doc.numPages; n++) {
    try {
      const page = await doc.getPage(n);
      for (const item of (await page.getTextContent()).items) if ('str' in item) chars += item.str.replace(/\s+/g, '').length;
      for (const a of await page.getAnnotations()) {
        if (a.subtype === 'Widget') notes += a.fieldType === 'Tx' || a.fieldType === 'Ch' ? count(a.fieldValue) : 0;
        else if (a.subtype !== 'Link' && a.subtype !== 'Popup') notes += count(a.contentsObj?.str);
      }
      page.cleanup();
    } catch {
      // a page pdf.js cannot read adds nothing to the reference
    }
  }
  await doc.destroy();
  // Again without CMaps: a file whose text differs needs them (a "CMap file").
  const bare = await pdfjs.getDocument({...options, data: data.slice()}).promise;
  for (let n = 1; n <= bare.numPages; n++) {
    try {
      const page = await bare.getPage(n);
      for (const item of (await page.getTextContent()).items) if ('str' in item) plain += item.str.replace(/\s+/g, '').length;
      page.cleanup();
    } catch {
      // as above
    }
  }
} catch {
  pages = -1;
}
console.log(`${pages} ${chars} ${notes} ${plain}`);
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
  timeout -k 5 "$TIMEOUT" node "$WORK/reference.mjs" "$pdf" > "$out/reference" 2>/dev/null || echo "-1 0 0 0" > "$out/reference"
  # Whether the document itself is encrypted, by qpdf: `--requires-password` exits 0 when a password is
  # needed; an encryption whose stream and string methods are both `none` covers only attachments.
  if qpdf --requires-password "$pdf" >/dev/null 2>&1; then
    if [[ $(qpdf --show-encryption "$pdf" 2>/dev/null | grep -c 'st[a-z]* encryption method: none') == 2 ]]; then echo attachments > "$out/encrypted"; else echo yes > "$out/encrypted"; fi
  else echo no > "$out/encrypted"; fi
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
  const [refPages, refChars, refNotes = 0, refPlain = 0] = read(join(dir, 'reference')).trim().split(' ').map(Number);
  const encrypted = read(join(dir, 'encrypted')).trim();
  let doc;
  try { doc = rc === 0 ? JSON.parse(read(join(dir, 'ingest.json'))) : undefined; } catch { doc = undefined; }
  const ours = doc ? chars(doc.blocks ?? []) : 0;
  const warnings = doc ? (doc.diagnostics ?? []).filter((d) => d.severity !== 'info') : [];
  // Characters ingest says it set aside on purpose: rotated labels, running headers and footers.
  const setAside = doc
    ? (doc.diagnostics ?? []).reduce((n, d) => n + Number(/(\d+) character/.exec(d.code === 'rotated-text-dropped' || d.code === 'furniture-removed' ? d.message : '')?.[1] ?? 0), 0)
    : 0;
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
  rows.push({file, name: basename(file), rc, outcome, reason, err, ours, setAside, refPages, refChars, refNotes, refPlain, rssMB, encrypted, objectives, extractRc, extractWarnings});
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
// Refused although pdf.js reads text from its pages, annotations or form fields, or called encrypted
// when qpdf finds the document itself unencrypted (or only its attachments encrypted).
const falseRefusal = rows.filter((r) => r.outcome === 'refused' && (
  (/encrypted/.test(r.err) && r.encrypted !== 'yes' && r.refPages >= 0) || (/encrypted/.test(r.err) && r.encrypted === 'attachments') ||
  (/no text layer/.test(r.err) && r.refChars + r.refNotes >= 1)));
// Read, but under 80% of the characters pdf.js gives with its CMaps, not counting what ingest reports it
// set aside on purpose (rotated labels, repeated headers and footers).
const missing = rows.filter((r) => r.outcome === 'read' && r.refChars >= 20 && r.ours + r.setAside < 0.8 * r.refChars);
// Files whose text pdf.js reads differently without its CMaps, and how much of it ingest gives.
const cmapFiles = rows.filter((r) => r.refPages >= 0 && r.refChars !== r.refPlain);
const cmapShort = cmapFiles.filter((r) => r.ours + r.setAside < 0.8 * r.refChars);
const heavy = rows.filter((r) => r.refPages === 1 && r.rssMB > 200);
const claims = rows.filter((r) => r.objectives > 0);
list('Crashes (signal, unexpected exit code, stack trace or multi-line error)', crash, (r) => `exit ${r.rc}: ${r.err.split('\n').slice(0, 3).join(' | ').slice(0, 160)}`);
list(`Hangs (over ${process.env.TIMEOUT ?? 120} s)`, hang, () => '');
list('Silent empty results (exit 0, no text, no warning)', silent, () => '');
list('Empty results with a warning (exit 0)', rows.filter((r) => r.outcome === 'empty-warned'), () => '');
list('False refusals', falseRefusal, (r) => `${r.reason}; pdf.js reads ${r.refChars} characters and ${r.refNotes} in annotations or fields; qpdf: encrypted ${r.encrypted}`);
list('Text missing (< 80% of the characters pdf.js gives with CMaps, after what was set aside on purpose)', missing, (r) => `${r.ours} (+${r.setAside} set aside) of ${r.refChars}`);
list(`CMap files (pdf.js reads other text without its CMaps): ${cmapFiles.length}; under 80% of pdf.js's characters with CMaps`, cmapShort, (r) => `${r.outcome}: ${r.ours} (+${r.setAside} set aside) of ${r.refChars} (without CMaps ${r.refPlain})`);
list('Over 200 MB on a one-page file', heavy, (r) => `${r.rssMB.toFixed(0)} MB`);
list('Objectives claimed (extract exit 0)', claims, (r) => `${r.objectives} objective(s); extract exit ${r.extractRc}; warnings: ${r.extractWarnings.join(', ') || 'none'}`);
const silentClaims = claims.filter((r) => r.extractRc === 0 && r.extractWarnings.length === 0);
const total = crash.length + hang.length + silent.length + falseRefusal.length + new Set([...missing, ...cmapShort]).size + heavy.length;
console.log(`\nDefects: ${total} (crash ${crash.length}, hang ${hang.length}, silent empty ${silent.length}, false refusal ${falseRefusal.length}, text missing ${new Set([...missing, ...cmapShort]).size}, memory ${heavy.length}); objectives claimed without a warning: ${silentClaims.length}`);
const max = rows.reduce((m, r) => (r.rssMB > m.rssMB ? r : m), rows[0] ?? {rssMB: 0, name: ''});
console.log(`Peak RSS: ${max.rssMB.toFixed(0)} MB (${max.name})`);
const tsv = ['file\toutcome\texit\tours\tset_aside\tpdfjs\tpdfjs_notes\tpdfjs_no_cmaps\tpages\trss_mb\tencrypted\tobjectives\treason',
  ...rows.map((r) => [r.file, r.outcome, r.rc, r.ours, r.setAside, r.refChars, r.refNotes, r.refPlain, r.refPages, r.rssMB.toFixed(0), r.encrypted, r.objectives, r.reason].join('\t'))];
(await import('node:fs')).writeFileSync(join(work, 'summary.tsv'), tsv.join('\n') + '\n');
console.log(`Per-file table: ${join(work, 'summary.tsv')}`);
process.exitCode = total > 0 ? 1 : 0;
EOF
