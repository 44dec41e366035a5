import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import {repairMojibake} from '../../src/ingest/decode/repair-mojibake.js';
import {fixture, source} from '../helpers.js';

const original = readFileSync(fixture('encoding', 'objectives.utf8.txt'), 'utf8');

describe('repairMojibake', () => {
  it('repairs UTF-8 read as GBK (seed 004): “remains, ’s, ‘I, and no 鈥 left', () => {
    const text = readFileSync(fixture('seeds', '004_3f042af60005a1b8.txt'), 'utf8');
    const repaired = repairMojibake(text, '004.txt');
    expect(repaired.misreadAs).toBe('gbk');
    expect(repaired.text).toContain('the central aim for the NHS “remains the recovery');
    expect(repaired.text).toContain('young people’s mental health');
    expect(repaired.text).not.toContain('鈥');
    expect(repaired.text).toContain('皇家华人'); // genuine Chinese is left alone
    expect(repaired.repairs[0]).toEqual({line: 12, from: '鈥渞', to: '“r'});
  });

  it('cannot prove characters whose last byte was lost: U+FFFD and a warning with the line for each', () => {
    const repaired = repairMojibake(readFileSync(fixture('seeds', '004_3f042af60005a1b8.txt'), 'utf8'), '004.txt');
    const unrepaired = repaired.diagnostics.filter((d) => d.code === 'encoding-mojibake-unrepaired');
    expect(unrepaired.length).toBe((repaired.text.match(/\uFFFD/g) ?? []).length);
    expect(unrepaired[0]).toMatchObject({severity: 'warning', line: 12, file: '004.txt'});
    expect(repaired.diagnostics[0]).toMatchObject({code: 'encoding-mojibake', severity: 'info'});
  });

  it('repairs UTF-8 read as windows-1252 (â€™ → ’, Ã© → é, Â£ → £)', () => {
    const repaired = repairMojibake(readFileSync(fixture('encoding', 'objectives.mojibake-windows-1252.txt'), 'utf8'), 'm.txt');
    expect(repaired.misreadAs).toBe('windows-1252');
    // ” lost its last byte (0x9D is undefined in windows-1252): the rest comes back exactly.
    expect(repaired.text).toBe(original.replace(/”/g, '\uFFFD'));
  });

  it('leaves clean text, genuine accents and genuine Chinese alone', () => {
    for (const text of [original, 'café, naïve, São Paulo, Zürich – “quoted”', '国家卫生服务体系 and the NHS', 'plain ASCII']) {
      expect(repairMojibake(text, 'x.txt')).toEqual({text, repairs: [], diagnostics: []});
    }
  });
});

describe('ingest of other encodings', () => {
  const read = async (name: string) => source(new Uint8Array(readFileSync(fixture('encoding', name))), name);

  it('reads windows-1252, UTF-16LE with a BOM and UTF-16BE without one', async () => {
    for (const [name, encoding] of [
      ['objectives.windows-1252.txt', 'windows-1252'],
      ['objectives.utf-16le-bom.txt', 'utf-16le'],
      ['objectives.utf-16be.txt', 'utf-16be'],
    ] as const) {
      const doc = await read(name);
      expect(doc.encoding, name).toBe(encoding);
      const table = doc.blocks.find((b) => b.kind === 'table');
      expect(JSON.stringify(table), name).toContain('the NHS’s “headline” standard');
      expect(doc.title, name).toBe('National objectives 2025/26 – “draft” for consultation');
    }
  });

  it('repairs mojibake during ingest and reports the repairs', async () => {
    const doc = await read('objectives.mojibake-windows-1252.txt');
    expect(doc.repairs.length).toBeGreaterThan(5);
    expect(doc.title).toBe('National objectives 2025/26 – “draft\uFFFD for consultation');
  });
});
