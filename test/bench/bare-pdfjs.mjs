// The baseline: pdfjs-dist's bare getTextContent loop over every page, one thread, nothing else.
// usage: node test/bench/bare-pdfjs.mjs FILE.pdf   → prints {"pages":N,"items":M}
import {readFileSync} from 'node:fs';

const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const doc = await pdfjs.getDocument({data: new Uint8Array(readFileSync(process.argv[2])), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0}).promise;
let items = 0;
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  items += (await page.getTextContent()).items.length;
  page.cleanup();
}
console.log(JSON.stringify({pages: doc.numPages, items}));
await doc.destroy();
