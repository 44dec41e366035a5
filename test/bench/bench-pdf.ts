// npm run bench:pdf — PDF ingest speed and memory, with the bare pdf.js loop and pdftotext measured in the
// same run for ratios. Each figure is the median of RUNS whole-process runs; peak RSS is the process's
// maxRSS (all threads). The command timed is `guidance-diff ingest <pdf> --format json`.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync} from 'node:fs';
import {availableParallelism, tmpdir} from 'node:os';
import {join} from 'node:path';
import {bigPdf} from './make-big-pdf.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const scratch = mkdtempSync(join(tmpdir(), 'bench-pdf-'));

interface Sample {
  seconds: number;
  rssMiB: number | undefined;
}

function once(command: string, args: string[], env: Record<string, string> = {}): Sample {
  const rssFile = join(scratch, `rss-${Math.random().toString(36).slice(2)}`);
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, {env: {...process.env, ...env, BENCH_RSS_FILE: rssFile}, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30});
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr.toString()}`);
  const rssMiB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : undefined;
  return {seconds, rssMiB};
}

function median(samples: Sample[]): Sample {
  const bySpeed = samples.toSorted((a, b) => a.seconds - b.seconds);
  const rss = samples.map((s) => s.rssMiB).filter((r): r is number => r !== undefined);
  return {seconds: bySpeed[Math.floor(bySpeed.length / 2)]!.seconds, rssMiB: rss.length ? Math.max(...rss) : undefined};
}

function measure(command: string, args: string[], env?: Record<string, string>): Sample {
  return median(Array.from({length: RUNS}, () => once(command, args, env)));
}

const node = (script: string, ...args: string[]): [string, string[]] => [process.execPath, ['--import', join(import.meta.dirname, 'report-rss.mjs'), script, ...args]];
const ours = (pdf: string): [string, string[]] => node(CLI, 'ingest', pdf, '--format', 'json');
const bare = (pdf: string): [string, string[]] => node(join(import.meta.dirname, 'bare-pdfjs.mjs'), pdf);
const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;

if (!existsSync(CLI)) throw new Error('Run `npm run build` first: the benchmark times the built command.');
const rows: string[][] = [];
const fmt = (n: number | undefined, digits = 1): string => (n === undefined ? 'n/a' : n.toFixed(digits));
const add = (what: string, pages: number, s: Sample, note = ''): void => {
  rows.push([what, String(pages), fmt(s.seconds, 3), fmt(pages / s.seconds), fmt(s.rssMiB), note]);
};

const one = await bigPdf(1);
const startupOurs = measure(...ours(one));
const startupBare = measure(...bare(one));
add('guidance-diff ingest (startup)', 1, startupOurs);
add('bare pdf.js loop (startup)', 1, startupBare);

const results = new Map<number, {ours: Sample; single: Sample; bare: Sample; pdftotext?: Sample}>();
for (const pages of [250, 840, 1000]) {
  const pdf = await bigPdf(pages);
  const entry: {ours: Sample; single: Sample; bare: Sample; pdftotext?: Sample} = {
    ours: measure(...ours(pdf)),
    single: measure(...ours(pdf), {GUIDANCE_DIFF_THREADS: '1'}),
    bare: measure(...bare(pdf)),
  };
  if (hasPdftotext) entry.pdftotext = measure('pdftotext', ['-layout', pdf, join(scratch, 'out.txt')]);
  results.set(pages, entry);
  add(`guidance-diff ingest (${availableParallelism()} threads)`, pages, entry.ours, `${fmt(entry.bare.seconds / entry.ours.seconds, 2)}× bare`);
  add('guidance-diff ingest (1 thread)', pages, entry.single, `${fmt(entry.bare.seconds / entry.single.seconds, 2)}× bare`);
  add('bare pdf.js getTextContent loop', pages, entry.bare);
  if (entry.pdftotext) add('pdftotext -layout', pages, entry.pdftotext, `ours takes ${fmt(entry.ours.seconds / entry.pdftotext.seconds, 2)}× its time`);
}

const header = ['what', 'pages', 'seconds', 'pages/s', 'peak RSS MiB', 'ratio'];
const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
const line = (cells: string[]): string => cells.map((cell, c) => cell.padEnd(widths[c]!)).join('  ');
console.log(`PDF ingest benchmark: ${RUNS} runs each (median time, max RSS), ${availableParallelism()} CPUs, node ${process.version}`);
console.log(line(header));
for (const row of rows) console.log(line(row));
const big = results.get(840)!;
console.log('');
console.log(`840 pages, ${availableParallelism()} threads: ${fmt(big.bare.seconds / big.ours.seconds, 2)}× the bare loop's speed (target ≥ 1.8×); 1 thread: ${fmt(big.bare.seconds / big.single.seconds, 2)}×`);
if (big.pdftotext) console.log(`840 pages: ours takes ${fmt(big.ours.seconds / big.pdftotext.seconds, 2)}× pdftotext's time (target ≤ 2.5×)`);
console.log(`peak RSS at 250 / 840 / 1000 pages: ${[250, 840, 1000].map((p) => fmt(results.get(p)!.ours.rssMiB)).join(' / ')} MiB (target < 300, flat)`);
console.log(`startup on 1 page: ${fmt(startupOurs.seconds * 1000, 0)} ms whole process (bare loop ${fmt(startupBare.seconds * 1000, 0)} ms)`);
const load = (await import('node:os')).loadavg();
console.log(`load average during the run (1/5/15 min): ${load.map((l) => l.toFixed(2)).join(' / ')}`);
