import type {Comparison} from '../model/comparison.js';
import type {SeriesLineage} from '../model/lineage.js';

/** Text for HTML: `&`, `<`, `>` and quotes escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A whole page: title, a little CSS, the body. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:80rem;padding:0 1rem}table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}th{background:#f4f4f4}del{color:#a00}ins{color:#060;text-decoration:none;font-weight:600}.new{background:#eef9ee}.dropped{background:#fbeeee}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/**
 * A comparison as a standalone HTML page (one row per match: area, both texts with the word diff, status,
 * what changed). Minimal stand-in until the review stage's renderer is merged (see html-renderers.ts).
 */
export function renderComparisonHtml(comparison: Comparison): string {
  const {previous, current} = comparison;
  const rows = comparison.rows.map((row) => {
    const before = row.previous.map((o) => escapeHtml(o.text)).join('<br>');
    const after = row.current.length
      ? row.wordDiff.map((op) => (op.op === 'equal' ? escapeHtml(op.text) : op.op === 'insert' ? `<ins>${escapeHtml(op.text)}</ins>` : `<del>${escapeHtml(op.text)}</del>`)).join('') || row.current.map((o) => escapeHtml(o.text)).join('<br>')
      : '';
    const status = row.status[0]!.toUpperCase() + row.status.slice(1);
    return `<tr class="${row.status}"><td>${escapeHtml(row.area)}</td><td>${before}</td><td>${after}</td><td>${status}</td><td>${escapeHtml(row.changes.map((c) => c.summary).join('; '))}</td></tr>`;
  });
  const title = `${previous.title} → ${current.title}`;
  const {kept, new: added, dropped, changed} = comparison.summary;
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p>Kept ${kept} (${changed} changed), new ${added}, dropped ${dropped}.</p>
<table>
<thead><tr><th>Area</th><th>Objective ${escapeHtml(previous.planYear ?? previous.id)}</th><th>Objective ${escapeHtml(current.planYear ?? current.id)}</th><th>Status</th><th>What changed</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`,
  );
}

/** A series' lineage as a standalone HTML page: one row per lineage, one column per edition. */
export function renderLineageHtml(lineage: SeriesLineage): string {
  const heads = lineage.editions.map((e) => e.planYear ?? e.id);
  const rows = lineage.lineages.map(
    (l) =>
      `<tr><td>${escapeHtml(l.id)}</td><td>${escapeHtml(l.area)}</td><td>${escapeHtml(l.text)}</td>${l.cells.map((c) => `<td>${c.status === 'absent' ? '' : escapeHtml(c.note ? `${c.status} (${c.note})` : c.status)}</td>`).join('')}</tr>`,
  );
  const title = `Lineage of ${lineage.series}`;
  return page(
    title,
    `<h1>${escapeHtml(title)}: ${escapeHtml(heads.join(', '))}</h1>
<table>
<thead><tr><th>Lineage</th><th>Area</th><th>Objective</th>${heads.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`,
  );
}
