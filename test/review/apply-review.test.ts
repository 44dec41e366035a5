import {describe, expect, it} from 'vitest';
import {compareEditions} from '../../src/pipeline.js';
import {aliases, CURRENT_MD, editions, review} from './shapes.js';

const texts = (list: readonly {text: string}[]): string[] => list.map((o) => o.text);

describe('applyReview (through compareEditions)', () => {
  it('forbids a weak pair, forces another, sets a status and keeps the machine reading beside it', async () => {
    const {previous, current} = await editions();
    const loaded = review(`
entries:
  - label: not the same clinics
    previous: [{text: Expand evening clinics in every district}]
    current: [{text: Offer weekend clinics in every district}]
    pair: forbid
  - previous: [{text: Train all ward staff in sepsis screening}]
    current: [{text: Publish a quarterly learning report on patient safety incidents}]
    pair: force
    commentary: Training is now reported through the learning report.
  - current: [{text: Offer weekend clinics in every district}]
    status: kept
    notes: {replace: [Clinics move from evenings to weekends]}
`);
    const machine = compareEditions(previous, current, {aliases: aliases()});
    const reviewed = compareEditions(previous, current, {aliases: aliases(), review: loaded});
    expect(machine.rows.find((r) => r.previous[0]?.text.startsWith('Expand'))?.current.map((o) => o.text)).toEqual(['Offer weekend clinics in every district']);

    const evening = reviewed.rows.find((r) => r.previous[0]?.text.startsWith('Expand'))!;
    expect([evening.status, evening.current]).toEqual(['dropped', []]);
    expect(evening.review).toMatchObject({fields: ['pair'], overridden: ['pair'], entries: ['not the same clinics']});

    const weekend = reviewed.rows.find((r) => r.current[0]?.text.startsWith('Offer'))!;
    expect(weekend.previous).toEqual([]);
    expect(weekend.status).toBe('kept');
    expect(weekend.review).toMatchObject({machineStatus: 'new', notes: ['Clinics move from evenings to weekends'], notesMode: 'replace'});
    expect(weekend.review!.overridden).toEqual(expect.arrayContaining(['pair', 'status', 'notes']));

    const forced = reviewed.rows.find((r) => r.previous[0]?.text.startsWith('Train'))!;
    expect([forced.status, texts(forced.current)]).toEqual(['kept', ['Publish a quarterly learning report on patient safety incidents']]);
    expect(forced.review).toMatchObject({commentary: 'Training is now reported through the learning report.'});
    expect(forced.similarity).toBeGreaterThanOrEqual(0);

    // Untouched rows are the machine's, unmarked; the summary is counted again.
    const waits = reviewed.rows.find((r) => r.previous[0]?.text.startsWith('Cut'))!;
    expect(waits.review).toBeUndefined();
    expect(waits).toEqual(machine.rows.find((r) => r.previous[0]?.text.startsWith('Cut')));
    expect(reviewed.summary).toEqual({kept: 4, new: 0, dropped: 1, changed: 4});
    expect(reviewed.review).toEqual({file: 'review.yaml', sha256: loaded.sha256, entries: 3, applied: 3, reanchored: 0, stale: []});
  });

  it('adds notes beside the machine\'s changes, joins commentaries, and places a manual row after its neighbour', async () => {
    const {previous, current} = await editions();
    const loaded = review(`
entries:
  - previous: [{text: Report every never event within 48 hours, area: Safety, position: 3}]
    notes: {add: [Halved reporting time]}
    commentary: First comment.
  - current: [{text: Report every never event within 24 hours}]
    commentary: Second comment.
manual:
  - area: Safety
    previous: Audit hand hygiene monthly
    status: dropped
    commentary: In the published table but not in the plan's text.
    after: {previous: {text: Report every never event within 48 hours, area: Safety}}
`);
    const reviewed = compareEditions(previous, current, {aliases: aliases(), review: loaded});
    const k = reviewed.rows.findIndex((r) => r.previous[0]?.text.startsWith('Report'));
    const row = reviewed.rows[k]!;
    expect(row.review).toMatchObject({fields: ['notes', 'commentary'], overridden: [], notes: ['Halved reporting time'], notesMode: 'add', commentary: 'First comment.\n\nSecond comment.'});
    expect(row.changes.map((c) => c.kind)).toContain('target-lowered');
    const manual = reviewed.rows[k + 1]!;
    // The neighbour's area was renamed (Safety → Quality and safety): the manual row follows it.
    expect(manual).toMatchObject({area: 'Quality and safety', status: 'dropped', current: [], review: {manual: true, fields: ['row', 'status', 'commentary']}});
    expect(manual.previous[0]).toMatchObject({text: 'Audit hand hygiene monthly', provenance: {file: 'review.yaml', line: 9}});
    expect(reviewed.diagnostics.filter((d) => d.stage === 'review').map((d) => d.code)).toEqual(['review-reanchored']);
    expect(reviewed.summary.dropped).toBe(2);
  });

  it('reports an entry whose objective is gone as stale, by name and line, and applies the rest', async () => {
    const {previous, current} = await editions(CURRENT_MD.replace('| Access | Offer weekend clinics in every district |\n', ''));
    const loaded = review(`entries:
  - label: weekend clinics
    current: [{text: Offer weekend clinics in every district}]
    commentary: Good news for working patients.
  - previous: [{text: Train all ward staff in sepsis screening}]
    status: dropped
    commentary: Still expected locally.
`);
    const reviewed = compareEditions(previous, current, {aliases: aliases(), review: loaded});
    expect(reviewed.review!.applied).toBe(1);
    expect(reviewed.review!.stale).toEqual([
      expect.objectContaining({entry: 'weekend clinics', line: 2, side: 'current', text: 'Offer weekend clinics in every district'}),
    ]);
    const warning = reviewed.diagnostics.find((d) => d.code === 'review-stale')!;
    expect(warning).toMatchObject({severity: 'warning', stage: 'review', file: 'review.yaml', line: 2});
    expect(warning.message).toMatch(/^Cannot apply review weekend clinics: current objective "Offer weekend clinics in every district" not found in p31/);
    expect(JSON.stringify(reviewed)).not.toContain('Good news for working patients');
    expect(reviewed.rows.find((r) => r.previous[0]?.text.startsWith('Train'))!.review?.commentary).toBe('Still expected locally.');
  });

  it('warns when two entries disagree, and the later one wins', async () => {
    const {previous, current} = await editions();
    const loaded = review(`entries:
  - previous: [{text: Expand evening clinics in every district}]
    current: [{text: Offer weekend clinics in every district}]
    pair: forbid
  - previous: [{text: Expand evening clinics in every district}]
    current: [{text: Offer weekend clinics in every district}]
    pair: force
  - previous: [{text: Expand evening clinics in every district}]
    status: new
  - previous: [{text: Expand evening clinics in every district}]
    status: dropped
`);
    const reviewed = compareEditions(previous, current, {aliases: aliases(), review: loaded});
    const conflicts = reviewed.diagnostics.filter((d) => d.code === 'review-conflict');
    expect(conflicts.map((d) => d.line)).toEqual([5, 10]);
    const row = reviewed.rows.find((r) => r.previous[0]?.text.startsWith('Expand'))!;
    expect([row.status, row.current.length, row.review?.machineStatus]).toEqual(['dropped', 1, 'kept']);
  });
});
