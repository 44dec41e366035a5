/** The HTML renderers the published site uses: the same pages `compare` and `batch` write (src/render/render-html*.ts). */
export {renderComparisonHtml} from '../render/render-html-comparison.js';
export {renderLineageHtml} from '../render/render-html-lineage.js';
