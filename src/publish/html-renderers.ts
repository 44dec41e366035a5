/**
 * The HTML renderers the published site uses: the one place to swap in the review stage's renderers
 * (`src/render/render-html*.ts`: `renderComparisonHtml`, `renderLineageHtml`) once they are merged.
 * Until then, minimal standalone pages.
 */
export {renderComparisonHtml, renderLineageHtml} from './minimal-html.js';
