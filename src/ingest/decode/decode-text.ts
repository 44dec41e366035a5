import iconv from 'iconv-lite';

/** The result of decoding a document's bytes. */
export interface DecodedText {
  text: string;
  /** WHATWG encoding label actually used, e.g. `utf-8`, `utf-16le`, `windows-1252`. */
  encoding: string;
  /** How the encoding was chosen. */
  evidence: 'bom' | 'utf-8-valid' | 'fallback';
  /** Number of U+FFFD replacement characters introduced by decoding. */
  replaced: number;
}

const BOMS: readonly {bytes: readonly number[]; encoding: string}[] = [
  {bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8'},
  {bytes: [0xff, 0xfe], encoding: 'utf-16le'},
  {bytes: [0xfe, 0xff], encoding: 'utf-16be'},
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Heuristic for BOM-less UTF-16: many NUL bytes at even (BE) or odd (LE) offsets. */
function sniffUtf16(bytes: Uint8Array): string | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/**
 * Decode bytes to text: a BOM wins; then UTF-16 by NUL pattern; then UTF-8 if the bytes are valid
 * UTF-8; otherwise windows-1252 (the WHATWG superset of ISO-8859-1). Line endings become `\n`.
 *
 * @example
 * decodeText(new TextEncoder().encode('café')).encoding; // 'utf-8'
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  let encoding: string | undefined;
  let evidence: DecodedText['evidence'] = 'fallback';
  let body = bytes;
  for (const bom of BOMS) {
    if (startsWith(bytes, bom.bytes)) {
      encoding = bom.encoding;
      evidence = 'bom';
      body = bytes.subarray(bom.bytes.length);
      break;
    }
  }
  encoding ??= sniffUtf16(bytes);
  if (!encoding) {
    try {
      new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(bytes);
      encoding = 'utf-8';
      evidence = 'utf-8-valid';
    } catch {
      // Not valid UTF-8: a legacy single-byte encoding. This is the documented fallback, not a lost error.
      encoding = 'windows-1252';
    }
  }
  // iconv-lite for legacy encodings: Node's TextDecoder decodes windows-1252 as ISO-8859-1 (C1 controls).
  const raw = encoding === 'utf-8' || encoding.startsWith('utf-16') ? new TextDecoder(encoding, {ignoreBOM: true}).decode(body) : iconv.decode(Buffer.from(body), encoding);
  let replaced = 0;
  for (const ch of raw) if (ch === '\uFFFD') replaced++;
  const text = raw.replace(/\r\n?/g, '\n');
  return {text, encoding, evidence, replaced};
}
