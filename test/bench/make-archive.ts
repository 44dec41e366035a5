// Builds a synthetic archive for the batch benchmark: SERIES series × EDITIONS editions made from the real
// 2024/25 objectives by controlled edits (reorder, reword, change a target, move a deadline, drop, add,
// merge two), each edition written as PDF, HTML, Markdown or tab-separated text, with the expected
// comparison of every consecutive pair recorded in expected.json. Deterministic (seeded).
import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {PDFDocument, StandardFonts} from 'pdf-lib';
import {extractObjectives} from '../../src/extract/extract-objectives.js';
import {ingestDocument} from '../../src/ingest/ingest-document.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** One objective of a synthetic edition; `key` follows it through edits (a merge keeps the first key). */
interface Item {
  key: string;
  area: string;
  text: string;
}

/** What a comparison of two consecutive editions should find. */
export interface ExpectedComparison {
  previous: string;
  current: string;
  /** previous key → current key for every kept objective (both keys of a merge map to the merged one). */
  pairs: [string, string][];
  dropped: string[];
  added: string[];
  /** Change kinds expected on the row of a current key. */
  changes: Record<string, string[]>;
  /** Objective texts by key, per side, to find them in the output. */
  previousText: Record<string, string>;
  currentText: Record<string, string>;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REWORDINGS: [RegExp, string][] = [
  [/\bImprove\b/, 'Further improve'],
  [/\bthe percentage of\b/, 'the proportion of'],
  [/\bIncrease\b/, 'Raise'],
  [/\btowards\b/, 'toward'],
  [/\bpatients\b/, 'people'],
  [/\bReduce\b/, 'Cut'],
  [/\bDeliver\b/, 'Achieve'],
];
const NOVEL = [
  ['Digital', 'Connect every GP practice to the shared care record by March 2027'],
  ['Estates', 'Reduce the maintenance backlog in the NHS estate by 10% by March 2028'],
  ['Research', 'Double the number of patients recruited to clinical research studies'],
  ['Net zero', 'Cut carbon emissions from anaesthetic gases by 40% by March 2029'],
  ['Pharmacy', 'Expand the pharmacy first service to cover 12 common conditions'],
  ['Prevention', 'Increase uptake of the NHS health check to 50% of eligible adults'],
  ['Digital', 'Offer online booking for all outpatient follow-up appointments'],
  ['Workforce', 'Increase the number of nursing associates to 15,000'],
  ['Estates', 'Open 40 new community diagnostic centres'],
  ['Research', 'Publish data on clinical trial set-up times for every trust'],
  ['Pharmacy', 'Reduce inappropriate antibiotic prescribing by 15%'],
  ['Net zero', 'Convert 30% of the NHS fleet to zero-emission vehicles'],
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function bumpYear(text: string, by: number): string {
  return text
    .replace(/\b(20\d{2})\/(\d{2})\b/g, (_, y: string) => `${Number(y) + by}/${String((Number(y) + by + 1) % 100).padStart(2, '0')}`)
    .replace(/\b(January|February|March|April|May|June|July|August|September|October|November|December) (20\d{2})\b/g, (_, m: string, y: string) => `${m} ${Number(y) + by}`)
    .replace(/\bby (20\d{2})\b/g, (_, y: string) => `by ${Number(y) + by}`);
}

/** The next edition: every objective rolled forward a year, then the controlled edits. */
function nextEdition(items: readonly Item[], edition: number, random: () => number, fresh: () => [string, string]): {items: Item[]; expected: Omit<ExpectedComparison, 'previous' | 'current' | 'previousText' | 'currentText'>} {
  const next: Item[] = items.map((i) => ({...i, text: bumpYear(i.text, 1)}));
  const changes: Record<string, string[]> = {};
  const pick = (filter: (i: Item) => boolean): Item | undefined => {
    const pool = next.filter(filter);
    return pool.length ? pool[Math.floor(random() * pool.length)] : undefined;
  };
  const touched = new Set<string>();
  // Change a target: raise a percentage by 2 points.
  const target = pick((i) => /\b\d{2}%/.test(i.text) && !touched.has(i.key));
  if (target) {
    target.text = target.text.replace(/\b(\d{2})%/, (_, v: string) => `${Math.min(99, Number(v) + 2)}%`);
    (changes[target.key] ??= []).push('target-raised');
    touched.add(target.key);
  }
  // Move a deadline six months later.
  const deadline = pick((i) => /\b(?:March|September) 20\d{2}\b/.test(i.text) && !touched.has(i.key));
  if (deadline) {
    deadline.text = deadline.text.replace(/\b(March|September) (20\d{2})\b/, (_, m: string, y: string) => (m === 'March' ? `September ${y}` : `March ${Number(y) + 1}`));
    (changes[deadline.key] ??= []).push('deadline-extended');
    touched.add(deadline.key);
  }
  // Reword one objective.
  const reword = pick((i) => !touched.has(i.key) && REWORDINGS.some(([re]) => re.test(i.text)));
  if (reword) {
    const [re, to] = REWORDINGS.find(([r]) => r.test(reword.text))!;
    reword.text = reword.text.replace(re, to);
    touched.add(reword.key);
  }
  // Drop one objective.
  const dropped: string[] = [];
  const drop = pick((i) => !touched.has(i.key));
  if (drop) {
    next.splice(next.indexOf(drop), 1);
    dropped.push(drop.key);
  }
  // Merge two objectives of one area (every third edition).
  const merges: [string, string][] = [];
  if (edition % 3 === 0) {
    const first = pick((i) => !touched.has(i.key) && next.filter((j) => j.area === i.area && !touched.has(j.key)).length >= 2);
    const second = first && pick((j) => j.area === first.area && j !== first && !touched.has(j.key));
    if (first && second) {
      first.text = `${first.text}, and ${second.text.charAt(0).toLowerCase()}${second.text.slice(1)}`;
      next.splice(next.indexOf(second), 1);
      merges.push([second.key, first.key]);
      (changes[first.key] ??= []).push('merged');
      touched.add(first.key);
    }
  }
  // Add a new objective.
  const [area, text] = fresh();
  const added = `n${edition}-${createHash('sha256').update(text).digest('hex').slice(0, 6)}`;
  next.push({key: added, area, text});
  // Reorder: areas rotate, objectives keep their order inside an area.
  const areas = [...new Set(next.map((i) => i.area))];
  const shift = Math.floor(random() * areas.length);
  const order = [...areas.slice(shift), ...areas.slice(0, shift)];
  next.sort((a, b) => order.indexOf(a.area) - order.indexOf(b.area));
  const kept = new Set(next.map((i) => i.key));
  const pairs: [string, string][] = items.filter((i) => kept.has(i.key)).map((i) => [i.key, i.key]);
  pairs.push(...merges);
  return {items: next, expected: {pairs, dropped, added: [added], changes}};
}

async function pdfOf(title: string, items: readonly Item[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(new Date('2025-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2025-01-01T00:00:00Z'));
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page = doc.addPage([595, 842]);
  let y = 780;
  page.drawText(title, {x: 60, y, size: 16, font: bold});
  y -= 40;
  const header = (): void => {
    page.drawText('Area', {x: 60, y, size: 10, font: bold});
    page.drawText('Objective', {x: 220, y, size: 10, font: bold});
    y -= 20;
  };
  header();
  let lastArea = '';
  for (const item of items) {
    const words = item.text.split(' ');
    const lines: string[] = [];
    let line = '';
    for (const w of words) {
      const next = line ? `${line} ${w}` : w;
      if (regular.widthOfTextAtSize(next, 10) > 320 && line) {
        lines.push(line);
        line = w;
      } else line = next;
    }
    lines.push(line);
    if (y - lines.length * 12 < 60) {
      page = doc.addPage([595, 842]);
      y = 780;
      header();
    }
    if (item.area !== lastArea) {
      // The area label wraps inside its column, as a table cell would.
      const label: string[] = [];
      for (const w of item.area.split(' ')) {
        const next = label.length ? `${label.at(-1)} ${w}` : w;
        if (label.length && bold.widthOfTextAtSize(next, 10) <= 140) label[label.length - 1] = next;
        else label.push(w);
      }
      label.forEach((l, k) => page.drawText(l, {x: 60, y: y - k * 12, size: 10, font: bold}));
    }
    lastArea = item.area;
    for (const l of lines) {
      page.drawText(l, {x: 220, y, size: 10, font: regular});
      y -= 12;
    }
    y -= 8;
  }
  return doc.save();
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

async function documentOf(format: string, title: string, items: readonly Item[]): Promise<Uint8Array | string> {
  const byArea = [...new Set(items.map((i) => i.area))].map((area) => [area, items.filter((i) => i.area === area)] as const);
  switch (format) {
    case 'pdf':
      return pdfOf(title, items);
    case 'html':
      return `<!doctype html><html><head><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><table><tr><th>Area</th><th>Objective</th></tr>${byArea
        .map(([area, list]) => list.map((i, k) => `<tr>${k ? '' : `<td rowspan="${list.length}">${escapeHtml(area)}</td>`}<td>${escapeHtml(i.text)}</td></tr>`).join('\n'))
        .join('\n')}</table></body></html>\n`;
    case 'md':
      return `# ${title}\n\n| Area | Objective |\n| --- | --- |\n${byArea.map(([area, list]) => `| ${area} | <ul>${list.map((i) => `<li>${escapeHtml(i.text)}</li>`).join('')}</ul> |`).join('\n')}\n`;
    default:
      return `${title}\n\n\tArea\tObjective\n${byArea.map(([area, list]) => list.map((i, k) => `\t${k ? '' : area}\t${i.text}`).join('\n')).join('\n')}\n`;
  }
}

/** Build the archive into `dir`: documents, manifest.json (with one corrupt PDF of its own) and expected.json. */
export async function makeArchive(dir: string, series = 20, editions = 10): Promise<{manifest: string; expected: string; documents: number}> {
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(join(dir, 'docs'), {recursive: true});
  const base = join(ROOT, 'test', 'fixtures', 'seeds', '002_6b21c1411abdb729.txt');
  const ingested = await ingestDocument(new Uint8Array(readFileSync(base)), {file: 'base.md'});
  const seed = extractObjectives(ingested.value!, {editionId: 'base'}).value!.objectives.map((o, k): Item => ({key: `o${k}`, area: o.area, text: o.text}));
  const formats = ['pdf', 'md', 'pdf', 'html', 'pdf', 'txt'];
  const manifestEditions: object[] = [];
  const expected: Record<string, ExpectedComparison> = {};
  for (let s = 0; s < series; s++) {
    const random = rng(1000 + s);
    let novel = s;
    const fresh = (): [string, string] => {
      const [area, text] = NOVEL[novel++ % NOVEL.length]!;
      return [area!, `${text} (${s}.${novel})`.replace(/ \((\d+)\.(\d+)\)$/, ' in wave $2')];
    };
    let items = seed.map((i) => ({...i}));
    for (let e = 0; e < editions; e++) {
      const year = 2024 + e;
      const planYear = `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
      const id = `s${String(s).padStart(2, '0')}-${year}`;
      let exp: Omit<ExpectedComparison, 'previous' | 'current' | 'previousText' | 'currentText'> | undefined;
      const before = items;
      if (e > 0) ({items, expected: exp} = nextEdition(items, e, random, fresh));
      const format = formats[(s + e) % formats.length]!;
      const title = `National objectives ${planYear}`;
      const body = await documentOf(format, title, items);
      const file = `docs/${id}.${format}`;
      writeFileSync(join(dir, file), body);
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      manifestEditions.push({id, series: `series-${s}`, publisher: 'Synthetic', planYear, file, sha256: createHash('sha256').update(bytes).digest('hex')});
      if (exp) {
        const prevId = `s${String(s).padStart(2, '0')}-${year - 1}`;
        expected[`${prevId}-vs-${id}`] = {
          previous: prevId,
          current: id,
          ...exp,
          previousText: Object.fromEntries(before.map((i) => [i.key, i.text])),
          currentText: Object.fromEntries(items.map((i) => [i.key, i.text])),
        };
      }
    }
  }
  // One deliberately corrupt document, in a series of its own: the batch must finish and exit 3.
  const corrupt = Buffer.from(`%PDF-1.7\n${'0 0 obj garbage '.repeat(200)}`);
  writeFileSync(join(dir, 'docs', 'corrupt.pdf'), corrupt);
  manifestEditions.push({id: 'corrupt-2024', series: 'corrupt', publisher: 'Synthetic', planYear: '2024/25', file: 'docs/corrupt.pdf', sha256: createHash('sha256').update(corrupt).digest('hex')});
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify({description: 'Synthetic archive for bench:batch (test/bench/make-archive.ts)', editions: manifestEditions}, null, 2)}\n`);
  writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
  return {manifest: join(dir, 'manifest.json'), expected: join(dir, 'expected.json'), documents: manifestEditions.length};
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? join(ROOT, 'tmp', 'bench', 'archive');
  console.log(await makeArchive(dir));
}
