import {describe, expect, it, vi} from 'vitest';

// Running as root, a chmod 000 file stays readable; the read failure is simulated at the fs boundary.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    open: vi.fn(async () => {
      throw Object.assign(new Error("EACCES: permission denied, open 'locked.pdf'"), {code: 'EACCES'});
    }),
  };
});

const {readInput} = await import('../../src/io/read-input.js');

describe('readInput', () => {
  it('refuses an unreadable file with a diagnostic naming it', async () => {
    await expect(readInput(import.meta.filename, {maxBytes: 1_000_000})).rejects.toMatchObject({
      diagnostic: {code: 'file-unreadable', message: 'Cannot read document: permission denied', severity: 'error'},
    });
  });
});
