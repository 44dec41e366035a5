import {describe, expect, it} from 'vitest';
import {buildLineage} from '../../src/lineage/build-lineage.js';
import {defaultAliases} from '../../src/io/load-aliases.js';
import {matchObjectives} from '../../src/match/match-objectives.js';
import type {Edition} from '../../src/model/objective.js';
import {aliases, editionFile, SEED_2023, SEED_2024} from '../helpers.js';

function ed(planYear: string, rows: [area: string, text: string][]): Edition {
  const id = `e${planYear.slice(0, 4)}`;
  return {
    id,
    title: id,
    planYear,
    file: `${id}.txt`,
    sha256: '',
    format: 'text',
    areas: [...new Set(rows.map((r) => r[0]))],
    objectives: rows.map(([area, text], k) => ({id: `${id}:${k}`, area, groups: [area], text, targets: [], deadlines: [], provenance: {file: `${id}.txt`, sha256: '', line: k + 1, endLine: k + 1}})),
    diagnostics: [],
  };
}

const statuses = (lineage: ReturnType<typeof buildLineage>) => lineage.lineages.map((l) => l.cells.map((c) => c.status).join(' '));

describe('buildLineage', () => {
  const waits = 'Reduce the number of patients waiting over 62 days for cancer treatment';
  const editions = [
    ed('2022/23', [
      ['Cancer', waits],
      ['Workforce', 'Improve staff retention through the people promise'],
      ['Dental', 'Recover dental activity towards pre-pandemic levels'],
    ]),
    ed('2023/24', [
      ['Cancer', waits],
      ['Workforce', 'Improve staff retention and attendance through the people promise'],
      ['Digital', 'Roll out electronic patient records in every trust'],
    ]),
    ed('2024/25', [
      ['Cancer', waits],
      ['Workforce', 'Improve staff retention and attendance through the people promise'],
      ['Dental', 'Recover dental activity towards pre-pandemic levels'],
      ['Digital', 'Roll out electronic patient records in every trust'],
    ]),
  ];

  it('follows each objective across editions: kept, changed, new, dropped and reinstated', () => {
    const lineage = buildLineage('s', editions);
    expect(lineage.editions.map((e) => e.planYear)).toEqual(['2022/23', '2023/24', '2024/25']);
    expect(statuses(lineage)).toEqual(['present kept kept', 'present changed kept', 'present dropped reinstated', 'absent new kept']);
    expect(lineage.lineages[2]!.cells[2]!.objectives).toEqual(['e2024:2']);
  });

  it('uses match sets passed in for consecutive pairs instead of matching them again', () => {
    const lineage = buildLineage('s', editions);
    const [, second, third] = editions;
    const {previous: _p, current: _c, ...matched} = matchObjectives(second!, third!, {aliases: defaultAliases()});
    expect(buildLineage('s', editions, {matched: [undefined, undefined, matched]})).toEqual(lineage);
    // What is passed is what is used: the pair 2023 → 2024 matched as all new and dropped.
    const none = {groups: [...third!.objectives.map((_, j) => ({kind: 'new' as const, previous: [], current: [j], score: 0, confidence: 1})), ...second!.objectives.map((_, i) => ({kind: 'dropped' as const, previous: [i], current: [], score: 0, confidence: 1}))]};
    expect(statuses(buildLineage('s', editions, {matched: [undefined, undefined, none]}))).not.toEqual(statuses(lineage));
  });

  it('gives lineages ids that do not change between runs', () => {
    expect(buildLineage('s', editions).lineages.map((l) => l.id)).toEqual(buildLineage('s', editions).lineages.map((l) => l.id));
    expect(buildLineage('s', editions).lineages[0]!.id).toMatch(/^L-[0-9a-f]{10}$/);
  });

  it('records the three-way mental health merge and the absorbed maternity objectives in the seed editions', async () => {
    const lineage = buildLineage('nhs', [await editionFile(SEED_2023, 'a'), await editionFile(SEED_2024, 'b')], {aliases: aliases()});
    const cells = lineage.lineages.map((l) => l.cells[1]!);
    expect(cells.filter((c) => c.status === 'merged')).toHaveLength(2);
    expect(cells.filter((c) => c.status === 'dropped' && c.note?.startsWith('absorbed into'))).toHaveLength(2);
    expect(lineage.lineages).toHaveLength(31 + 11);
  });

  it('keeps every lineage id when an edition is added before, between or after the others (ids anchored in registration order)', () => {
    const [e2022, e2023, e2024] = editions;
    const e2025 = ed('2025/26', [
      ['Cancer', waits],
      ['Digital', 'Roll out electronic patient records in every trust and every practice'],
      ['Prevention', 'Expand lung health checks to every area'],
    ]);
    const idsOf = (l: ReturnType<typeof buildLineage>): Map<string, string> =>
      new Map(l.lineages.flatMap((x) => x.cells.flatMap((c) => (['merged', 'dropped', 'absent'].includes(c.status) ? [] : c.objectives.map((o) => [o, x.id] as const)))));
    // Registered first: 2023 and 2024. Then 2022 (earlier), then 2025 (later).
    const before = idsOf(buildLineage('s', [e2023!, e2024!]));
    const earlier = idsOf(buildLineage('s', [e2022!, e2023!, e2024!], {registered: [1, 2, 0]}));
    const all = idsOf(buildLineage('s', [e2022!, e2023!, e2024!, e2025], {registered: [1, 2, 0, 3]}));
    for (const [objective, id] of before) {
      expect(earlier.get(objective), objective).toBe(id);
      expect(all.get(objective), objective).toBe(id);
    }
    // Between: 2022 and 2024 registered first, then 2023 in the middle.
    const ends = idsOf(buildLineage('s', [e2022!, e2024!]));
    const middle = idsOf(buildLineage('s', [e2022!, e2023!, e2024!], {registered: [0, 2, 1]}));
    for (const [objective, id] of ends) expect(middle.get(objective), objective).toBe(id);
    // Without the registration order the earliest edition anchors: adding 2022 would rename.
    const naive = idsOf(buildLineage('s', [e2022!, e2023!, e2024!]));
    expect([...before].some(([objective, id]) => naive.get(objective) !== id)).toBe(true);
  });
});
