/** Section-title synonyms → section role. Folded (ASCII, lower-case) patterns, checked in order. */
import type { SectionRole } from '../../schemas/plan.js'

export const ROLE_PATTERNS: readonly [Exclude<SectionRole, null>, RegExp][] = [
  ['awardQuotas', /^(so luong|chi tieu|co cau) khen thuong/],
  ['awardForms', /^hinh thuc (khen thuong|va tieu chuan khen thuong|khen)/],
  ['criteria', /^(cac )?tieu chi( thi dua| danh gia)?$|^tieu chi thi dua/],
  ['standards', /^(cac )?tieu chuan( khen thuong| thi dua)?$/],
  ['awards', /khen thuong/],
  ['purposes', /^muc dich$/],
  ['requirements', /^yeu cau$/],
  ['objectives', /^(cac )?(muc tieu|chi tieu)/],
  ['solutions', /giai phap/],
  ['contents', /^(cac )?(noi dung|nhiem vu)/],
  ['timeline', /^(tien do|thoi gian|lo trinh|ke hoach thoi gian)/],
  ['funding', /^(kinh phi|nguon (kinh phi|von)|nguon luc tai chinh)/],
  ['implementation', /^(to chuc thuc hien|trach nhiem|phan cong|to chuc trien khai)/],
  ['reporting', /^(che do )?(thong tin )?bao cao/],
  // Monitoring that ends in the reports it asks for: "TỔ CHỨC THEO DÕI, KIỂM TRA VÀ CHẾ ĐỘ BÁO CÁO".
  ['reporting', /^(to chuc )?(theo doi|kiem tra|giam sat|danh gia) .*\bbao cao$/],
]

/** Headings longer than this are sentences, not titles, and get no role. */
export const ROLE_MAX_WORDS = 12
