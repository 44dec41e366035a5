// Interrupt harness (issue 13): run `guidance-diff batch --no-cache` over a small synthetic archive N times,
// send SIGINT (or SIGTERM) at a random moment of each run, and check after each:
//   - the exit code is 130 (143), or the run's own code when it finished before the signal;
//   - report.json is present and valid, with "interrupted": true when the run was interrupted;
//   - no temporary file, staging folder, old folder or lock is left beside or inside the output or cache;
//   - every comparison and series folder is wholly one version (A or B, the two variants of the archive the
//     runs alternate between), never a mix, and the version the report says (done → this run's, skipped → as before).
// Runs go on until `runs` signals have landed in a running batch (a run that ends before its signal is
// counted apart, as "finished first").
// Usage: npx tsx scripts/interrupt-harness.ts [runs=50] [SIGINT|SIGTERM] [work-dir]
import {spawn, spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {makeArchive} from '../test/bench/make-archive.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const runs = Number(process.argv[2] ?? 50);
const signal = (process.argv[3] ?? 'SIGINT') as 'SIGINT' | 'SIGTERM';
const work = process.argv[4] ?? join(ROOT, 'tmp', 'interrupt-harness');

type Variant = 'A' | 'B';

/** Variant B: every text document with one word changed (PDFs as they are), so most comparisons differ. */
function makeVariantB(dir: string): void {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {editions: {file: string; sha256: string}[]};
  mkdirSync(join(dir, 'docs-b'), {recursive: true});
  for (const edition of manifest.editions) {
    const bytes = readFileSync(join(dir, edition.file));
    const changed = edition.file.endsWith('.pdf') ? bytes : Buffer.from(bytes.toString('utf8').replace(/\bImprove\b/g, 'Further improve'));
    edition.file = edition.file.replace(/^docs\//, 'docs-b/');
    writeFileSync(join(dir, edition.file), changed);
    edition.sha256 = createHash('sha256').update(changed).digest('hex');
  }
  writeFileSync(join(dir, 'manifest-b.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** A folder's files and their hashes, as one string. */
function fingerprint(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir)
    .toSorted()
    .map((name) => `${name}:${createHash('sha256').update(readFileSync(join(dir, name))).digest('hex')}`)
    .join(',');
}

/** Everything that should never be left behind: temporary files, staging/old folders, locks. */
function leftovers(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (/\.tmp$|\.staging-\d+$|\.old-\d+$|\.lock$/.test(name)) found.push(path);
      if (name === 'tmp' && d.endsWith('cache') && readdirSync(path).length) found.push(...readdirSync(path).map((n) => join(path, n)));
      if (statSync(path).isDirectory() && name !== 'docs' && name !== 'docs-b') walk(path);
    }
  };
  walk(dir);
  return found;
}

function batchArgs(variant: Variant, out: string): string[] {
  return [CLI, 'batch', join(work, 'archive', variant === 'A' ? 'manifest.json' : 'manifest-b.json'), '--out', out, '--no-cache', '--json', '-j', '2'];
}

/** Run a batch; with `killAfter`, send the signal that many ms after its `start` event. */
function runBatch(variant: Variant, out: string, killAfter?: number): Promise<{code: number | null; signalled: boolean; ms: number}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, batchArgs(variant, out), {cwd: work, stdio: ['ignore', 'pipe', 'pipe']});
    let started = 0;
    let signalled = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (!started && chunk.toString().includes('"event":"start"')) {
        started = Date.now();
        if (killAfter !== undefined) {
          setTimeout(() => {
            if (child.exitCode === null) {
              signalled = true;
              child.kill(signal);
            }
          }, killAfter);
        }
      }
    });
    child.stderr.resume();
    child.on('exit', (code) => resolve({code, signalled, ms: started ? Date.now() - started : 0}));
  });
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('Run `npm run build` first');
  rmSync(work, {recursive: true, force: true});
  mkdirSync(work, {recursive: true});
  await makeArchive(join(work, 'archive'), 3, 4);
  makeVariantB(join(work, 'archive'));
  // Reference outputs of each variant, uninterrupted.
  const reference: Record<Variant, Map<string, string | undefined>> = {A: new Map(), B: new Map()};
  let fullMs = 0;
  for (const variant of ['A', 'B'] as const) {
    const out = join(work, `reference-${variant}`);
    const {code, ms} = await runBatch(variant, out);
    fullMs = Math.max(fullMs, ms);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {items: {id: string; kind: string}[]};
    for (const item of report.items.filter((i) => i.kind !== 'document')) reference[variant].set(item.id, fingerprint(join(out, item.id)));
    console.log(`reference ${variant}: exit ${code}, ${ms} ms, ${reference[variant].size} comparison and series folders`);
  }
  const products = [...reference.A.keys()];
  const differing = products.filter((p) => reference.A.get(p) !== reference.B.get(p)).length;
  console.log(`${differing} of ${products.length} folders differ between A and B`);

  const out = join(work, 'out');
  const state = new Map<string, Variant | undefined>(products.map((p) => [p, undefined]));
  const tally = {runs: 0, interrupted: 0, finishedFirst: 0, reportPresent: 0, reportInterruptedFlag: 0, leftoverRuns: 0, mixedFolders: 0, wrongVersion: 0, badExit: 0};
  for (let k = 0; tally.interrupted < runs && k < 3 * runs; k++) {
    const variant: Variant = k % 2 ? 'B' : 'A';
    // Anywhere in the run but its last tenth (a signal after the work is done finds nothing to interrupt).
    const delay = Math.floor(Math.random() * 0.9 * fullMs);
    const {code, signalled} = await runBatch(variant, out, delay);
    tally.runs++;
    const expectedCode = signal === 'SIGINT' ? 130 : 143;
    if (signalled) tally.interrupted++;
    else tally.finishedFirst++;
    let report: {interrupted?: boolean; items: {id: string; kind: string; status: string}[]} | undefined;
    try {
      report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as typeof report;
      tally.reportPresent++;
    } catch {
      console.log(`run ${k}: no valid report.json`);
    }
    // Exit 130/143 exactly when report.json says interrupted (a signal after the last step finds nothing to stop).
    if (signalled && (code === expectedCode) !== (report?.interrupted === true)) tally.badExit++;
    if (signalled && !(code === expectedCode || code === 3 || code === 0)) tally.badExit++;
    if (signalled && report?.interrupted === true) tally.reportInterruptedFlag++;
    const left = leftovers(work);
    if (left.length) {
      tally.leftoverRuns++;
      console.log(`run ${k}: left ${left.join(', ')}`);
    }
    for (const item of report?.items.filter((i) => i.kind !== 'document') ?? []) {
      if (item.status === 'success') state.set(item.id, variant);
    }
    for (const product of products) {
      const actual = fingerprint(join(out, product));
      const matches = (['A', 'B'] as const).filter((v) => reference[v].get(product) === actual);
      if (actual !== undefined && !matches.length) {
        tally.mixedFolders++;
        console.log(`run ${k}: ${product} is neither A nor B`);
      }
      const want = state.get(product);
      if (want === undefined ? actual !== undefined : reference[want].get(product) !== actual) {
        tally.wrongVersion++;
        console.log(`run ${k}: ${product} is not the ${want ?? 'absent'} version the report implies`);
      }
    }
    console.log(`run ${k} (${variant}): signal after ${delay} ms → exit ${code}${signalled ? '' : ' (finished first)'}, interrupted=${report?.interrupted}`);
  }
  console.log(JSON.stringify(tally));
  spawnSync('true');
  process.exitCode = tally.leftoverRuns || tally.mixedFolders || tally.wrongVersion || tally.badExit || tally.reportPresent !== tally.runs ? 1 : 0;
}

await main();
