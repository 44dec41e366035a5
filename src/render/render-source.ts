import type {Block, ListItem, Location, SourceDocument} from '../model/document.js';
import {codePoints} from '../normalise/code-points.js';

function at(location: Location): string {
  return location.page !== undefined ? `p${location.page}:l${location.line}` : `l${location.line}`;
}

function itemLines(items: readonly ListItem[], depth: number): string[] {
  return items.flatMap((item) => [`${at(item.at)}\t${'  '.repeat(depth)}${item.marker ?? '•'} ${item.text}`, ...itemLines(item.items, depth + 1)]);
}

function blockLines(block: Block): string[] {
  const path = block.path.length ? `  [${block.path.join(' › ')}]` : '';
  switch (block.kind) {
    case 'heading':
      return [`${at(block.at)}\theading ${block.level}\t${block.text}${path}`];
    case 'paragraph':
      return [`${at(block.at)}\tparagraph${block.origin ? ` (${block.origin})` : ''}\t${block.text}${path}`];
    case 'list':
      return [`${at(block.at)}\tlist${block.ordered ? ' (ordered)' : ''}\t${block.items.length} item(s)${path}`, ...itemLines(block.items, 1)];
    case 'table': {
      const lines = [
        `${at(block.at)}\ttable (${block.method})\t${block.columns} columns, ${block.header.length} header row(s), ${block.rows.length} row(s)${block.caption ? `: ${block.caption}` : ''}${path}`,
      ];
      for (const row of [...block.header, ...block.rows]) {
        const cells = row.cells.map((c) => (c.spannedFrom ? '↑' : c.fragments.length > 1 ? c.fragments.map((f) => `${f.marker ?? '¶'} ${f.text}`).join(' ') : c.text));
        lines.push(`${at(row.at)}\t  ${row.cells.some((c) => c.header) ? 'header' : row.section ? 'group' : 'row'}\t${cells.join(' | ')}`);
      }
      return lines;
    }
  }
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
