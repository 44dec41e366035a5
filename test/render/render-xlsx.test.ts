import ExcelJS from 'exceljs';
import {describe, expect, it} from 'vitest';
import {renderXlsx} from '../../src/render/render-xlsx.js';
import {reviewedComparison} from './reviewed-comparison.js';

describe('renderXlsx', () => {
  it('writes one sheet with a frozen header row, filters on every column, wrapped text and reviewed cells filled', async () => {
    const bytes = await renderXlsx(await reviewedComparison());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Comparison');
    expect(sheet.views[0]).toMatchObject({state: 'frozen', ySplit: 1});
    expect(sheet.autoFilter).toBe('A1:K8');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Row', 'Area', 'Objective 2030/31', 'Objective 2031/32', 'Status', 'What changed', 'Commentary', 'Reviewed', 'Machine status', 'Previous source', 'Current source',
    ]);
    expect(sheet.rowCount).toBe(8);
    const weekend = sheet.getRows(2, 7)!.find((r) => String(r.getCell(4).value).startsWith('Offer weekend'))!;
    expect([weekend.getCell(5).value, weekend.getCell(6).value, weekend.getCell(8).value, weekend.getCell(9).value]).toEqual([
      'Kept', 'Clinics move from evenings to weekends ✎', 'pair* status* notes*', 'New',
    ]);
    expect(weekend.getCell(5).fill).toMatchObject({type: 'pattern', pattern: 'solid'});
    expect(weekend.getCell(4).alignment).toMatchObject({wrapText: true, vertical: 'top'});
    expect(String(sheet.getCell('C2').value)).toBe('Cut waits for first outpatient appointments to 12 weeks by March 2031');
  });

  it('gives the same bytes for the same comparison (no clock in the file)', async () => {
    const comparison = await reviewedComparison();
    const first = await renderXlsx(comparison);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(Buffer.from(await renderXlsx(comparison)).equals(Buffer.from(first))).toBe(true);
  });
});
