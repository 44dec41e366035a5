import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {extractObjectives} from '../src/extract/extract-objectives.js';
import {ingestDocument} from '../src/ingest/ingest-document.js';
import {Aliases} from '../src/model/aliases.js';
import type {Edition} from '../src/model/objective.js';
import type {SourceDocument} from '../src/model/document.js';

export const root = join(import.meta.dirname, '..');
export const fixture = (...parts: string[]): string => join(root, 'test', 'fixtures', ...parts);
export const SEED_2023 = fixture('seeds', '001_93485f810e474ae5.txt');
export const SEED_2024 = fixture('seeds', '002_6b21c1411abdb729.txt');
export const HTML_2023 = fixture('html', 'nhs-objectives-2023-24.html');
export const HTML_2024 = fixture('html', 'nhs-planning-guidance-2024-25.html');
export const PDF_2023 = fixture('pdf', 'nhs-objectives-2023-24.pdf');
export const PDF_2024 = fixture('pdf', 'nhs-planning-guidance-2024-25.pdf');
export const LAYOUT_2023 = fixture('layout', 'nhs-objectives-2023-24.layout.txt');
export const LAYOUT_2024 = fixture('layout', 'nhs-planning-guidance-2024-25.layout.txt');

export const aliases = (): Aliases => Aliases.parse(JSON.parse(readFileSync(join(root, 'data', 'aliases.json'), 'utf8')));

/** Ingest a string or file as a source document (throws if ingest fails: tests expect success). */
export async function source(input: string | Uint8Array, file = 'test.txt'): Promise<SourceDocument> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const result = await ingestDocument(bytes, {file});
  if (result.status === 'failure') throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  return result.value;
}

export async function sourceFile(path: string): Promise<SourceDocument> {
  return source(new Uint8Array(readFileSync(path)), path.split('/').at(-1));
}

/** Ingest and extract (throws on failure). */
export async function edition(input: string | Uint8Array, file = 'test.txt', editionId?: string): Promise<Edition> {
  const doc = await source(input, file);
  const result = extractObjectives(doc, editionId ? {editionId} : {});
  if (result.status === 'failure') throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  return result.value;
}

export async function editionFile(path: string, editionId?: string): Promise<Edition> {
  return edition(new Uint8Array(readFileSync(path)), path.split('/').at(-1), editionId);
}
