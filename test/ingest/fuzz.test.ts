import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {extractObjectives} from '../../src/extract/extract-objectives.js';
import {ingestDocument} from '../../src/ingest/ingest-document.js';
import {Diagnostic} from '../../src/model/diagnostic.js';
import {SourceDocument} from '../../src/model/document.js';
import {Edition} from '../../src/model/objective.js';

/** Ingest and extract must always return a typed result: never throw, never hang. */
async function pipeline(bytes: Uint8Array): Promise<void> {
  const ingested = await ingestDocument(bytes, {file: 'fuzz.bin'});
  for (const d of ingested.diagnostics) Diagnostic.parse(d);
  if (ingested.status === 'failure') {
    expect(ingested.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    return;
  }
  SourceDocument.parse(ingested.value);
  const extracted = extractObjectives(ingested.value);
  if (extracted.status !== 'failure') Edition.parse(extracted.value);
  else expect(extracted.diagnostics.some((d) => d.severity === 'error')).toBe(true);
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const markup = fc.constantFrom('<table>', '<tr>', '<td>', '<th rowspan="9999">', '<td colspan="-3">', '</td>', '</table>', '<ul>', '<li>', '<p>', '<br>', '<script>', '<!--', '-->', '| a | b |', '|---|---|', '\t', '\n', '# ', '- ', 'Area', 'Objective', 'Improve waits', 'by March 2025', '76%', '鈥檚', 'â€™', '%PDF-', '\u0000', '\uFEFF');

describe('hostile input never escapes as an exception', () => {
  it('arbitrary bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({maxLength: 4096}), async (bytes) => pipeline(bytes)), {numRuns: 300});
  });

  it('arbitrary Unicode', async () => {
    await fc.assert(fc.asyncProperty(fc.string({unit: 'grapheme', maxLength: 2000}), async (s) => pipeline(text(s))), {numRuns: 300});
  });

  it('shuffled table, list and encoding fragments', async () => {
    await fc.assert(fc.asyncProperty(fc.array(markup, {maxLength: 300}), async (parts) => pipeline(text(parts.join('')))), {numRuns: 300});
  });

  it('deeply nested HTML and Markdown, huge lines, many rows', async () => {
    const cases = [
      `<!doctype html><body>${'<div>'.repeat(20_000)}Improve waits`,
      `<!doctype html><body>${'<table><tr><td>'.repeat(3_000)}x`,
      `${'> '.repeat(5_000)}Improve waits\n`,
      `# T\n\n${'[a](b) '.repeat(300_000)}`,
      `Area\tObjective\nCancer\t${'Improve waits '.repeat(400_000)}\n`,
      'x\ty\n'.repeat(300_000),
    ];
    for (const c of cases) await pipeline(text(c));
  });

  it('refuses markup nested too deeply for the parser, naming the reason', async () => {
    const result = await ingestDocument(text(`<!doctype html><body>${'<div>'.repeat(20_000)}x`), {file: 'deep.html'});
    expect(result).toMatchObject({status: 'failure', diagnostics: [{code: 'parse-failed', message: 'Cannot parse HTML: nesting too deep', file: 'deep.html'}]});
  });

  it('cuts huge lines and stops at 2,000 objectives, saying so', async () => {
    const huge = await ingestDocument(text(`# T\n\n${'x'.repeat(150_000)}\n`), {file: 'h.md'});
    expect(huge.status).toBe('partial');
    expect(huge.diagnostics).toContainEqual(expect.objectContaining({code: 'limit-exceeded', line: 3}));
    const many = await ingestDocument(text(`T\n\n\tArea\tObjective\n${'\tCancer\tImprove waits\n'.repeat(2_500)}`), {file: 'm.txt'});
    const extracted = extractObjectives(many.value!);
    expect(extracted.value!.objectives).toHaveLength(2000);
    expect(extracted.diagnostics.map((d) => d.code)).toContain('limit-exceeded');
  });
});
