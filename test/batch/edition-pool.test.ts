import {describe, expect, it} from 'vitest';
import {EditionPool} from '../../src/batch/edition-pool.js';
import {readEdition} from '../../src/pipeline.js';
import {defaultAliases} from '../../src/io/load-aliases.js';

const markdown = (year: number): Uint8Array =>
  new TextEncoder().encode(`# Objectives ${year}\n\n| Area | Objective |\n| --- | --- |\n| Elective care | Eliminate waits of over 65 weeks by March ${year} |\n| Cancer | Improve performance against the 28-day standard to 80% by March ${year} |\n`);

describe('EditionPool', () => {
  it('reads and compares on two workers (one per side) as the calling thread would', async () => {
    const pool = new EditionPool(2);
    try {
      const years = [2024, 2025, 2026, 2027];
      const read = await Promise.all(years.map((y) => pool.read(markdown(y), {file: `${y}.md`, planYear: `${y}/${(y + 1) % 100}`})));
      const here = await Promise.all(years.map(async (y) => {
        const {document: _document, ...result} = await readEdition(markdown(y), {file: `${y}.md`, planYear: `${y}/${(y + 1) % 100}`, threads: 1});
        return result;
      }));
      expect(read).toEqual(here);
      const editions = read.map((r) => r.value!);
      const made = await Promise.all(editions.slice(1).map((e, k) => pool.compare(editions[k]!, e, defaultAliases(), '0.0.0', ['json'])));
      expect(made.map((m) => m.files.map((f) => f.name))).toEqual([['comparison.json'], ['comparison.json'], ['comparison.json']]);
    } finally {
      await pool.close();
    }
  });

  it('rejects a job once closed', async () => {
    const pool = new EditionPool(2);
    await pool.close();
    await expect(pool.read(markdown(2024), {file: '2024.md'})).rejects.toThrow('the worker pool is closed');
  });
});
