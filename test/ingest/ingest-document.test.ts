import {describe, expect, it} from 'vitest';
import {ingestDocument} from '../../src/ingest/ingest-document.js';

const ingest = (bytes: Uint8Array, maxBytes?: number) =>
  ingestDocument(bytes, maxBytes === undefined ? {file: 'x.bin'} : {file: 'x.bin', maxBytes});

describe('ingestDocument', () => {
  it('refuses an empty file', async () => {
    const result = await ingest(new Uint8Array());
    expect(result.status).toBe('failure');
    expect(result.diagnostics[0]).toMatchObject({code: 'file-empty', severity: 'error', file: 'x.bin'});
  });

  it('refuses binary junk', async () => {
    const junk = new Uint8Array(256).map((_, i) => (i * 37) % 256);
    expect((await ingest(junk)).diagnostics[0]!.code).toBe('binary-content');
  });

  it('refuses a document over the size limit', async () => {
    expect((await ingest(new TextEncoder().encode('abc'), 2)).diagnostics[0]!.code).toBe('file-too-large');
  });

  it('records sha256, format and encoding', async () => {
    const result = await ingest(new TextEncoder().encode('Title\n'));
    // sha256 of "Title\n", as printed by `printf 'Title\n' | sha256sum`.
    expect(result.value).toMatchObject({format: 'text', encoding: 'utf-8', sha256: '2050a5c6f02df17a2a0c31d68580e91c8eff3c63b1de2e005749dfa7710c6210'});
  });
});
