import {gfmToMarkdown} from 'mdast-util-gfm';
import {toMarkdown} from 'mdast-util-to-markdown';
import type {Root, TableCell} from 'mdast';
import {SeriesLineage} from '../model/lineage.js';
import type {OutputFile} from './output-formats.js';
import {renderLineageHtml, type LineageHtmlOptions} from './render-html-lineage.js';

function cell(value: string): TableCell {
  return {type: 'tableCell', children: value ? [{type: 'text', value}] : []};
}

/** `lineage.json` and `lineage.md` for a series (and `lineage.html` when `html` is given): one line per lineage, one column per edition. */
export function renderLineageFiles(lineage: SeriesLineage, options: {readonly html?: LineageHtmlOptions} = {}): OutputFile[] {
  const json = `${JSON.stringify(SeriesLineage.parse(lineage), null, 2)}\n`;
  const heads = lineage.editions.map((e) => e.planYear ?? e.id);
  const tree: Root = {
    type: 'root',
    children: [
      {type: 'heading', depth: 1, children: [{type: 'text', value: `Lineage of ${lineage.series}: ${heads.join(', ')}`}]},
      {
        type: 'paragraph',
        children: [
          {
            type: 'text',
            value: `${lineage.lineages.length} objective lineages across ${lineage.editions.length} editions. Each line follows one objective through rewordings, merges and splits; its text is as last published.`,
          },
        ],
      },
      {
        type: 'table',
        children: [
          {type: 'tableRow', children: ['Lineage', 'Area', 'Objective', ...heads].map(cell)},
          ...lineage.lineages.map((l) => ({
            type: 'tableRow' as const,
            children: [cell(l.id), cell(l.area), cell(l.text), ...l.cells.map((c) => cell(c.status === 'absent' ? '' : c.note ? `${c.status} (${c.note})` : c.status))],
          })),
        ],
      },
    ],
  };
  return [
    {name: 'lineage.json', content: json},
    {name: 'lineage.md', content: toMarkdown(tree, {extensions: [gfmToMarkdown({tablePipeAlign: false})]})},
    ...(options.html ? [{name: 'lineage.html', content: renderLineageHtml(lineage, options.html)}] : []),
  ];
}
