import {readFile} from 'node:fs/promises';
import {z} from 'zod';
import {diagnostic, DiagnosticError} from '../model/diagnostics.js';
import {HeaderVocabulary, mergeVocabularies} from '../model/header-vocabulary.js';
import {defaultHeaderVocabulary} from '../extract/header-vocabulary.js';
import {describeError} from './describe-error.js';
import {displayPath} from './read-input.js';

async function loadOne(path: string): Promise<HeaderVocabulary> {
  const file = displayPath(path);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? `not valid JSON (${error.message})` : describeError(error);
    throw new DiagnosticError(diagnostic('error', 'vocabulary-invalid', 'cli', `Cannot read header vocabulary: ${reason}`, {file}), {cause: error});
  }
  const parsed = HeaderVocabulary.safeParse(json);
  if (!parsed.success) {
    throw new DiagnosticError(diagnostic('error', 'vocabulary-invalid', 'cli', `Cannot read header vocabulary: ${z.prettifyError(parsed.error).replace(/\n\s*/g, ' ')}`, {file}));
  }
  return parsed.data;
}

/**
 * The shipped header vocabulary (`data/header-vocabulary.json`) plus any user files (their terms are
 * added); `undefined` when there are none, so that the extractor uses the shipped one.
 */
export async function loadVocabulary(extra: readonly string[] = []): Promise<HeaderVocabulary | undefined> {
  if (!extra.length) return undefined;
  const lists = await Promise.all(extra.map(loadOne));
  return mergeVocabularies(defaultHeaderVocabulary(), ...lists);
}
