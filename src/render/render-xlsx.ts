import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type {Comparison} from '../model/comparison.js';
import {statusWord, where} from './change-words.js';
import {neutraliseFormula} from './render-csv.js';
import {machineStatusWord, whatChanged} from './review-words.js';

/** Every file in the workbook carries this date, so the same comparison gives the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

const COLUMNS = [
  {header: 'Row', key: 'row', width: 6},
  {header: 'Area', key: 'area', width: 22},
  {header: 'Previous objective', key: 'previous', width: 48},
  {header: 'Current objective', key: 'current', width: 48},
  {header: 'Status', key: 'status', width: 11},
  {header: 'What changed', key: 'changes', width: 32},
  {header: 'Commentary', key: 'commentary', width: 48},
  {header: 'Reviewed', key: 'reviewed', width: 16},
  {header: 'Machine status', key: 'machine', width: 11},
  {header: 'Previous source', key: 'previousSource', width: 22},
  {header: 'Current source', key: 'currentSource', width: 22},
] as const;

/** Cells a reviewer set are filled in this colour (and listed in the Reviewed column). */
const REVIEWED_FILL: ExcelJS.Fill = {type: 'pattern', pattern: 'solid', fgColor: {argb: 'FFEFE6F7'}};

/**
 * Comparison → an Excel workbook (`comparison.xlsx`, via exceljs): one sheet, one row per comparison row,
 * the header row frozen with filters on every column, text wrapped, cells a reviewer set filled and
 * listed in "Reviewed". Texts that a spreadsheet would run as formulas get a leading apostrophe. The
 * bytes are the same for the same comparison (fixed dates in the workbook and its zip entries).
 *
 * @example
 * await writeFile('comparison.xlsx', await renderXlsx(comparison));
 */
export async function renderXlsx(comparison: Comparison): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'guidance-diff';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  const previousYear = comparison.previous.planYear ?? comparison.previous.title;
  const currentYear = comparison.current.planYear ?? comparison.current.title;
  const sheet = workbook.addWorksheet('Comparison', {views: [{state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2'}]});
  sheet.columns = COLUMNS.map((c) => ({
    header: c.key === 'previous' ? `Objective ${previousYear}` : c.key === 'current' ? `Objective ${currentYear}` : c.header,
    key: c.key,
    width: c.width,
  }));
  comparison.rows.forEach((row, k) => {
    const review = row.review;
    const values = {
      row: k + 1,
      area: row.area,
      previous: row.previous.map((o) => o.text).join('\n') || `Not included in ${previousYear}.`,
      current: row.current.map((o) => o.text).join('\n') || `Not included in ${currentYear}.`,
      status: statusWord(row),
      changes: whatChanged(row),
      commentary: review?.commentary ?? '',
      reviewed: (review?.fields ?? []).map((f) => (review!.overridden.includes(f) ? `${f}*` : f)).join(' '),
      machine: machineStatusWord(row),
      previousSource: row.previous.map((o) => `${o.provenance.file} ${where(o.provenance)}`).join('\n'),
      currentSource: row.current.map((o) => `${o.provenance.file} ${where(o.provenance)}`).join('\n'),
    };
    const added = sheet.addRow(Object.fromEntries(Object.entries(values).map(([key, v]) => [key, typeof v === 'string' ? neutraliseFormula(v) : v])));
    const fill = (key: string): void => void (added.getCell(key).fill = REVIEWED_FILL);
    if (review?.manual) ['area', 'previous', 'current', 'status'].forEach(fill);
    if (review?.fields.includes('status')) fill('status');
    if (review?.fields.includes('notes')) fill('changes');
    if (review?.fields.includes('commentary')) fill('commentary');
    if (review?.overridden.includes('pair')) ['previous', 'current'].forEach(fill);
  });
  sheet.eachRow((row) => {
    row.alignment = {wrapText: true, vertical: 'top'};
  });
  sheet.getRow(1).font = {bold: true};
  sheet.autoFilter = {from: {row: 1, column: 1}, to: {row: Math.max(1, comparison.rows.length + 1), column: COLUMNS.length}};
  const buffer = await workbook.xlsx.writeBuffer();
  // exceljs stamps each zip entry with the time of writing: pack again with one fixed date.
  const zip = await JSZip.loadAsync(buffer);
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    out.file(name, await entry.async('uint8array'), {date: FIXED_DATE, createFolders: false});
  }
  return out.generateAsync({type: 'uint8array', compression: 'DEFLATE', compressionOptions: {level: 6}, platform: 'UNIX'});
}
