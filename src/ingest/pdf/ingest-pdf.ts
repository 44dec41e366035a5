import {diagnostic} from '../../model/diagnostic.js';
import type {DocumentResult} from '../../model/result.js';
import type {Block} from '../../model/source-document.js';

/** What the PDF route produces. */
export interface PdfContent {
  blocks: Block[];
  pages: number;
  title?: string;
}

/** PDF ingest (pdfjs-dist): not yet implemented. */
export async function ingestPdf(_bytes: Uint8Array, options: {file: string}): Promise<DocumentResult<PdfContent>> {
  return {
    status: 'failure',
    diagnostics: [diagnostic('error', 'format-unsupported', 'ingest', 'Cannot read PDF yet', {file: options.file})],
  };
}
