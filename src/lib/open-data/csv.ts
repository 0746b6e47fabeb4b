/**
 * The catalogue as CSV for Excel and WPS: UTF-8 with a byte-order mark (so
 * Excel does not read it as GBK), RFC 4180 quoting, CRLF line ends, and a
 * cell that starts with = + - @ (or their full-width forms, a tab or a
 * carriage return) prefixed with ' so a spreadsheet shows it as text instead
 * of running it as a formula (csv-stringify's escape_formulas).
 */
import { stringify } from 'csv-stringify/sync';
import type { OpenDataRecord } from './records.ts';

/** Column headers (Chinese, as the catalogue names them) and how each cell is written. */
export const CSV_COLUMNS: readonly [header: string, cell: (record: OpenDataRecord) => string | number][] = [
  ['索引号', (r) => r.indexNumber],
  ['标题', (r) => r.title],
  ['发布机构', (r) => r.agency],
  ['组配分类', (r) => r.category ?? ''],
  ['栏目', (r) => r.column.join(' > ')],
  ['发文日期', (r) => r.date],
  ['发布日期', (r) => r.published.replace('T', ' ').replace(':00+08:00', '')],
  ['年度', (r) => r.year],
  ['文号', (r) => r.docNumber ?? ''],
  ['公开方式', (r) => r.disclosure],
  ['公开范围', (r) => r.scope],
  ['有效性', (r) => r.validity ?? ''],
  ['网址', (r) => r.url],
  // One attachment a line: its title, a space, its address (which never contains a space).
  ['附件', (r) => r.attachments.map((attachment) => `${attachment.title} ${attachment.url}`).join('\n')],
];

export function csvDocument(records: readonly OpenDataRecord[]): string {
  return stringify(
    records.map((record) => CSV_COLUMNS.map(([, cell]) => cell(record))),
    { bom: true, header: true, columns: CSV_COLUMNS.map(([header]) => header), record_delimiter: 'windows', escape_formulas: true },
  );
}
