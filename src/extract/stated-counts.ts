import type {Location, SourceDocument} from '../model/source-document.js';

const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
};
const COUNT = String.raw`(\d{1,3}|${Object.keys(WORDS).join('|')})`;
const OBJECTIVES = new RegExp(String.raw`\b${COUNT}\s+(?:national\s+|key\s+|headline\s+|core\s+)?objectives\b`, 'gi');
const AREAS = new RegExp(String.raw`\b(?:covering|across|in|over)\s+${COUNT}\s+(?:\w+\s+)?areas\b`, 'gi');

/** A count the document states about itself: "32 objectives, covering 12 areas". */
export interface StatedCount {
  of: 'objectives' | 'areas';
  count: number;
  at: Location;
}

function value(raw: string): number {
  return WORDS[raw.toLowerCase()] ?? Number(raw);
}

/** Counts of objectives and areas stated in the document's prose (not in its tables). */
export function statedCounts(doc: SourceDocument): StatedCount[] {
  const out: StatedCount[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'table') continue;
    for (const m of block.text.matchAll(OBJECTIVES)) out.push({of: 'objectives', count: value(m[1]!), at: block.at});
    for (const m of block.text.matchAll(AREAS)) out.push({of: 'areas', count: value(m[1]!), at: block.at});
  }
  return out;
}
