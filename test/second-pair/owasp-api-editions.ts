// Reads the OWASP API Security Top 10 tables (test/fixtures/owasp-api/) into editions: one objective per
// row, its text "<risk name> — <description>" (the "APIn:YYYY - " number dropped: it is the list's
// numbering, not the risk), all in one group. The extractor does not yet read a "Risk | Description"
// table as objectives; this adapter stands in for it until it does.
import {readFileSync} from 'node:fs';
import {ingestDocument} from '../../src/ingest/ingest-document.js';
import {cellText} from '../../src/model/blocks.js';
import type {Edition, Objective} from '../../src/model/objective.js';

export async function owaspEdition(path: string, id: string, planYear: string): Promise<Edition> {
  const bytes = new Uint8Array(readFileSync(path));
  const result = await ingestDocument(bytes, {file: path.split('/').at(-1)!});
  if (result.status === 'failure') throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  const table = result.value.blocks.find((b) => b.kind === 'table');
  if (!table || table.kind !== 'table') throw new Error(`no table in ${path}`);
  const objectives: Objective[] = table.rows.map((row, k) => {
    const name = cellText(row.cells[0]!).replace(/^API\d+:\d{4}\s*-\s*/, '').trim();
    const text = `${name} — ${cellText(row.cells[1]!)}`;
    return {
      id: `${id}:${k}`,
      area: 'API security risks',
      groups: ['API security risks'],
      text,
      targets: [],
      deadlines: [],
      provenance: {file: result.value.file, sha256: result.value.sha256, line: row.at.line, endLine: row.at.line},
    };
  });
  return {id, title: `OWASP API Security Top 10 ${planYear}`, planYear, file: result.value.file, sha256: result.value.sha256, format: 'markdown', areas: ['API security risks'], objectives, diagnostics: []};
}
