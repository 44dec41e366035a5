import type {Block, Cell} from './source-document.js';

// Runtime helpers over blocks, kept apart from the zod schema so that readers do not load zod.

/** The text of the first heading, else of the first paragraph: a document's title. */
export function firstText(blocks: readonly Block[], kind: 'heading' | 'paragraph'): string | undefined {
  for (const block of blocks) if (block.kind === kind) return block.text;
  return undefined;
}

/** The text of a cell: its fragments joined with spaces. */
export function cellText(cell: Cell): string {
  return cell.fragments
    .map((f) => f.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
