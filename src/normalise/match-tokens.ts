import {stemmer} from 'stemmer';
import {applyAliases, type AliasTable} from './alias-table.js';
import {foldText, UNIT_WORDS} from './fold-text.js';
import {EMPTY_LEXICON, type Lexicon} from './lexicon.js';
import {relativiseYears} from './relative-years.js';

/** Words that carry no topic, including those that only bound a quantity ("a maximum of", "as far as possible"): dropped before matching. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a an the of to and or in on for by with at as that is are be been being all its their from this these those which who whom whose
  than so such into within across through per via it they them we our us will should would can could may might must has have had do
  does did not no nor also both each every any some more most other own same very just only further where while including
  maximum minimum least far possible total average around approximately`
    .split(/\s+/)
    .filter(Boolean),
);

/** How text is normalised for matching: aliases, lexicon and the edition's plan start year. */
export interface TokenContext {
  readonly aliases: AliasTable;
  readonly lexicon?: Lexicon;
  readonly planYear?: number | undefined;
}

const memos = new WeakMap<AliasTable, WeakMap<Lexicon, Map<string, string[]>>>();
const MEMO_LIMIT = 50_000;

/**
 * Text → match tokens: folded ({@link foldText}: number words as digits, "per cent" as %), aliases
 * applied, years made relative to the plan year, stop words dropped, synonyms and derived forms
 * replaced by their canonical word (lexicon), words stemmed (Porter), plus a joined token for each
 * number-and-unit pair (`62-day` and `62 days` both give `62day`).
 *
 * @example
 * matchTokens('within six weeks', {aliases: {entries: []}}); // ['6', '6week', 'week']
 */
export function matchTokens(text: string, context: TokenContext): string[] {
  const lexicon = context.lexicon ?? EMPTY_LEXICON;
  let byLexicon = memos.get(context.aliases);
  if (!byLexicon) memos.set(context.aliases, (byLexicon = new WeakMap()));
  let memo = byLexicon.get(lexicon);
  if (!memo) byLexicon.set(lexicon, (memo = new Map()));
  const key = `${context.planYear ?? ''}\u0000${text}`;
  const known = memo.get(key);
  if (known) return known;
  const tokens = tokenize(text, context.aliases, lexicon, context.planYear);
  if (memo.size > MEMO_LIMIT) memo.clear();
  memo.set(key, tokens);
  return tokens;
}

function tokenize(text: string, aliases: AliasTable, lexicon: Lexicon, planYear: number | undefined): string[] {
  const prepared = relativiseYears(applyAliases(foldText(text), aliases), planYear);
  const raw = prepared.match(/[\p{L}\p{N}][\p{L}\p{N}%.,+&']*/gu) ?? [];
  const tokens: string[] = [];
  let previous = '';
  for (let word of raw) {
    word = word.replace(/[.,']+$/, '').replace(/'s$/, '');
    if (!word || STOPWORDS.has(word)) {
      previous = '';
      continue;
    }
    const isNumber = /^\d+(\.\d+)?%?$/.test(word);
    const unit = UNIT_WORDS.get(word);
    if (unit && /^\d+(\.\d+)?$/.test(previous)) tokens.push(`${previous}${stemmer(unit)}`);
    if (isNumber || /[\d&+]/.test(word)) tokens.push(word);
    else tokens.push(stemmer(lexicon.canonical.get(word) ?? word));
    previous = word;
  }
  return tokens;
}
