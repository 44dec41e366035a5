import {createHash} from 'node:crypto';
import {isMap, isSeq, LineCounter, parseDocument} from 'yaml';
import type {Diagnostic} from '../model/diagnostic.js';
import {diagnostic} from '../model/diagnostics.js';
import {Review} from '../model/review.js';

/** A review file read and validated, with where each entry sits in it (for messages and provenance). */
export interface LoadedReview {
  /** The file as named in messages ('/'-separated, relative). */
  readonly file: string;
  readonly sha256: string;
  readonly review: Review;
  /** 1-based line of each entry and each manual row. */
  readonly lines: {readonly entries: readonly number[]; readonly manual: readonly number[]};
}

/** Options for {@link parseReview}. */
export interface ParseReviewOptions {
  /** The file's name in messages. */
  readonly file: string;
}

export type ParseReviewResult = {status: 'success'; value: LoadedReview; diagnostics: Diagnostic[]} | {status: 'failure'; diagnostics: Diagnostic[]};

function pathText(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/**
 * Read a review file (YAML, or JSON, which is YAML too) and validate it against the {@link Review}
 * schema. A syntax error or an invalid entry is a `failure` naming the line and the field; nothing is
 * guessed from a file that does not validate.
 *
 * @example
 * const result = parseReview('entries:\n  - previous: [{text: Reduce bed occupancy}]\n    status: dropped\n', {file: 'review.yaml'});
 * result.status; // 'success'
 */
export function parseReview(text: string, options: ParseReviewOptions): ParseReviewResult {
  const {file} = options;
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true});
  const lineAt = (offset: number | undefined): number | undefined => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  if (document.errors.length) {
    const error = document.errors[0]!;
    return {
      status: 'failure',
      diagnostics: [diagnostic('error', 'review-invalid', 'review', `Cannot read review file: ${error.message.split('\n')[0]}`, {file, line: lineAt(error.pos[0])})],
    };
  }
  const json: unknown = document.toJS() ?? {};
  const parsed = Review.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const node = document.getIn(issue.path as (string | number)[], true) as {range?: [number, number, number]} | undefined;
    const parent = issue.path.length ? (document.getIn(issue.path.slice(0, -1) as (string | number)[], true) as {range?: [number, number, number]} | undefined) : undefined;
    const where = issue.path.length ? ` at ${pathText(issue.path)}` : '';
    return {
      status: 'failure',
      diagnostics: [diagnostic('error', 'review-invalid', 'review', `Invalid review file${where}: ${issue.message}`, {file, line: lineAt(node?.range?.[0] ?? parent?.range?.[0])})],
    };
  }
  const linesOf = (key: string): number[] => {
    const seq = isMap(document.contents) ? document.contents.get(key, true) : undefined;
    return isSeq(seq) ? seq.items.map((item) => lineAt((item as {range?: [number, number, number]}).range?.[0]) ?? 1) : [];
  };
  return {
    status: 'success',
    value: {
      file,
      sha256: createHash('sha256').update(text).digest('hex'),
      review: parsed.data,
      lines: {entries: linesOf('entries'), manual: linesOf('manual')},
    },
    diagnostics: [],
  };
}
