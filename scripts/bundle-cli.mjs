// The command as users run it: one ES module graph bundled by esbuild into dist/cli/ (main.js, the two
// worker entry points and the chunks they share), so that starting the command loads a few dozen files
// instead of ~430 separate modules. `tsc` still builds dist/ module by module for the library (`exports`)
// and for the types; this only replaces what `bin` runs.
//
// Everything stays two folders below the package root (dist/cli/…), so paths that code works out from
// its own module (data/, the workers beside it) are the same bundled or not. Lazily imported code
// (xlsx, publishing, PDF reading) stays in chunks loaded only when used; pdfjs-dist and the xlsx/feed
// libraries stay external: pdf.js finds its own worker, CMaps and fonts in node_modules.
import {build} from 'esbuild';
import {chmodSync, readdirSync, rmSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist');
const cli = join(outdir, 'cli');
// Chunks from an earlier build have other hashes: remove them so dist/cli holds only this build.
for (const name of readdirSync(cli, {withFileTypes: true}).filter((e) => e.isFile() && e.name.startsWith('chunk-'))) rmSync(join(cli, name.name));

await build({
  absWorkingDir: root,
  entryPoints: {
    'cli/main': 'src/cli/main.ts',
    'cli/pdf-worker': 'src/ingest/pdf/pdf-worker.ts',
    'cli/batch-worker': 'src/batch/batch-worker.ts',
  },
  outdir,
  chunkNames: 'cli/chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['pdfjs-dist', 'exceljs', 'jszip', 'feed'],
  // Bundled CommonJS packages (commander, iconv-lite, …) may call require for Node's built-ins.
  banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
  legalComments: 'eof',
  logLevel: 'warning',
});
chmodSync(join(cli, 'main.js'), 0o755);
