import {HeaderVocabulary, mergeVocabularies} from '../model/header-vocabulary.js';
import {defaultHeaderVocabulary} from '../extract/header-vocabulary.js';
import {readJsonFile} from './read-json-file.js';

/**
 * The shipped header vocabulary (`data/header-vocabulary.json`) plus any user files (their terms are
 * added); `undefined` when there are none, so that the extractor uses the shipped one.
 */
export async function loadVocabulary(extra: readonly string[] = []): Promise<HeaderVocabulary | undefined> {
  if (!extra.length) return undefined;
  const lists = await Promise.all(extra.map((path) => readJsonFile(path, HeaderVocabulary, {code: 'vocabulary-invalid', what: 'header vocabulary'})));
  return mergeVocabularies(defaultHeaderVocabulary(), ...lists);
}
