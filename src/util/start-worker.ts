import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {Worker, type WorkerOptions} from 'node:worker_threads';

/**
 * Start a worker thread on a module next to `from` (an `import.meta.url`), named without extension. Built
 * code runs the `.js` file; when `from` is TypeScript source (tests, tsx), the worker first registers tsx
 * so that it can load `.ts` modules itself.
 */
export function startWorker(name: string, from: string, options: WorkerOptions = {}): Worker {
  if (!from.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, from), options);
  const target = new URL(`./${name}.ts`, from).href;
  // tsx's ESM API (its package exports map `tsx/esm/api` to this file under the `import` condition).
  const tsx = pathToFileURL(join(dirname(createRequire(from).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
  const boot = `const {register} = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(target)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), options);
}
