import type {RootContent} from 'mdast';
import type {Diagnostic} from '../model/diagnostic.js';

/**
 * A Checks section: every warning and error, one item each (file, page, line, code, message). A result
 * with any is \`partial\`; empty when there is nothing to check.
 */
export function checksSection(diagnostics: readonly Diagnostic[]): RootContent[] {
  const findings = diagnostics.filter((d) => d.severity !== 'info');
  if (!findings.length) return [];
  return [
    {type: 'heading', depth: 2, children: [{type: 'text', value: 'Checks'}]},
    {
      type: 'list',
      ordered: false,
      spread: false,
      children: findings.map((d) => ({
        type: 'listItem' as const,
        spread: false,
        children: [
          {
            type: 'paragraph' as const,
            children: [
              {type: 'strong' as const, children: [{type: 'text' as const, value: d.severity}]},
              {type: 'text' as const, value: ` ${d.file}${d.page ? ` p. ${d.page}` : ''}${d.line ? ` l. ${d.line}` : ''} `},
              {type: 'inlineCode' as const, value: d.code},
              {type: 'text' as const, value: `: ${d.message}`},
            ],
          },
        ],
      })),
    },
  ];
}

