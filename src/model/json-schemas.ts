import {z} from 'zod';
import {Aliases} from './aliases.js';
import {Comparison} from './comparison.js';
import {diagnosticCodes} from './diagnostic-codes.js';
import {Manifest} from './manifest.js';
import {SeriesLineage} from './lineage.js';
import {Edition} from './objective.js';
import {Review, ReviewImportVocabulary} from './review.js';
import {HeaderVocabulary} from './header-vocabulary.js';
import {SourceDocument} from './document.js';

const SCHEMAS = {
  'comparison.schema.json': Comparison,
  'edition.schema.json': Edition,
  'source-document.schema.json': SourceDocument,
  'manifest.schema.json': Manifest,
  'aliases.schema.json': Aliases,
  'header-vocabulary.schema.json': HeaderVocabulary,
  'lineage.schema.json': SeriesLineage,
  'review.schema.json': Review,
  'review-import.schema.json': ReviewImportVocabulary,
} as const;

/**
 * The JSON Schemas (draft 2020-12) generated from the zod models, keyed by file name under `schemas/`,
 * each as the text to write (2-space JSON, trailing newline).
 */
export function jsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    const json = z.toJSONSchema(schema, {target: 'draft-2020-12', io: 'output', unrepresentable: 'throw'});
    out[name] = `${JSON.stringify({$id: name, ...json}, null, 2)}\n`;
  }
  return out;
}

/** The README's table of diagnostic codes, generated from `diagnostic-codes.ts`. */
export function diagnosticsTable(): string {
  const rows = Object.entries(diagnosticCodes).map(([code, {reason, note}]) => `| \`${code}\` | ${reason} | ${note} |`);
  return ['| code | reason | note |', '| --- | --- | --- |', ...rows].join('\n');
}
