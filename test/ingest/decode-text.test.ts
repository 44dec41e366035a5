import {describe, expect, it} from 'vitest';
import {decodeText} from '../../src/ingest/decode/decode-text.js';

describe('decodeText', () => {
  it('reads valid UTF-8 and strips a UTF-8 BOM', () => {
    expect(decodeText(new TextEncoder().encode('café “x”'))).toMatchObject({text: 'café “x”', encoding: 'utf-8', evidence: 'utf-8-valid'});
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a')]);
    expect(decodeText(bom)).toMatchObject({text: 'a', encoding: 'utf-8', evidence: 'bom'});
  });

  it('reads UTF-16 with and without a BOM', () => {
    const le = Buffer.from('\ufeffArea\tObjective', 'utf16le');
    expect(decodeText(new Uint8Array(le))).toMatchObject({text: 'Area\tObjective', encoding: 'utf-16le'});
    const be = Buffer.from('Reduce waits', 'utf16le').swap16();
    expect(decodeText(new Uint8Array(be))).toMatchObject({text: 'Reduce waits', encoding: 'utf-16be'});
  });

  it('falls back to windows-1252 for bytes that are not UTF-8', () => {
    const bytes = new Uint8Array([0x93, 0x72, 0x65, 0x6d, 0x61, 0x69, 0x6e, 0x73, 0x94, 0x20, 0x80, 0x35]);
    expect(decodeText(bytes)).toMatchObject({text: '“remains” €5', encoding: 'windows-1252', evidence: 'fallback'});
  });

  it('normalises CRLF and CR line endings', () => {
    expect(decodeText(new TextEncoder().encode('a\r\nb\rc')).text).toBe('a\nb\nc');
  });
});
