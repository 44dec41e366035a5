// npm run bench:match — matching and diffing at 200, 2,000 and 10,000 objectives a side, on synthetic
// editions with real vocabulary and known truth (make-match-editions.ts): the whole `compare` command
// (wall time, peak RSS) where the extractor reads the whole table (it stops at 2,000 objectives), and
// match + diff as a library call at every size. Prints pair precision and recall, and the recall and
// precision of truly dropped and truly new objectives.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {diffMatchSet} from '../../src/diff/diff-match-set.js';
import {matchObjectives} from '../../src/match/match-objectives.js';
import type {Comparison} from '../../src/model/comparison.js';
import type {Edition, Objective} from '../../src/model/objective.js';
import {editionMarkdown, makeMatchEditions, type SyntheticObjective, type SyntheticPair} from './make-match-editions.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const scratch = mkdtempSync(join(tmpdir(), 'bench-match-'));
const sizes = (process.env.BENCH_SIZES ?? '200,2000,10000').split(',').map(Number);

function edition(id: string, planYear: string, list: readonly SyntheticObjective[]): Edition {
  const objectives: Objective[] = list.map((o, k) => ({
    id: `${id}:${k}`,
    area: o.area,
    groups: [o.area],
    text: o.text,
    targets: [],
    deadlines: [],
    provenance: {file: `${id}.md`, sha256: '0'.repeat(64), line: k + 5, endLine: k + 5},
  }));
  return {id, title: id, planYear, file: `${id}.md`, sha256: '0'.repeat(64), format: 'markdown', areas: [...new Set(list.map((o) => o.area))], objectives, diagnostics: []};
}

const pct = (x: number): string => (100 * x).toFixed(1);

function score(pair: SyntheticPair, comparison: Comparison): string {
  const prevIndex = new Map(pair.previous.map((o, i) => [o.text, i]));
  const currIndex = new Map(pair.current.map((o, j) => [o.text, j]));
  const truth = new Set(pair.pairs.map(([i, j]) => `${i}>${j}`));
  const predicted = new Set<string>();
  const dropped = new Set<number>();
  const added = new Set<number>();
  for (const row of comparison.rows) {
    if (row.status === 'kept') for (const p of row.previous) for (const c of row.current) predicted.add(`${prevIndex.get(p.text)}>${currIndex.get(c.text)}`);
    if (row.status === 'dropped') for (const p of row.previous) dropped.add(prevIndex.get(p.text)!);
    if (row.status === 'new') for (const c of row.current) added.add(currIndex.get(c.text)!);
  }
  const right = [...predicted].filter((p) => truth.has(p)).length;
  const droppedRight = pair.dropped.filter((i) => dropped.has(i)).length;
  const addedRight = pair.added.filter((j) => added.has(j)).length;
  const review = comparison.rows.filter((r) => r.uncertain).length;
  return [
    `pairs precision ${pct(right / Math.max(1, predicted.size))}% recall ${pct(right / truth.size)}% (${right}/${predicted.size} right, ${truth.size} true)`,
    `dropped recall ${pct(droppedRight / pair.dropped.length)}% precision ${pct(droppedRight / Math.max(1, dropped.size))}%`,
    `new recall ${pct(addedRight / pair.added.length)}% precision ${pct(addedRight / Math.max(1, added.size))}%`,
    `${review} flagged for review`,
  ].join('; ');
}

console.log(`bench:match — ${new Date().toISOString().slice(0, 10)}, node ${process.version}, load ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (const n of sizes) {
  const pair = makeMatchEditions(n, n);
  console.log(`\n${n} a side: ${pair.previous.length} → ${pair.current.length} objectives (kept ${pair.counts.kept}, merged ${pair.counts.merged} pairs, split ${pair.counts.split}, dropped ${pair.counts.dropped}, new ${pair.counts.added})`);
  if (n <= 2000 && !process.env.BENCH_LIBRARY_ONLY) {
    const a = join(scratch, `prev-${n}.md`);
    const b = join(scratch, `curr-${n}.md`);
    writeFileSync(a, editionMarkdown('Objectives 2023/24', pair.previous));
    writeFileSync(b, editionMarkdown('Objectives 2024/25', pair.current));
    const out = join(scratch, `out-${n}`);
    const rssFile = join(scratch, `rss-${n}`);
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, ['--import', join(import.meta.dirname, 'report-rss.mjs'), CLI, 'compare', a, b, '--out', out, '--format', 'json,md,csv'], {
      env: {...process.env, BENCH_RSS_FILE: rssFile},
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (run.status !== 0) throw new Error(`compare failed: ${run.stderr}`);
    const comparison = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8')) as Comparison;
    console.log(`  compare (CLI, whole process): ${seconds.toFixed(2)} s, peak RSS ${(Number(readFileSync(rssFile, 'utf8')) / 1024).toFixed(0)} MiB`);
    console.log(`  ${score(pair, comparison)}`);
  }
  const previous = edition('prev', '2023/24', pair.previous);
  const current = edition('curr', '2024/25', pair.current);
  const before = process.memoryUsage().heapUsed;
  const start = process.hrtime.bigint();
  const set = matchObjectives(previous, current);
  const matched = process.hrtime.bigint();
  const comparison = diffMatchSet(set);
  const done = process.hrtime.bigint();
  console.log(
    `  library: match ${(Number(matched - start) / 1e9).toFixed(2)} s, diff ${(Number(done - matched) / 1e9).toFixed(2)} s, heap +${((process.memoryUsage().heapUsed - before) / 2 ** 20).toFixed(0)} MiB, RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
  );
  console.log(`  ${score(pair, comparison)}`);
}
rmSync(scratch, {recursive: true, force: true});
