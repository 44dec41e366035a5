import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {Aliases, mergeAliases} from '../model/aliases.js';
import {packageRoot} from './package-root.js';
import {readJsonFile} from './read-json-file.js';

/** Where the aliases shipped with the package live (`data/aliases.json`). */
export const DEFAULT_ALIASES_PATH = join(packageRoot, 'data', 'aliases.json');

let shipped: Aliases | undefined;

/**
 * The aliases shipped with the package (`data/aliases.json`), the ones the CLI applies by default.
 *
 * @example
 * defaultAliases().length > 0; // true
 */
export function defaultAliases(): Aliases {
  shipped ??= Aliases.parse(JSON.parse(readFileSync(DEFAULT_ALIASES_PATH, 'utf8')));
  return shipped;
}

/** The shipped aliases plus any user files (their entries are added). */
export async function loadAliases(extra: readonly string[] = []): Promise<Aliases> {
  const lists = await Promise.all(extra.map((path) => readJsonFile(path, Aliases, {code: 'aliases-invalid', what: 'aliases'})));
  return mergeAliases(defaultAliases(), ...lists);
}
