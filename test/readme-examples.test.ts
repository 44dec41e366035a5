// The README's library examples are code: each ```ts block of its "Library" section is written out with
// `guidance-diff` pointing at src/index.ts, type-checked with the project's settings, then run.
import {describe, expect, it} from 'vitest';
import {execFile} from 'node:child_process';
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {pathToFileURL} from 'node:url';
import {promisify} from 'node:util';
import {root} from './helpers.js';

const exec = promisify(execFile);

function examples(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Library'), readme.indexOf('\n## ', readme.indexOf('\n## Library') + 1));
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

describe('README library examples', () => {
  const dir = join(root, 'tmp', 'readme-examples');
  const list = examples();

  it('has an example for each part of the API the issue names', () => {
    const all = list.join('\n');
    for (const name of ['readEdition', 'compareEditions', 'runBatch', 'buildLineage', 'renderMarkdown', 'renderCsv', 'renderComparisonHtml', 'renderLineageFiles', 'defaultAliases', 'publishSite']) {
      expect(all, name).toContain(name);
    }
  });

  it('type-check with the project settings and run without error', async () => {
    rmSync(dir, {recursive: true, force: true});
    mkdirSync(dir, {recursive: true});
    const index = relative(dir, join(root, 'src', 'index.js')).split('\\').join('/');
    const files = list.map((code, k) => {
      const file = join(dir, `example-${k + 1}.ts`);
      writeFileSync(file, `${code.replaceAll("from 'guidance-diff'", `from '${index}'`)}\nexport {};\n`);
      return file;
    });
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({extends: '../../tsconfig.json', compilerOptions: {noEmit: true, rootDir: '../..'}, include: ['*.ts', '../../src/types/*.d.ts']}),
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const checked = await exec(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], {cwd: root}).catch((e: {stdout: string}) => e);
    expect('stdout' in checked ? checked.stdout : '').toBe('');
    const tsx = pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
    for (const file of files) {
      const ran = await exec(process.execPath, ['--import', tsx, file], {cwd: root}).catch((e: {stderr: string; code: number}) => e);
      expect('code' in ran ? `${file}: ${ran.stderr}` : '', file).toBe('');
    }
  }, 180_000);
});
