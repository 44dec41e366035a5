import {readFile} from 'node:fs/promises';
import {z} from 'zod';
import {diagnostic, DiagnosticError} from '../model/diagnostics.js';
import {Manifest} from '../model/manifest.js';
import {describeError} from '../io/describe-error.js';
import {displayPath} from '../io/read-input.js';

/** Read and validate a manifest; an invalid one is a DiagnosticError naming the entry and field. */
export async function loadManifest(path: string): Promise<Manifest> {
  const file = displayPath(path);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : error instanceof SyntaxError ? `not valid JSON (${error.message})` : describeError(error);
    throw new DiagnosticError(diagnostic('error', code === 'ENOENT' ? 'file-not-found' : 'manifest-invalid', 'batch', `Cannot read manifest: ${reason}`, {file}), {cause: error});
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const where = first.path.length ? ` at ${first.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '')}` : '';
    throw new DiagnosticError(diagnostic('error', 'manifest-invalid', 'batch', `Invalid manifest${where}: ${first.message}`, {file}), {cause: z.prettifyError(parsed.error)});
  }
  const ids = new Set<string>();
  for (const [k, edition] of parsed.data.editions.entries()) {
    if (ids.has(edition.id)) {
      throw new DiagnosticError(diagnostic('error', 'manifest-invalid', 'batch', `Invalid manifest at editions[${k}].id: duplicate id \`${edition.id}\``, {file}));
    }
    ids.add(edition.id);
  }
  for (const [k, c] of (parsed.data.comparisons ?? []).entries()) {
    for (const side of ['previous', 'current'] as const) {
      if (!ids.has(c[side])) {
        throw new DiagnosticError(diagnostic('error', 'manifest-invalid', 'batch', `Invalid manifest at comparisons[${k}].${side}: no edition \`${c[side]}\``, {file}));
      }
    }
  }
  return parsed.data;
}

/** The comparisons a manifest asks for: as listed, or each edition against the previous one in its series. */
export function plannedComparisons(manifest: Manifest): {id: string; previous: string; current: string}[] {
  if (manifest.comparisons) return manifest.comparisons.map((c) => ({id: c.id ?? `${c.previous}-vs-${c.current}`, previous: c.previous, current: c.current}));
  const out: {id: string; previous: string; current: string}[] = [];
  for (const sorted of seriesOf(manifest).values()) {
    for (let k = 1; k < sorted.length; k++) out.push({id: `${sorted[k - 1]!.id}-vs-${sorted[k]!.id}`, previous: sorted[k - 1]!.id, current: sorted[k]!.id});
  }
  return out;
}

/** Each series' editions, oldest first (by plan year, then revision), series in manifest order. */
export function seriesOf(manifest: Manifest): Map<string, Manifest['editions']> {
  const out = new Map<string, Manifest['editions']>();
  for (const e of manifest.editions) out.set(e.series, [...(out.get(e.series) ?? []), e]);
  for (const [name, editions] of out) out.set(name, editions.toSorted((a, b) => a.planYear.localeCompare(b.planYear) || (a.revision ?? '').localeCompare(b.revision ?? '')));
  return out;
}
