/** Labels of a task's fields in task lists and task tables ("Đơn vị chủ trì: Sở Tư pháp", "Thời gian thực hiện: Năm 2026"). */
import { TIME_LABELS } from './verbs.js'

export type FieldKind = 'lead' | 'coordinate' | 'performer' | 'time' | 'content' | 'product'

/** Field labels as printed at the start of a paragraph or bullet, by what they introduce. */
export const FIELD_LABELS: readonly [string, FieldKind][] = [
  ['Đơn vị chủ trì', 'lead'],
  ['Cơ quan chủ trì', 'lead'],
  ['Cơ quan, đơn vị chủ trì', 'lead'],
  ['Chủ trì', 'lead'],
  ['Đơn vị phối hợp', 'coordinate'],
  ['Cơ quan phối hợp', 'coordinate'],
  ['Cơ quan, đơn vị phối hợp', 'coordinate'],
  ['Phối hợp', 'coordinate'],
  ['Cơ quan thực hiện', 'performer'],
  ['Đơn vị thực hiện', 'performer'],
  ['Cơ quan, đơn vị thực hiện', 'performer'],
  ['Trách nhiệm thực hiện', 'performer'],
  ['Đơn vị triển khai', 'performer'],
  ...TIME_LABELS.map((label): [string, FieldKind] => [label, 'time']),
  ['Nội dung thực hiện', 'content'],
  ['Nội dung công việc', 'content'],
  ['Nội dung', 'content'],
  ['Sản phẩm đầu ra', 'product'],
  ['Sản phẩm', 'product'],
  ['Kết quả', 'product'],
]

/**
 * Header words of a task table's columns (folded to ASCII, lower-case), by what the column holds;
 * checked in order, so "Cơ quan chủ trì" is the lead column before "Cơ quan thực hiện" could be.
 */
export const COLUMN_WORDS: readonly [FieldKind | 'number', RegExp][] = [
  ['number', /^(stt|tt|so tt|so thu tu)$/],
  ['lead', /chu tri/],
  ['coordinate', /phoi hop/],
  ['time', /thoi gian|thoi han|tien do|hoan thanh/],
  ['product', /san pham|ket qua/],
  ['performer', /(co quan|don vi|trach nhiem) thuc hien/],
  ['content', /nhiem vu|noi dung|giai phap|cong viec|hoat dong|ten/],
]
