import {codePoints} from '../../normalise/code-points.js';
import iconv from 'iconv-lite';
import type {Diagnostic} from '../../model/diagnostic.js';
import {diagnostic} from '../../model/diagnostics.js';
import type {Repair} from '../../model/document.js';

/** Text after mojibake repair, with each repair listed. */
export interface MojibakeRepair {
  text: string;
  /** The encoding the text had been wrongly decoded with, when mojibake was found. */
  misreadAs?: string;
  repairs: Repair[];
  diagnostics: Diagnostic[];
}

/**
 * Encodings UTF-8 text is commonly mis-decoded with. windows-1252 (`â€™` for `’`) is the usual Western
 * case; GBK (`鈥檚` for `’s`) the usual East Asian one.
 */
const MISREADINGS = ['windows-1252', 'gbk'] as const;

/** Characters outside ASCII, in runs: where mojibake can be. */
const RUN = /[^\u0000-\u007f]+/g;
const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

interface Piece {
  /** Decoded text, or undefined for bytes that do not form a whole UTF-8 character. */
  text?: string;
  /** For an undecodable piece: true when it is the start of a valid sequence whose end was lost. */
  truncated?: boolean;
  bytes: number;
}

/** Length of the UTF-8 sequence a lead byte starts, 0 if it cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Decode UTF-8 byte by byte, keeping incomplete or invalid sequences apart instead of replacing them. */
function utf8Pieces(bytes: Uint8Array): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceLength(bytes[i]!);
    let ok = n > 0 && i + n <= bytes.length;
    for (let k = 1; ok && k < n; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      pieces.push({text: Buffer.from(bytes.subarray(i, i + n)).toString('utf8'), bytes: n});
      i += n;
    } else {
      // A lead byte with fewer continuation bytes than it needs: a character whose end was lost (when the
      // next byte is not a continuation, or the text ends); anything else is not UTF-8 at all.
      let end = i + 1;
      while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80 && end - i < n) end++;
      pieces.push({bytes: end - i, truncated: n > 1 && end - i < n});
      i = end;
    }
  }
  return pieces;
}

interface RunRepair {
  index: number;
  from: string;
  to: string;
  lost: number;
}

/**
 * windows-1252 as browsers decode it (WHATWG): the five bytes the code page leaves undefined come back as
 * the C1 controls U+0081, U+008D, U+008F, U+0090 and U+009D, so they are encoded back to those bytes.
 */
function encodeWindows1252(run: string): Buffer | undefined {
  const out: number[] = [];
  for (const ch of run) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x80 && code <= 0x9f) out.push(code);
    else {
      const bytes = iconv.encode(ch, 'windows-1252');
      if (bytes.length !== 1 || iconv.decode(bytes, 'windows-1252') !== ch) return undefined;
      out.push(bytes[0]!);
    }
  }
  return Buffer.from(out);
}

function encodeBack(run: string, encoding: (typeof MISREADINGS)[number]): Buffer | undefined {
  if (encoding === 'windows-1252') return encodeWindows1252(run);
  const bytes = iconv.encode(run, encoding);
  return iconv.decode(bytes, encoding) === run ? bytes : undefined; // not all of the run came from this encoding
}

/** Try to undo one misreading on one run: encode back to the bytes it came from, decode them as UTF-8. */
function undo(run: string, index: number, encoding: (typeof MISREADINGS)[number]): RunRepair | undefined {
  const bytes = encodeBack(run, encoding);
  if (!bytes?.some((b) => b >= 0x80)) return undefined;
  const pieces = utf8Pieces(new Uint8Array(bytes));
  // Bytes that are not UTF-8 at all: this run is not mojibake (genuine Chinese, say); leave it.
  if (pieces.some((p) => p.text === undefined && !p.truncated)) return undefined;
  const whole = pieces.map((p) => p.text ?? '').join('');
  // Real mojibake decodes to plausible text: no control characters, no CJK.
  if (/[\u0000-\u0008\u000e-\u001f\u0080-\u009f]/.test(whole) || CJK.test(whole)) return undefined;
  const lost = pieces.filter((p) => p.truncated).length;
  const to = pieces.map((p) => p.text ?? '\uFFFD').join('');
  return to === run ? undefined : {index, from: run, to, lost};
}

/** Split a run at characters the encoding cannot produce (a no-break space beside GBK mojibake, say). */
function segments(run: string, index: number, encoding: (typeof MISREADINGS)[number]): {run: string; index: number}[] {
  if (encodeBack(run, encoding)) return [{run, index}];
  const out: {run: string; index: number}[] = [];
  let start = 0;
  let offset = 0;
  for (const ch of run) {
    if (!encodeBack(ch, encoding)) {
      if (offset > start) out.push({run: run.slice(start, offset), index: index + start});
      start = offset + ch.length;
    }
    offset += ch.length;
  }
  if (run.length > start) out.push({run: run.slice(start), index: index + start});
  return out;
}

export {codePoints};

function lineAt(index: number, starts: number[]): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * Repair mojibake: text that was UTF-8, decoded once with another encoding (windows-1252 or GBK) and
 * saved again. Each run of non-ASCII characters is encoded back with the suspected encoding and the bytes
 * decoded as UTF-8; the encoding that repairs most runs is taken. Where the round trip lost a byte (GBK
 * swallows an invalid pair, so `鈥` + space has lost the last byte of `”`), the character cannot be
 * proved: it becomes U+FFFD and gets a warning with its line. Every repair is listed, none is silent.
 *
 * @example
 * repairMojibake('the NHS 鈥渞emains', 'a.txt').text; // 'the NHS “remains'
 */
export function repairMojibake(text: string, file: string): MojibakeRepair {
  const runs = [...text.matchAll(RUN)].map((m) => ({run: m[0], index: m.index}));
  if (!runs.length) return {text, repairs: [], diagnostics: []};
  let best: {encoding: (typeof MISREADINGS)[number]; repairs: RunRepair[]; proved: number} | undefined;
  // UTF-8 read as GBK always shows CJK ideographs (every UTF-8 lead byte, 0xC2–0xF4, opens a GBK hanzi), so
  // text without any is not tried as GBK (which also spares building iconv-lite's GBK table).
  const anyCjk = runs.some(({run}) => CJK.test(run));
  for (const encoding of MISREADINGS) {
    if (encoding === 'gbk' && !anyCjk) continue;
    const repairs = runs.flatMap(({run, index}) => segments(run, index, encoding).map((seg) => undo(seg.run, seg.index, encoding))).filter((r): r is RunRepair => r !== undefined);
    const proved = repairs.filter((r) => r.lost === 0).length;
    if (proved > 0 && (!best || proved > best.proved)) best = {encoding, repairs, proved};
  }
  if (!best) return {text, repairs: [], diagnostics: []};
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  let out = '';
  let cursor = 0;
  const repairs: Repair[] = [];
  const diagnostics: Diagnostic[] = [];
  let lostTotal = 0;
  const unproved: {line: number; from: string; at: number; length: number}[] = [];
  for (const r of best.repairs) {
    out += text.slice(cursor, r.index);
    const at = out.length;
    out += r.to;
    cursor = r.index + r.from.length;
    const line = lineAt(r.index, starts);
    repairs.push({line, from: r.from, to: r.to});
    if (r.lost) {
      lostTotal += r.lost;
      unproved.push({line, from: r.from, at, length: r.to.length});
    }
  }
  out += text.slice(cursor);
  for (const u of unproved) {
    // The message names the characters by code point and quotes the repaired text, so that reports
    // carry no mojibake themselves.
    const context = out.slice(Math.max(0, u.at - 20), u.at + u.length + 20).replace(/\s+/g, ' ').trim();
    diagnostics.push(
      diagnostic('warning', 'encoding-mojibake-unrepaired', 'ingest', `Cannot repair ${codePoints(u.from)} with certainty (a byte was lost when it was decoded as ${best.encoding}); replaced with U+FFFD in \`${context}\``, {file, line: u.line}),
    );
  }
  diagnostics.unshift(
    diagnostic('info', 'encoding-mojibake', 'ingest', `Repaired ${repairs.length} run(s) of UTF-8 text that had been decoded as ${best.encoding}${lostTotal ? `; ${lostTotal} character(s) could not be recovered` : ''}`, {file}),
  );
  return {text: out, misreadAs: best.encoding, repairs, diagnostics};
}
