import type {Block} from '../model/document.js';

/**
 * Give every block the texts of the headings above it, outermost first (a heading's own path holds only
 * the headings above it). Runs once, after any reader, so every format gets the same paths.
 *
 * @example
 * headingPaths([{kind: 'heading', level: 2, text: 'Cancer', …}, {kind: 'list', …}])[1].path; // ['Cancer']
 */
export function headingPaths(blocks: readonly Block[]): Block[] {
  const stack: {level: number; text: string}[] = [];
  return blocks.map((block) => {
    if (block.kind === 'heading') {
      while (stack.length && stack.at(-1)!.level >= block.level) stack.pop();
      const path = stack.map((h) => h.text);
      stack.push({level: block.level, text: block.text});
      return {...block, path};
    }
    return {...block, path: stack.map((h) => h.text)};
  });
}
