import {createHash} from 'node:crypto';

// The shell shared by comparison.html and lineage.html: escaping, one stylesheet (screen and print),
// one filter script, and a Content-Security-Policy that lets the page load nothing from anywhere.

/** Escape text for HTML element content and double-quoted attributes. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]!);
}

/** An href from parts: each path segment percent-encoded, '/' kept. */
export function href(path: string, fragment?: string): string {
  const encoded = path
    .split('/')
    .map((s, k) => (s === '..' || s === '.' || (k === 0 && /^[a-z]+:$/.test(s)) ? s : encodeURIComponent(s)))
    .join('/');
  return fragment ? `${encoded}#${fragment}` : encoded;
}

/** A link back to an index page (for `publish`). */
export interface IndexLink {
  readonly href: string;
  readonly label: string;
}

export const STYLE = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --line: #c9c9c9; --head: #f0f0f0; --kept: #1d5b27; --new: #0b4f8a; --dropped: #8a1c1c; --mark: #6b3fa0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: #fff; }
header, main, footer { padding: 0 1.25rem; }
header { border-bottom: 1px solid var(--line); padding-bottom: .5rem; }
h1 { font-size: 1.45rem; margin: .8rem 0 .3rem; }
h2 { font-size: 1.15rem; margin: 1.4rem 0 .4rem; }
a { color: #0b4f8a; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.summary { margin: .3rem 0; }
.legend { color: var(--muted); margin: .3rem 0; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; align-items: center; padding: .6rem 0; border-bottom: 1px solid var(--line); position: sticky; top: 0; background: #fff; z-index: 2; }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: .6rem; align-items: center; }
.filters legend { float: left; font-weight: 600; margin-right: .4rem; }
.filters label { white-space: nowrap; }
.filters select { font: inherit; }
#shown { margin: 0; color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; vertical-align: top; text-align: left; }
thead th { background: var(--head); position: sticky; top: 3.1rem; z-index: 1; }
tbody th[scope="rowgroup"] { background: #e4e8ee; font-size: 1rem; }
tbody th[scope="row"] { font-weight: normal; color: var(--muted); width: 2.5rem; }
.obj { width: 26%; }
td p { margin: 0 0 .35rem; }
.src { display: block; font-size: .85em; color: var(--muted); }
ins { background: #d7f5dc; color: #0f3d17; text-decoration: none; border-bottom: 2px solid #2e7d32; }
del { background: #fde3e1; color: #6b1414; text-decoration: line-through; }
.status { white-space: nowrap; font-weight: 600; }
.status-kept { color: var(--kept); }
.status-new { color: var(--new); }
.status-dropped { color: var(--dropped); }
.rv { color: var(--mark); font-weight: 600; }
.machine { display: block; font-weight: normal; color: var(--muted); font-size: .85em; }
.flag { display: block; font-weight: normal; font-size: .8em; color: #7a4a00; background: #fff4d6; border-radius: 3px; padding: 0 .25rem; margin-top: .2rem; white-space: normal; }
.notes { margin: 0; padding-left: 1rem; }
.commentary p { margin: 0 0 .4rem; }
td.reviewed { background: #f6f1fb; }
tr.manual td { background: #fbf8ee; }
.none { color: var(--muted); font-style: italic; }
.print-only { display: none; }
footer { color: var(--muted); font-size: .85em; padding-bottom: 1rem; }
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  body { font-size: 8.5pt; }
  header, main, footer { padding: 0; }
  .filters, nav { display: none !important; }
  .print-only { display: block; }
  thead { display: table-header-group; }
  thead th { position: static; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  tbody tr:first-child { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  ins { background: none; font-weight: 700; text-decoration: underline; border: 0; }
  del { background: none; }
  td.reviewed, tr.manual td { background: none; }
  .flag { background: none; border: 1px solid #999; }
}
`;

export const SCRIPT = `
(function () {
  var form = document.getElementById('filters');
  if (!form) return;
  form.hidden = false;
  var rows = Array.prototype.slice.call(document.querySelectorAll('tbody tr[data-status]'));
  var groups = Array.prototype.slice.call(document.querySelectorAll('tbody[data-group]'));
  var shown = document.getElementById('shown');
  var note = document.getElementById('print-filter');
  function apply() {
    var statuses = Array.prototype.slice.call(form.querySelectorAll('input[name=status]:checked')).map(function (i) { return i.value; });
    var group = form.elements.group.value;
    var review = form.elements.review.checked;
    var count = 0;
    rows.forEach(function (row) {
      var visible = statuses.indexOf(row.getAttribute('data-status')) >= 0 &&
        (!group || row.getAttribute('data-group') === group) &&
        (!review || row.hasAttribute('data-needs-review'));
      row.hidden = !visible;
      if (visible) count++;
    });
    groups.forEach(function (body) { body.hidden = !body.querySelector('tr[data-status]:not([hidden])'); });
    shown.textContent = count + ' of ' + rows.length + ' rows shown';
    var all = form.querySelectorAll('input[name=status]').length;
    var parts = [];
    if (statuses.length < all) parts.push('status: ' + (statuses.join(', ') || 'none'));
    if (group) parts.push('group: ' + group);
    if (review) parts.push('needs review only');
    note.textContent = parts.length ? 'Filtered (' + parts.join('; ') + '): ' + count + ' of ' + rows.length + ' rows.' : '';
  }
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  apply();
})();
`;

function sha256Base64(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}

/**
 * A whole standalone page: the stylesheet and script inline, a Content-Security-Policy that allows only
 * them (by hash), so the page fetches nothing, and `header`/`main`/`footer` landmarks.
 */
export function page(parts: {title: string; header: string; main: string; footer: string}): string {
  const csp = `default-src 'none'; style-src 'sha256-${sha256Base64(STYLE)}'; script-src 'sha256-${sha256Base64(SCRIPT)}'; img-src data:; base-uri 'none'; form-action 'none'`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="guidance-diff">',
    `<title>${esc(parts.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header>\n${parts.header}\n</header>`,
    `<main>\n${parts.main}\n</main>`,
    `<footer>\n${parts.footer}\n</footer>`,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The filter form: status checkboxes, a group select and "needs review only"; hidden until the script runs. */
export function filterForm(options: {statuses: readonly {value: string; label: string; count: number}[]; groups: readonly string[]; needsReview: number; noun: string}): string {
  const statuses = options.statuses
    .map((s) => `<label><input type="checkbox" name="status" value="${esc(s.value)}" checked> ${esc(s.label)} (${s.count})</label>`)
    .join('\n');
  const groups = options.groups.map((g) => `<option value="${esc(g)}">${esc(g)}</option>`).join('');
  return [
    `<form id="filters" class="filters" hidden aria-label="Filter ${esc(options.noun)}">`,
    `<fieldset><legend>Status</legend>\n${statuses}\n</fieldset>`,
    `<label>Group <select name="group"><option value="">All groups</option>${groups}</select></label>`,
    `<label><input type="checkbox" name="review"> Needs review only (${options.needsReview})</label>`,
    `<p id="shown" role="status" aria-live="polite"></p>`,
    '</form>',
    '<p id="print-filter" class="print-only"></p>',
  ].join('\n');
}
