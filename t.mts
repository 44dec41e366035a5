import {readFileSync} from 'node:fs';
import {splitLines} from './src/ingest/text/text-lines.ts';
import {findLayoutTables} from './src/ingest/text/layout-table.ts';
const lines = splitLines(readFileSync('test/fixtures/shapes/priority-measure-health/doc.layout.txt','utf8'));
const found = findLayoutTables(lines, () => false);
console.log(found.map(f => [f.start, f.end, f.input.columns.length]));
