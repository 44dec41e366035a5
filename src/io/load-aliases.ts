import {readFileSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {z} from 'zod';
import {Aliases, mergeAliases} from '../model/aliases.js';
import {diagnostic, DiagnosticError} from '../model/diagnostics.js';
import {describeError} from './describe-error.js';
import {displayPath} from './read-input.js';
import {packageRoot} from './package-root.js';

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

async function loadOne(path: string): Promise<Aliases> {
  const file = displayPath(path);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? `not valid JSON (${error.message})` : describeError(error);
    throw new DiagnosticError(diagnostic('error', 'aliases-invalid', 'cli', `Cannot read aliases: ${reason}`, {file}), {cause: error});
  }
  const parsed = Aliases.safeParse(json);
  if (!parsed.success) {
    throw new DiagnosticError(diagnostic('error', 'aliases-invalid', 'cli', `Cannot read aliases: ${z.prettifyError(parsed.error).replace(/\n\s*/g, ' ')}`, {file}));
  }
  return parsed.data;
}

/** The shipped aliases plus any user files (their entries are added). */
export async function loadAliases(extra: readonly string[] = []): Promise<Aliases> {
  const lists = await Promise.all(extra.map(loadOne));
  return mergeAliases(defaultAliases(), ...lists);
}
