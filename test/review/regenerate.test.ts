// The review of nhs-2023-24-vs-2024-25 (sources/reviews/…, made by `review import` from seed 000) applied
// to the real editions, then to edited copies of the 2024/25 edition: every entry still applies, or is
// reported stale by name; nothing is lost silently.
import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {beforeAll, describe, expect, it} from 'vitest';
import type {Comparison} from '../../src/model/comparison.js';
import type {Edition} from '../../src/model/objective.js';
import {compareEditions, readEdition} from '../../src/pipeline.js';
import {parseReview, type LoadedReview} from '../../src/review/parse-review.js';
import {aliases, fixture, root, SEED_2023, SEED_2024} from '../helpers.js';

const REVIEW = 'reviews/nhs-2023-24-vs-2024-25.yaml';

async function read(bytes: Uint8Array, id: string, planYear: string): Promise<Edition> {
  const result = await readEdition(bytes, {file: `${id}.txt`, editionId: id, planYear});
  if (result.status === 'failure') throw new Error(result.diagnostics[0]!.message);
  return result.value;
}

async function score(comparison: Comparison): Promise<Record<string, string | number>> {
  const path = join(mkdtempSync(join(tmpdir(), 'guidance-diff-')), 'comparison.json');
  writeFileSync(path, JSON.stringify(comparison));
  const {stdout} = await promisify(execFile)(process.execPath, [fixture('golden', 'score-comparison.mjs'), fixture('golden', 'nhs-2023-24-vs-2024-25.json'), path]);
  return JSON.parse(stdout.trim()) as Record<string, string | number>;
}

const SEED = readFileSync(SEED_2024, 'utf8');
const REWORDED = 'Improve Category 2 ambulance response times to an average of 30 minutes across 2024/25';
const variant = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('the committed review of nhs-2023-24-vs-2024-25', () => {
  let previous: Edition;
  let loaded: LoadedReview;
  beforeAll(async () => {
    previous = await read(new Uint8Array(readFileSync(SEED_2023)), 'nhs-2023-24', '2023/24');
    const parsed = parseReview(readFileSync(join(root, 'sources', REVIEW), 'utf8'), {file: REVIEW});
    if (parsed.status === 'failure') throw new Error(parsed.diagnostics[0]!.message);
    loaded = parsed.value;
  });

  it('makes 001 → 002 agree with the golden table: 43/43 statuses, 23/23 pairs, 6/6 changes, with the commentary', async () => {
    const current = await read(new Uint8Array(readFileSync(SEED_2024)), 'nhs-2024-25', '2024/25');
    const comparison = compareEditions(previous, current, {aliases: aliases(), review: loaded});
    expect(await score(comparison)).toEqual({
      previousFound: '32/32',
      currentFound: '32/32',
      spuriousPrevious: 0,
      spuriousCurrent: 0,
      status: '43/43',
      pairs: '23/23',
      changes: '6/6',
    });
    expect(comparison.review).toMatchObject({entries: 43, applied: 43, reanchored: 0, stale: []});
    // Every row but one (a dropped maternity objective the table leaves without a comment) carries commentary.
    expect(comparison.rows.filter((r) => r.review?.commentary).length).toBe(comparison.rows.length - 1);
    const manual = comparison.rows.filter((r) => r.review?.manual);
    expect(manual.map((r) => [r.area, r.status, r.previous[0]!.provenance.file])).toEqual([['Workforce', 'dropped', REVIEW]]);
  });

  it('still applies every entry after one objective is reworded and one area renamed (one entry found again, by name)', async () => {
    const text = SEED.replace(REWORDED, REWORDED.replace('across', 'throughout')).replace('\nWorkforce\t', '\nPeople and workforce\t');
    expect(text).not.toBe(SEED);
    const current = await read(variant(text), 'nhs-2024-25', '2024/25');
    const comparison = compareEditions(previous, current, {aliases: aliases(), review: loaded});
    const review = comparison.review!;
    expect([review.entries, review.applied, review.reanchored, review.stale]).toEqual([43, 43, 1, []]);
    const notes = comparison.diagnostics.filter((d) => d.stage === 'review').map((d) => `${d.code} ${d.line}: ${d.message}`);
    expect(notes).toEqual([
      expect.stringMatching(/^review-reanchored \d+: Review entry 3: current objective "Improve Category 2 ambulance response times to an average of 30 minutes across 2024\/25" found again as "Improve Category 2 ambulance response times to an average of 30 minutes throughout 2024\/25" \(similarity 0\.9\d*\)$/),
      expect.stringMatching(/^review-reanchored \d+: Review manual 1: area "Workforce" is now "People and workforce", as its neighbour's$/),
    ]);
    const manual = comparison.rows.find((r) => r.review?.manual)!;
    expect(manual.area).toBe('People and workforce');
    expect((await score(comparison)).status).toBe('43/43');
  });

  it('reports the entry of an objective that is gone as stale, by name and line, and applies all the others', async () => {
    const text = SEED.replace(" Improve patients' experience of choice at point of referral\n", '\n');
    expect(text).not.toBe(SEED);
    const current = await read(variant(text), 'nhs-2024-25', '2024/25');
    const comparison = compareEditions(previous, current, {aliases: aliases(), review: loaded});
    const review = comparison.review!;
    expect([review.entries, review.applied, review.stale.length]).toEqual([43, 42, 1]);
    expect(review.stale[0]).toMatchObject({entry: 'entry 15', side: 'current', text: "Improve patients' experience of choice at point of referral"});
    const warning = comparison.diagnostics.find((d) => d.code === 'review-stale')!;
    expect(warning).toMatchObject({severity: 'warning', file: REVIEW, line: review.stale[0]!.line});
    expect(warning.message).toMatch(/^Cannot apply review entry 15: current objective "Improve patients' experience of choice at point of referral" not found in nhs-2024-25/);
    // Nothing lost silently: every entry is applied or listed as stale.
    expect(review.applied + review.stale.length).toBe(review.entries);
  });
});
