// npm run bench:batch — batch throughput, memory, cache and accuracy on a synthetic archive of 200
// editions (20 series × 10) built by controlled edits from the real 2024/25 objectives, plus one corrupt
// PDF. Prints documents/s cold and cached, 1 vs 2 workers, peak RSS, the exit code, and the precision and
// recall of statuses, pairs and changes against the edits the generator made.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {makeArchive, type ExpectedComparison} from './make-archive.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const scratch = mkdtempSync(join(tmpdir(), 'bench-batch-'));

interface Run {
  seconds: number;
  rssMiB: number;
  code: number;
}

function batch(manifest: string, out: string, args: string[]): Run {
  const rssFile = join(scratch, `rss-${Math.random().toString(36).slice(2)}`);
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', join(import.meta.dirname, 'report-rss.mjs'), CLI, 'batch', manifest, '--out', out, '--json', ...args], {
    env: {...process.env, BENCH_RSS_FILE: rssFile},
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return {seconds, rssMiB: Number(readFileSync(rssFile, 'utf8')) / 1024, code: result.status ?? -1};
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const counts = (): Counts => ({tp: 0, fp: 0, fn: 0});
const pct = (n: number): string => `${(100 * n).toFixed(1)}%`;
const pr = (c: Counts): string => `precision ${pct(c.tp / Math.max(1, c.tp + c.fp))}, recall ${pct(c.tp / Math.max(1, c.tp + c.fn))} (${c.tp} right, ${c.fp} wrong, ${c.fn} missed)`;

interface Row {
  status: string;
  previous: {text: string}[];
  current: {text: string}[];
  changes: {kind: string}[];
}

function accuracy(out: string, expected: Record<string, ExpectedComparison>): Record<string, Counts> {
  const result = {pairs: counts(), dropped: counts(), added: counts(), changes: counts()};
  const INJECTED = new Set(['target-raised', 'deadline-extended', 'merged']);
  for (const [id, exp] of Object.entries(expected)) {
    const path = join(out, id, 'comparison.json');
    if (!existsSync(path)) {
      result.pairs.fn += exp.pairs.length;
      continue;
    }
    const rows = (JSON.parse(readFileSync(path, 'utf8')) as {rows: Row[]}).rows;
    const prevKey = new Map(Object.entries(exp.previousText).map(([k, t]) => [t, k]));
    const currKey = new Map(Object.entries(exp.currentText).map(([k, t]) => [t, k]));
    const keyOf = (map: Map<string, string>, text: string): string => map.get(text) ?? `?${text}`;
    const predictedPairs = new Set<string>();
    const predictedDropped = new Set<string>();
    const predictedAdded = new Set<string>();
    const predictedChanges = new Set<string>();
    for (const row of rows) {
      if (row.status === 'kept') {
        for (const p of row.previous) for (const c of row.current) predictedPairs.add(`${keyOf(prevKey, p.text)}>${keyOf(currKey, c.text)}`);
        for (const c of row.current) for (const ch of row.changes) if (INJECTED.has(ch.kind)) predictedChanges.add(`${keyOf(currKey, c.text)}:${ch.kind}`);
      }
      if (row.status === 'dropped') for (const p of row.previous) predictedDropped.add(keyOf(prevKey, p.text));
      if (row.status === 'new') for (const c of row.current) predictedAdded.add(keyOf(currKey, c.text));
    }
    const score = (c: Counts, predicted: Set<string>, wanted: Set<string>): void => {
      for (const x of predicted) wanted.has(x) ? c.tp++ : c.fp++;
      for (const x of wanted) if (!predicted.has(x)) c.fn++;
    };
    score(result.pairs, predictedPairs, new Set(exp.pairs.map(([p, c]) => `${p}>${c}`)));
    score(result.dropped, predictedDropped, new Set(exp.dropped));
    score(result.added, predictedAdded, new Set(exp.added));
    score(result.changes, predictedChanges, new Set(Object.entries(exp.changes).flatMap(([k, kinds]) => kinds.map((kind) => `${k}:${kind}`))));
  }
  return result;
}

if (!existsSync(CLI)) throw new Error('Run `npm run build` first: the benchmark times the built command.');
const dir = join(ROOT, 'tmp', 'bench', 'archive');
const built = Date.now();
const archive = await makeArchive(dir);
console.log(`synthetic archive: ${archive.documents} documents (20 series × 10 editions + 1 corrupt PDF), built in ${((Date.now() - built) / 1000).toFixed(1)} s`);
const expected = JSON.parse(readFileSync(archive.expected, 'utf8')) as Record<string, ExpectedComparison>;

const out = join(scratch, 'out');
const cache = join(scratch, 'cache');
const cold2 = batch(archive.manifest, out, ['--no-cache', '-j', '2']);
const cold1 = batch(archive.manifest, join(scratch, 'out1'), ['--no-cache', '-j', '1']);
const filling = batch(archive.manifest, join(scratch, 'out2'), ['--cache-dir', cache]);
const cached = batch(archive.manifest, join(scratch, 'out2'), ['--cache-dir', cache]);
const docs = archive.documents;
const line = (what: string, r: Run): string =>
  `${what.padEnd(34)} ${r.seconds.toFixed(2).padStart(7)} s  ${(docs / r.seconds).toFixed(1).padStart(7)} documents/s  peak RSS ${r.rssMiB.toFixed(0).padStart(4)} MiB  exit ${r.code}`;
console.log(line('cold, 2 workers (no cache)', cold2));
console.log(line('cold, 1 worker (no cache)', cold1));
console.log(line('cold, filling the cache', filling));
console.log(line('re-run from the cache', cached));
console.log(`2 workers vs 1: ${(cold1.seconds / cold2.seconds).toFixed(2)}× faster; cached re-run vs cold: ${(filling.seconds / cached.seconds).toFixed(1)}× faster`);
const acc = accuracy(out, expected);
console.log(`accuracy over ${Object.keys(expected).length} comparisons against the generator's edits:`);
console.log(`  pairs (kept, reworded, merged): ${pr(acc.pairs!)}`);
console.log(`  dropped objectives:             ${pr(acc.dropped!)}`);
console.log(`  new objectives:                 ${pr(acc.added!)}`);
console.log(`  changes (target raised, deadline extended, merged): ${pr(acc.changes!)}`);
rmSync(scratch, {recursive: true, force: true});
