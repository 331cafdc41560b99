/** Agency names: find them in text, split lists of them, and give each its canonical name, key and level. */
import type { Agency } from '../../schemas/plan.js'
import type { Context } from './context.js'

/** An agency named in a text, with where the name starts and ends. */
export interface AgencyMention {
  agency: Agency
  start: number
  end: number
}

/** Canonical name, key and level of one agency name as written. */
export function toAgency(name: string, _ctx: Context): Agency {
  return { name, canonical: name, key: name, level: null }
}

/** Every agency named in free text, in order. */
export function findAgencies(_text: string, _ctx: Context): AgencyMention[] {
  return []
}

/** Split an explicit list of agencies ("Phòng Văn hóa và Thông tin, Trung tâm Văn hoá, Thông tin và Thể thao"). */
export function splitAgencyList(_text: string, _ctx: Context): Agency[] {
  return []
}
