import type {Block, Location, SourceDocument} from '../model/document.js';

const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50,
};
/** Plural nouns that count things a document measures, not the items of its own table. */
const NOT_ITEMS = new Set(
  `years months weeks days hours minutes seconds percent people patients adults children individuals staff pounds homes beds
  appointments times cases members residents pupils students users visits trees tonnes miles places jobs sites units`
    .split(/\s+/)
    .filter(Boolean),
);
const COUNT = new RegExp(
  String.raw`\b(\d{1,3}|${Object.keys(WORDS).join('|')})\s+((?:(?:[a-z]+[-–])?[a-z]+\s+){0,2}?[a-z]{2,}[^aiosu\W]s)\b(?!\s*(?:%|per\s?cent))`,
  'gi',
);

/** A count the document states about itself: "32 objectives, covering 12 areas", "18 success measures under 7 priorities". */
export interface StatedCount {
  count: number;
  /** The noun phrase as printed ("success measures"). */
  noun: string;
  at: Location;
  /** 0-based index of the block that states it. */
  block: number;
}

function value(raw: string): number {
  return WORDS[raw.toLowerCase()] ?? Number(raw);
}

function texts(block: Block): {text: string; at: Location}[] {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return [{text: block.text, at: block.at}];
    case 'list':
      return block.items.map((i) => ({text: i.text, at: i.at}));
    case 'table':
      return block.caption ? [{text: block.caption, at: block.at}] : [];
  }
}

/**
 * Counts stated in the document's prose, headings and captions ("N <noun>s" for any noun), except
 * counts of people, time and other things a plan measures. The extractor compares those whose noun
 * names its items or groups with what it read.
 */
export function statedCounts(doc: SourceDocument): StatedCount[] {
  const out: StatedCount[] = [];
  doc.blocks.forEach((block, index) => {
    for (const {text, at} of texts(block)) {
      for (const m of text.matchAll(COUNT)) {
        const noun = m[2]!.toLowerCase().replace(/\s+/g, ' ');
        const head = noun.split(' ').at(-1)!;
        if (NOT_ITEMS.has(head) || /\d/.test(noun)) continue;
        // "in 2 weeks" style units were excluded above; a count just after a pound sign or before a
        // decimal point is an amount, not a count.
        const before = text.slice(Math.max(0, m.index - 2), m.index);
        if (/[£$€.,]\s*$/.test(before)) continue;
        out.push({count: value(m[1]!), noun, at, block: index});
      }
    }
  });
  return out;
}
