// Builds the benchmark PDFs from the 2024/25 rendition by copying its pages (pdf-lib): 1, 250, 840 (35 copies)
// and 1,000 pages, into tmp/bench/. Used by bench-pdf.ts; not committed (made in a second on demand).
import {mkdirSync, readFileSync, writeFileSync, existsSync} from 'node:fs';
import {join} from 'node:path';
import {PDFDocument} from 'pdf-lib';

export const BENCH_DIR = join(import.meta.dirname, '..', '..', 'tmp', 'bench');
const SOURCE = join(import.meta.dirname, '..', 'fixtures', 'pdf', 'nhs-planning-guidance-2024-25.pdf');

/** Make (if missing) a PDF of exactly `pages` pages by repeating the source's pages; returns its path. */
export async function bigPdf(pages: number): Promise<string> {
  const path = join(BENCH_DIR, `guidance-${pages}.pdf`);
  if (existsSync(path)) return path;
  mkdirSync(BENCH_DIR, {recursive: true});
  const source = await PDFDocument.load(readFileSync(SOURCE));
  const out = await PDFDocument.create();
  out.setCreationDate(new Date('2025-01-01T00:00:00Z'));
  out.setModificationDate(new Date('2025-01-01T00:00:00Z'));
  const count = source.getPageCount();
  while (out.getPageCount() < pages) {
    const take = Math.min(count, pages - out.getPageCount());
    const copied = await out.copyPages(source, Array.from({length: take}, (_, k) => k));
    for (const page of copied) out.addPage(page);
  }
  writeFileSync(path, await out.save());
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const n of [1, 250, 840, 1000]) console.log(await bigPdf(n));
}
