// Synthetic pairs of editions for bench:match, with the truth: which previous objective became which
// current one (kept with rewording, merged, split), which were truly dropped and which truly new.
// Vocabulary is real: the words of the seed documents (by their frequency there, so common words are
// common here) and of the WordNet lexicon (synonym swaps a real rewording would make). Deterministic.
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** Mulberry32: a small seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticObjective {
  area: string;
  text: string;
}

export interface SyntheticPair {
  previous: SyntheticObjective[];
  current: SyntheticObjective[];
  /** [previous index, current index] for every objective that went on (kept, merged, split). */
  pairs: [number, number][];
  dropped: number[];
  added: number[];
  counts: {kept: number; merged: number; split: number; dropped: number; added: number};
}

const STOP = new Set('a an the of to and or in on for by with at as that is are be all its their from this these those which who than so such into within across through per via it we our will should can may must not no also both each every any some more most other further while including'.split(' '));

function vocabulary(): {words: string[]; synonyms: Map<string, string[]>} {
  const counts = new Map<string, number>();
  const dir = join(ROOT, 'test', 'fixtures', 'seeds');
  for (const f of readdirSync(dir)) {
    for (const w of readFileSync(join(dir, f), 'utf8').toLowerCase().match(/[a-z][a-z-]{2,}/g) ?? []) if (!STOP.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const lexicon = JSON.parse(readFileSync(join(ROOT, 'data', 'lexicon.json'), 'utf8')) as {synonyms: string[][]};
  const synonyms = new Map<string, string[]>();
  for (const group of lexicon.synonyms) for (const w of group) synonyms.set(w, group.filter((x) => x !== w));
  for (const group of lexicon.synonyms) for (const w of group) if (!counts.has(w)) counts.set(w, 0.5);
  const words = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([w]) => w);
  return {words, synonyms};
}

const VERBS = ['Improve', 'Increase', 'Reduce', 'Deliver', 'Continue to', 'Ensure', 'Eliminate', 'Expand', 'Maintain', 'Support', 'Develop', 'Implement', 'Recover', 'Achieve'];
const MONTHS = ['March', 'September', 'December'];

/**
 * Two editions of `n` objectives each (about): 15% of the previous objectives dropped, as many new
 * ones added, 3% merged in pairs, 3% split in two, the rest kept with rewordings (synonyms, replaced,
 * deleted and inserted words, raised targets, dates rolled on); a fifth of the groups renamed.
 *
 * @example
 * const pair = makeMatchEditions(2000, 1);
 */
export function makeMatchEditions(n: number, seed = 1): SyntheticPair {
  const random = prng(seed);
  const {words, synonyms} = vocabulary();
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  // Zipf-like: rank r with weight 1/(r+10).
  const cumulative: number[] = [];
  let total = 0;
  for (let r = 0; r < words.length; r++) cumulative.push((total += 1 / (r + 10)));
  const word = (): string => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
  const groupCount = Math.max(4, Math.round(n / 50));
  const groups = Array.from({length: groupCount}, (_, g) => `${cap(word())} ${word()} ${g + 1}`);
  // Each group has a topic: objectives of a group share its words (as "waits", "elective", "diagnostic"
  // recur through an area), so a new objective resembles the dropped ones beside it.
  const topics = new Map(groups.map((g) => [g, Array.from({length: 20}, () => words[40 + Math.floor(random() * 1500)]!)]));
  const topicWord = (group: string): string => (random() < 0.35 ? pick(topics.get(group)!) : word());
  const used = new Set<string>();
  const sentence = (group: string): string => {
    for (;;) {
      const body = Array.from({length: 7 + Math.floor(random() * 9)}, () => topicWord(group));
      let text = `${pick(VERBS)} ${body.join(' ')}`;
      if (random() < 0.4) text += ` to ${10 + Math.floor(random() * 85)}%`;
      if (random() < 0.4) text += ` by ${pick(MONTHS)} 2024`;
      if (!used.has(text)) {
        used.add(text);
        return text;
      }
    }
  };
  // Most rewordings touch a few words; one in four rewrites up to half of them.
  const reword = (text: string, group: string): string => {
    const tokens = text.split(' ');
    const edits = random() < 0.25 ? 2 + Math.floor(random() * tokens.length * 0.5) : 1 + Math.floor(random() * 3);
    for (let e = 0; e < edits; e++) {
      const k = 1 + Math.floor(random() * (tokens.length - 1));
      const t = tokens[k]!;
      const kind = random();
      if (/^\d+%$/.test(t)) tokens[k] = `${Number(t.slice(0, -1)) + 1 + Math.floor(random() * 5)}%`;
      else if (t === '2024') tokens[k] = '2025';
      else if (kind < 0.35 && synonyms.has(t)) tokens[k] = pick(synonyms.get(t)!);
      else if (kind < 0.6) tokens[k] = topicWord(group);
      else if (kind < 0.8 && tokens.length > 6) tokens.splice(k, 1);
      else tokens.splice(k, 0, topicWord(group));
    }
    const out = tokens.join(' ').replace(/\b2024\b/g, '2025');
    used.add(out);
    return out;
  };
  const renamed: Map<string, string> = new Map(groups.map((g) => [g, random() < 0.2 ? `${cap(word())} and ${word()}` : g]));

  const previous: SyntheticObjective[] = Array.from({length: n}, (_, k) => {
    const area = groups[Math.floor((k * groupCount) / n)]!;
    return {area, text: sentence(area)};
  });
  const order = previous.map((_, i) => i).sort(() => random() - 0.5);
  const nDrop = Math.round(0.15 * n);
  const nMerge = Math.round(0.03 * n);
  const nSplit = Math.round(0.03 * n);
  const dropped = order.slice(0, nDrop).sort((a, b) => a - b);
  const mergeList = order.slice(nDrop, nDrop + 2 * nMerge);
  const splitList = new Set(order.slice(nDrop + 2 * nMerge, nDrop + 2 * nMerge + nSplit));
  const mergePartner = new Map<number, number>();
  for (let k = 0; k < mergeList.length; k += 2) mergePartner.set(Math.min(mergeList[k]!, mergeList[k + 1]!), Math.max(mergeList[k]!, mergeList[k + 1]!));
  const mergeSecond = new Set(mergePartner.values());
  const droppedSet = new Set(dropped);

  const current: SyntheticObjective[] = [];
  const pairs: [number, number][] = [];
  const added: number[] = [];
  const topicOf = new Map(groups.map((g) => [renamed.get(g)!, g]));
  const addNew = (area: string): void => {
    added.push(current.length);
    current.push({area, text: sentence(topicOf.get(area) ?? area)});
  };
  previous.forEach((p, i) => {
    const area = renamed.get(p.area)!;
    if (random() < 0.15) addNew(area);
    if (droppedSet.has(i) || mergeSecond.has(i)) return;
    if (mergePartner.has(i)) {
      const q = previous[mergePartner.get(i)!]!;
      const j = current.length;
      current.push({area, text: `${reword(p.text, p.area)}, and ${q.text.replace(/^\S+\s/, '').split(' ').slice(0, 10).join(' ')}`});
      pairs.push([i, j], [mergePartner.get(i)!, j]);
      return;
    }
    if (splitList.has(i)) {
      const tokens = p.text.split(' ');
      const half = Math.ceil(tokens.length / 2);
      const a = `${tokens.slice(0, half).join(' ')} ${topicWord(p.area)} ${word()}`;
      const b = `${pick(VERBS)} ${tokens.slice(half).join(' ')} ${topicWord(p.area)}`;
      pairs.push([i, current.length], [i, current.length + 1]);
      current.push({area, text: a}, {area, text: b});
      return;
    }
    pairs.push([i, current.length]);
    current.push({area, text: reword(p.text, p.area)});
  });
  while (added.length < nDrop) addNew(pick([...renamed.values()]));
  return {
    previous,
    current,
    pairs,
    dropped,
    added,
    counts: {kept: n - nDrop - 2 * nMerge - nSplit, merged: nMerge, split: nSplit, dropped: nDrop, added: added.length},
  };
}

function cap(w: string): string {
  return w[0]!.toUpperCase() + w.slice(1);
}

/** An edition as Markdown, one table (Area | Objective) per group under the group's heading. */
export function editionMarkdown(title: string, objectives: readonly SyntheticObjective[]): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|');
  const out = [`# ${title}`, ''];
  let area: string | undefined;
  for (const o of objectives) {
    if (o.area !== area) {
      area = o.area;
      out.push('', `## ${area}`, '', '| Area | Objective |', '| --- | --- |');
    }
    out.push(`| ${cell(o.area)} | ${cell(o.text)} |`);
  }
  return `${out.join('\n')}\n`;
}
