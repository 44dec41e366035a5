import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

/** The package's root folder (holds package.json, data/ and schemas/), from src/cli or dist/cli. */
export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The package version from package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {version: string}).version;
}
