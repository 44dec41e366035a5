import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import {pdfSignature, sniffFormat} from '../../src/ingest/sniff-format.js';
import {HTML_2023, PDF_2023, SEED_2023, SEED_2024} from '../helpers.js';

const sniff = (text: string): string => sniffFormat(new TextEncoder().encode(text), text);
const sniffFile = (path: string): string => {
  const bytes = new Uint8Array(readFileSync(path));
  return sniffFormat(bytes, new TextDecoder().decode(bytes));
};

describe('sniffFormat', () => {
  it('recognises the seeds and fixtures by content', () => {
    expect(sniffFile(SEED_2023)).toBe('text');
    expect(sniffFile(SEED_2024)).toBe('markdown');
    expect(sniffFile(HTML_2023)).toBe('html');
    expect(sniffFile(PDF_2023)).toBe('pdf');
  });

  it('finds HTML without a doctype and Markdown with a pipe table', () => {
    expect(sniff('<div><p>a</p><p>b</p><table><tr><td>x</td></tr></table></div>\n<p>c</p>')).toBe('html');
    expect(sniff('# Title\n\n| Area | Objective |\n| --- | --- |\n| A | Improve things |\n')).toBe('markdown');
  });

  it('calls plain prose text, and NUL-laden bytes binary', () => {
    expect(sniff('National objectives\n\nImprove A&E waiting times.\n')).toBe('text');
    expect(sniffFormat(new Uint8Array([0x00, 0x01, 0x02, 0x41, 0x00]), '\u0000\u0001\u0002A\u0000')).toBe('binary');
  });

  it('finds the PDF signature after junk bytes, and PDF syntax without any signature', () => {
    const enc = (t: string): Uint8Array => new TextEncoder().encode(t);
    expect(pdfSignature(enc(`${'x'.repeat(900)}%PDF-1.4\n1 0 obj\n<<>>\nendobj\n`))).toBe('header');
    expect(pdfSignature(enc(`${'x'.repeat(1100)}%PDF-1.4\n`))).toBeUndefined();
    const headerless = '%\u00e2\u00e3\u00cf\u00d3\n1 0 obj \n<<\n/Type /Catalog\n>>\nendobj \nxref\n0 1\ntrailer\n<< /Root 1 0 R >>\nstartxref\n42\n%%EOF\n';
    expect(pdfSignature(new Uint8Array(Buffer.from(headerless, 'latin1')))).toBe('headerless');
    expect(sniffFormat(new Uint8Array(Buffer.from(headerless, 'latin1')), headerless)).toBe('pdf');
    // Text that merely mentions objects is not PDF: no cross-reference trailer at its end.
    expect(pdfSignature(enc('1 0 obj is how a PDF object starts.\nThe end.\n'))).toBeUndefined();
  });
});
