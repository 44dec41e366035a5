import type {Block, Location, SourceDocument} from '../model/source-document.js';
import {cellText} from '../model/blocks.js';
import {codePoints} from '../normalise/code-points.js';

function at(location: Location): string {
  return location.page !== undefined ? `p${location.page}:l${location.line}` : `l${location.line}`;
}

function blockLines(block: Block): string[] {
  if (block.kind !== 'table') return [`${at(block.at)}\t${block.kind}${block.level ? ` ${block.level}` : ''}\t${block.text}`];
  const lines = [`${at(block.at)}\ttable\t${block.columns} columns, ${block.header.length} header row(s), ${block.rows.length} row(s)${block.caption ? `: ${block.caption}` : ''}`];
  for (const row of [...block.header, ...block.rows]) {
    const cells = row.cells.map((c) => (c.spannedFrom ? '↑' : cellText(c)));
    lines.push(`${at(row.at)}\t  row\t${cells.join(' | ')}`);
  }
  return lines;
}

/** What ingestion read, as text: format, encoding, repairs, blocks with provenance, diagnostics. */
export function renderSourceText(doc: SourceDocument): string {
  const out = [
    `file: ${doc.file}`,
    `sha256: ${doc.sha256}`,
    `format: ${doc.format}`,
    `encoding: ${doc.encoding}`,
    ...(doc.pages !== undefined ? [`pages: ${doc.pages}`] : []),
    ...(doc.title !== undefined ? [`title: ${doc.title}`] : []),
    `repairs: ${doc.repairs.length}`,
    ...doc.repairs.map((r) => `  l${r.line}: ${codePoints(r.from)} → ${r.to}`),
    `diagnostics: ${doc.diagnostics.length}`,
    ...doc.diagnostics.map((d) => `  ${d.severity} ${d.code}${d.line ? ` l${d.line}` : ''}: ${d.message}`),
    `blocks: ${doc.blocks.length}`,
    ...doc.blocks.flatMap(blockLines),
  ];
  return `${out.join('\n')}\n`;
}
