// The shape corpus is consistent: every case's expected.json is valid and current, every listed format exists and
// is what scripts/make-shapes.ts makes from case.json, and SHA256SUMS lists every file with its hash.
// (Whether the extractor reads the corpus right is measured by `npm run bench:shapes`, not asserted here.)
import {createHash} from 'node:crypto';
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {describe, expect, it} from 'vitest';
import {FORMAT_FILE, SCRAMBLED_FILE, ShapeCase} from '../../scripts/make-shapes-model.js';
import {deriveExpected, renderHtml, renderMarkdown, renderText, scrambleCase} from '../../scripts/make-shapes-render.js';
import {ExpectedShape} from './expected-schema.js';
import {normaliseShapeText} from './score-shape.js';

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'shapes');
const ids = readdirSync(ROOT)
  .filter((d) => existsSync(join(ROOT, d, 'case.json')))
  .sort();
const read = (id: string, file: string): string => readFileSync(join(ROOT, id, file), 'utf8');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
}

describe('shape corpus', () => {
  it('holds at least 25 cases in at least 15 shapes, every shape in at least two formats', () => {
    expect(ids.length).toBeGreaterThanOrEqual(25);
    const shapes = new Set(ids.map((id) => ShapeCase.parse(JSON.parse(read(id, 'case.json'))).shape));
    expect(shapes.size).toBeGreaterThanOrEqual(15);
  });

  it.each(ids)('%s: expected.json is valid, current and consistent with its stated counts', (id) => {
    const c = ShapeCase.parse(JSON.parse(read(id, 'case.json')));
    const expected = ExpectedShape.parse(JSON.parse(read(id, 'expected.json')));
    expect(expected).toEqual(JSON.parse(JSON.stringify(deriveExpected(c))));
    const keys = expected.items.map((i) => [...i.groups, i.text].map(normaliseShapeText).join(' › '));
    expect(new Set(keys).size, 'no item appears twice in the same groups').toBe(keys.length);
    for (const stated of expected.statedCounts ?? []) {
      const counted =
        stated.of === 'items'
          ? expected.items.length
          : new Set(expected.items.map((i) => (stated.of === 'groups' ? i.groups.join(' › ') : (i.groups[0] ?? '')))).size;
      expect(counted, `${stated.count} ${stated.noun}`).toBe(stated.count);
    }
  });

  it.each(ids)('%s: every listed format exists and the text formats are what the script makes', (id) => {
    const c = ShapeCase.parse(JSON.parse(read(id, 'case.json')));
    for (const format of c.formats) expect(existsSync(join(ROOT, id, FORMAT_FILE[format])), FORMAT_FILE[format]).toBe(true);
    expect(read(id, FORMAT_FILE.html)).toBe(renderHtml(c));
    if (c.formats.includes('md')) expect(read(id, FORMAT_FILE.md)).toBe(renderMarkdown(c));
    if (c.formats.includes('txt')) expect(read(id, FORMAT_FILE.txt)).toBe(renderText(c));
    if (c.formats.includes('pdf')) {
      expect(readFileSync(join(ROOT, id, FORMAT_FILE.pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const scrambled = JSON.stringify(scrambleCase(c)) !== JSON.stringify(c);
      expect(existsSync(join(ROOT, id, SCRAMBLED_FILE.pdf!)), 'scrambled PDF exactly when a table has a header').toBe(scrambled);
      if (scrambled && c.formats.includes('layout')) expect(existsSync(join(ROOT, id, SCRAMBLED_FILE.layout!))).toBe(true);
    }
  });

  it('scrambles every header word and keeps the periods', () => {
    for (const id of ids) {
      const c = ShapeCase.parse(JSON.parse(read(id, 'case.json')));
      const scrambled = scrambleCase(c);
      c.blocks.forEach((block, b) => {
        if (!('table' in block) || !block.table.header) return;
        const after = scrambled.blocks[b]! as typeof block;
        block.table.header.forEach((cell, i) => {
          const words = cell.match(/[A-Za-z][A-Za-z'’]*/g) ?? [];
          const out = after.table.header![i]!;
          for (const w of words) if (!/\d$/.test(cell.slice(0, cell.indexOf(w)))) expect(out.split(/[^A-Za-z'’]+/)).not.toContain(w);
          expect(out.match(/\d{4}(?:\/\d{2})?/g) ?? []).toEqual(cell.match(/\d{4}(?:\/\d{2})?/g) ?? []);
        });
      });
    }
  });

  it('SHA256SUMS lists every file with its hash, and the corpus stays small', () => {
    const sums = new Map(
      readFileSync(join(ROOT, 'SHA256SUMS'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => {
          const [hash, file] = line.split(/\s+/);
          return [file!.replace(/^\.\//, ''), hash!] as const;
        }),
    );
    const files = walk(ROOT)
      .map((f) => relative(ROOT, f).split('\\').join('/'))
      .filter((f) => f !== 'SHA256SUMS')
      .sort();
    expect([...sums.keys()].sort()).toEqual(files);
    let bytes = 0;
    for (const file of files) {
      const data = readFileSync(join(ROOT, file));
      bytes += data.length;
      expect(createHash('sha256').update(data).digest('hex'), file).toBe(sums.get(file));
    }
    expect(bytes).toBeLessThan(5 * 1024 * 1024);
  });
});
