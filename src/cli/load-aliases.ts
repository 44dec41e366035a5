import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {z} from 'zod';
import {Aliases, mergeAliases} from '../model/aliases.js';
import {diagnostic, DiagnosticError} from '../model/diagnostics.js';
import {displayPath} from './read-input.js';
import {packageRoot} from './package-root.js';

/** The aliases shipped with the package (`data/aliases.json`). */
export const DEFAULT_ALIASES = join(packageRoot, 'data', 'aliases.json');

async function loadOne(path: string): Promise<Aliases> {
  const file = displayPath(path);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new DiagnosticError(diagnostic('error', 'aliases-invalid', 'cli', `Cannot read aliases: ${(error as Error).message}`, {file}), {cause: error});
  }
  const parsed = Aliases.safeParse(json);
  if (!parsed.success) {
    throw new DiagnosticError(diagnostic('error', 'aliases-invalid', 'cli', `Cannot read aliases: ${z.prettifyError(parsed.error).replace(/\n\s*/g, ' ')}`, {file}));
  }
  return parsed.data;
}

/** The shipped aliases plus any user files (their entries are added). */
export async function loadAliases(extra: readonly string[] = []): Promise<Aliases> {
  const lists = await Promise.all([DEFAULT_ALIASES, ...extra].map(loadOne));
  return mergeAliases(...lists);
}
