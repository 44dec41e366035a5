import type {Block, ListBlock, ListItem} from '../model/document.js';
import {cleanArea} from './clean-text.js';
import {contextWeight, type CompiledVocabulary} from './header-vocabulary.js';
import type {Candidate, Draft} from './reading-types.js';
import {itemness, textShape} from './text-features.js';

/** Weights of the evidence for a list or prose reading. */
export const LIST_WEIGHTS = {shape: 0.35, context: 0.3, distinct: 0.1, size: 0.1, structure: 0.05, labels: 0.2};
/** Prose is the last resort: its score is scaled down so that any fair table or list wins. */
export const PROSE_FACTOR = 0.7;

/** A section of the document: the blocks under one heading (or the whole document). */
interface Section {
  heading?: string;
  /** The heading's path plus the heading itself. */
  path: string[];
  blocks: {block: Block; index: number}[];
}

/** Every heading's section (and the whole document), each holding the blocks under it. */
function sections(blocks: readonly Block[]): Section[] {
  const out: Section[] = [{path: [], blocks: blocks.map((block, index) => ({block, index}))}];
  blocks.forEach((block, i) => {
    if (block.kind !== 'heading') return;
    const path = [...block.path, block.text];
    const inside: {block: Block; index: number}[] = [];
    for (let k = i + 1; k < blocks.length; k++) {
      const b = blocks[k]!;
      if (b.kind === 'heading' && b.level <= block.level) break;
      inside.push({block: b, index: k});
    }
    out.push({heading: block.text, path, blocks: inside});
  });
  return out;
}

/** The headings below the part of the path every block of a reading shares: those headings are its groups. */
function groupsBelow(path: readonly string[], shared: number): string[] {
  return path.slice(shared).map(cleanArea).filter(Boolean);
}

/** How many leading headings all the paths share. */
function sharedDepth(paths: readonly (readonly string[])[]): number {
  let n = 0;
  while (paths.length && paths.every((p) => p.length > n && p[n] === paths[0]![n])) n++;
  return n;
}

/** In a section with several lists, a list whose items read as labels (an audience, a list of partners) is not one of its item lists. */
const LIST_ITEMNESS = 0.45;

/** Items of a list, nested lists read as hierarchies: a label-like parent (or one ending in a colon) is a group. */
function listDrafts(items: readonly ListItem[], groups: readonly string[], out: Draft[]): void {
  for (const item of items) {
    if (item.items.length) {
      const shape = textShape(item.text);
      if (shape.label || /:\s*$/.test(item.text)) {
        listDrafts(item.items, [...groups, cleanArea(item.text.replace(/:\s*$/, ''))], out);
        continue;
      }
      // An item with sub-points: the sub-points belong to its text.
      const text = `${item.text.replace(/[.;:]\s*$/, '')}: ${flatten(item.items).join('; ')}`;
      out.push({text, groups: [...groups], at: [item.at], columnTargets: [], columnDeadlines: [], fields: []});
      continue;
    }
    out.push({text: item.text, groups: [...groups], at: [item.at], columnTargets: [], columnDeadlines: [], fields: []});
  }
}

function meanItemness(items: readonly ListItem[]): number {
  const texts = flatten(items);
  return texts.length ? texts.reduce((n, t) => n + itemness(t), 0) / texts.length : 0;
}

function flatten(items: readonly ListItem[]): string[] {
  return items.flatMap((i) => [i.text, ...flatten(i.items)]);
}

function score(drafts: readonly Draft[], context: number, structure: boolean, factor = 1): number {
  if (!drafts.length) return 0;
  const shapes = drafts.map((d) => itemness(d.text));
  const shape = shapes.reduce((a, b) => a + b, 0) / shapes.length;
  const labels = drafts.filter((d) => textShape(d.text).label && !textShape(d.text).verbInitial).length / drafts.length;
  const distinct = new Set(drafts.map((d) => d.text.toLowerCase())).size / drafts.length;
  const w = LIST_WEIGHTS;
  const raw =
    w.shape * shape +
    w.context * Math.max(0, context) -
    0.2 * Math.max(0, -context) +
    w.distinct * distinct +
    w.size * Math.min(1, Math.log2(1 + drafts.length) / 5) +
    (structure ? w.structure : 0) -
    w.labels * labels;
  return factor * raw;
}

/**
 * Readings from lists: for each section of the document, its lists' items (headings inside the section
 * become groups; a nested list's label-like parents become groups too), scored on how item-like the
 * items read and what the headings say.
 */
export function listReadings(blocks: readonly Block[], vocabulary: CompiledVocabulary): Candidate[] {
  const out: Candidate[] = [];
  for (const section of sections(blocks)) {
    const all = section.blocks.filter((b): b is {block: ListBlock; index: number} => b.block.kind === 'list');
    const lists = all.length > 1 ? all.filter(({block}) => meanItemness(block.items) >= LIST_ITEMNESS) : all;
    if (!lists.length) continue;
    // A list set aside under a heading beside a kept list's (same parent, same depth, another heading):
    // the section repeats one structure, and part of it was not read.
    const parent = (path: readonly string[]): string => path.slice(0, -1).join('\u0000');
    const ignoredLists = all
      .filter((l) => !lists.includes(l) && lists.some((k) => k.block.path.length === l.block.path.length && k.block.path.length > 0 && parent(k.block.path) === parent(l.block.path) && k.block.path.at(-1) !== l.block.path.at(-1)))
      .map(({block}) => ({heading: block.path.at(-1) ?? '', items: flatten(block.items).length, at: block.at}));
    const shared = lists.length > 1 ? sharedDepth(lists.map((l) => l.block.path)) : lists[0]!.block.path.length;
    const drafts: Draft[] = [];
    for (const {block} of lists) listDrafts(block.items, groupsBelow(block.path, shared), drafts);
    if (drafts.length < 2) continue;
    const context = contextWeight([...section.path.slice(-2)], vocabulary);
    const structure = drafts.some((d) => d.groups.length);
    const first = lists[0]!;
    out.push({
      reading: {
        source: 'list',
        description: `${lists.length} list(s) ${section.heading ? `under "${section.heading}"` : 'in the document'} (${drafts.length} items)`,
        block: first.index + 1,
        score: Math.round(score(drafts, context, structure) * 1000) / 1000,
      },
      drafts,
      evidence: ignoredLists.length ? {ignoredLists} : {},
    });
  }
  return out;
}

/** A sentence that commits to something: "We will …", "Our target is …", "By 2027, …", or an imperative. */
const COMMITMENT =
  /^(?:by\s+(?:the\s+end\s+of\s+)?(?:\w+\s+)?20\d{2}\b.*\b(?:will|we)\b|(?:we|the\s+\w+(?:\s+\w+)?|our\s+\w+(?:\s+\w+)?)\s+(?:will|shall|aim\s+to|commit\s+to|are\s+committed\s+to|plan\s+to|intend\s+to|pledge\s+to|is\s+to|are\s+to)\b|our\s+(?:target|aim|ambition|goal|commitment|objective)\s+is\b|it\s+is\s+our\s+(?:aim|ambition)\b)/i;

/** A sentence about how something will be done ("The hubs will be designed with …"), not a commitment of its own. */
const PASSIVE_DETAIL = /^(?:the|these|this|those|it|they)\b[^.]*?\bwill\s+be\s+\w+(?:ed|en|wn|lt|ld|de)\b/i;

/** Split a paragraph into sentences (at a full stop, question or exclamation mark before a capital). */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=["“‘(]?[\p{Lu}\p{N}])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Readings from prose, the last resort: commitment sentences in each section's paragraphs ("We will
 * reduce …", "Our target is …", "Cut …"), headings inside the section as groups.
 */
export function proseReadings(blocks: readonly Block[], vocabulary: CompiledVocabulary): Candidate[] {
  const out: Candidate[] = [];
  for (const section of sections(blocks)) {
    const found: {sentence: string; block: Block; index: number}[] = [];
    for (const {block, index} of section.blocks) {
      if (block.kind !== 'paragraph') continue;
      for (const sentence of sentences(block.text)) {
        const shape = textShape(sentence);
        if (!(COMMITMENT.test(sentence) || (shape.verbInitial && shape.words >= 4)) || shape.words > 80 || PASSIVE_DETAIL.test(sentence)) continue;
        found.push({sentence, block, index});
      }
    }
    const first = found[0]?.index;
    const shared = sharedDepth(found.map((f) => f.block.path));
    const drafts: Draft[] = found.map(({sentence, block}) => ({text: sentence, groups: groupsBelow(block.path, shared), at: [block.at], columnTargets: [], columnDeadlines: [], fields: []}));
    if (drafts.length < 2) continue;
    const context = contextWeight([...section.path.slice(-2)], vocabulary);
    out.push({
      reading: {
        source: 'prose',
        description: `${drafts.length} commitment sentence(s) ${section.heading ? `under "${section.heading}"` : 'in the document'}`,
        block: first! + 1,
        score: Math.round(score(drafts, context, drafts.some((d) => d.groups.length), PROSE_FACTOR) * 1000) / 1000,
      },
      drafts,
      evidence: {},
    });
  }
  return out;
}
