import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

/** The package's root folder (holds package.json, data/ and schemas/), from src/io or dist/io. */
export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The package version from package.json. */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {version: string}).version;
  return version;
}

let version: string | undefined;
