/**
 * Calibrates the matcher's two pairing thresholds (`minScore`, `minMargin`) on three comparisons at
 * once: the seed pair against the Confederation's golden table, the OWASP API Security Top 10 2019 →
 * 2023 pair against our own golden, and a synthetic pair (500 a side, test/bench/make-match-editions.ts)
 * against its known truth. Prints one line per setting; the defaults sit inside the region where all
 * three score best (README, "How matching works").
 *
 * usage: npx tsx scripts/calibrate-match.ts
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Aliases} from '../src/model/aliases.js';
import type {Comparison} from '../src/model/comparison.js';
import type {Edition} from '../src/model/objective.js';
import {compareEditions, readEdition} from '../src/pipeline.js';
import {makeMatchEditions} from '../test/bench/make-match-editions.js';

const ROOT = join(import.meta.dirname, '..');
const fixture = (...p: string[]): string => join(ROOT, 'test', 'fixtures', ...p);
const scratch = mkdtempSync(join(tmpdir(), 'calibrate-'));
const aliases = Aliases.parse(JSON.parse(readFileSync(join(ROOT, 'data', 'aliases.json'), 'utf8')));

async function read(path: string, id: string): Promise<Edition> {
  const r = await readEdition(new Uint8Array(readFileSync(path)), {file: path.split('/').at(-1)!, editionId: id});
  if (r.status === 'failure') throw new Error(`cannot read ${path}`);
  return r.value;
}

function score(golden: string, comparison: Comparison): string {
  const file = join(scratch, 'comparison.json');
  writeFileSync(file, JSON.stringify(comparison));
  const s = JSON.parse(execFileSync(process.execPath, [fixture('golden', 'score-comparison.mjs'), fixture('golden', golden), file], {encoding: 'utf8'})) as Record<string, string>;
  return `${s.status} ${s.pairs} ${s.changes}`;
}

const seeds = [await read(fixture('seeds', '001_93485f810e474ae5.txt'), 'prev'), await read(fixture('seeds', '002_6b21c1411abdb729.txt'), 'curr')] as const;
const owasp = [await read(fixture('owasp-api', 'owasp-api-top10-2019.md'), 'a'), await read(fixture('owasp-api', 'owasp-api-top10-2023.md'), 'b')] as const;
const synthetic = makeMatchEditions(500, 500);
const synth = (['previous', 'current'] as const).map((side, s): Edition => ({
  id: side,
  title: side,
  planYear: s ? '2024/25' : '2023/24',
  file: `${side}.md`,
  sha256: '',
  format: 'markdown',
  areas: [...new Set(synthetic[side].map((o) => o.area))],
  objectives: synthetic[side].map((o, k) => ({id: `${side}:${k}`, area: o.area, groups: [o.area], text: o.text, targets: [], deadlines: [], provenance: {file: side, sha256: '', line: k + 1, endLine: k + 1}})),
  diagnostics: [],
}));

function synthScore(c: Comparison): string {
  const pi = new Map(synthetic.previous.map((o, i) => [o.text, i]));
  const ci = new Map(synthetic.current.map((o, j) => [o.text, j]));
  const truth = new Set(synthetic.pairs.map(([i, j]) => `${i}>${j}`));
  let right = 0;
  let all = 0;
  const dropped = new Set<number>();
  const added = new Set<number>();
  for (const r of c.rows) {
    if (r.status === 'kept') for (const p of r.previous) for (const q of r.current) (all++, truth.has(`${pi.get(p.text)}>${ci.get(q.text)}`) && right++);
    if (r.status === 'dropped') dropped.add(pi.get(r.previous[0]!.text)!);
    if (r.status === 'new') added.add(ci.get(r.current[0]!.text)!);
  }
  const rec = (xs: number[], got: Set<number>): string => (xs.filter((x) => got.has(x)).length / xs.length).toFixed(3);
  return `pairP ${(right / Math.max(1, all)).toFixed(3)} pairR ${(right / truth.size).toFixed(3)} dropR ${rec(synthetic.dropped, dropped)} newR ${rec(synthetic.added, added)}`;
}

const grid = (name: string, values: number[]): number[] => (process.env[name] ?? values.join(',')).split(',').map(Number);
console.log('minScore minMargin mergeCoverage | seeds (status pairs changes) | OWASP API (status pairs changes) | synthetic 500');
for (const minScore of grid('MIN_SCORE', [0.2, 0.25, 0.3, 0.35, 0.4, 0.45])) {
  for (const minMargin of grid('MIN_MARGIN', [0, 0.02, 0.05, 0.1, 0.15])) for (const mergeCoverage of grid('MERGE_COVERAGE', [0.5])) {
    const o = {minScore, minMargin, mergeCoverage};
    console.log(
      `${minScore.toFixed(2)} ${minMargin.toFixed(2)} ${mergeCoverage.toFixed(2)} | ${score('nhs-2023-24-vs-2024-25.json', compareEditions(seeds[0], seeds[1], {...o, aliases}))} | ${score('owasp-api-2019-vs-2023.json', compareEditions(owasp[0], owasp[1], o))} | ${synthScore(compareEditions(synth[0]!, synth[1]!, o))}`,
    );
  }
}
