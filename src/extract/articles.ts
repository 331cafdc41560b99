/** A decision's own articles ("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch ..."), when the plan is attached to one. */
import type { Article } from '../../schemas/plan.js'
import type { Doc } from '../types.js'

const CLOSE_RE = /^(Nơi nhận|TM\.|KT\.|KẾ HOẠCH$)/u
const ARTICLE_RE = /^(?<label>Điều\s+\d{1,2})\s*[.:]\s*(?<text>.*)$/u

/** The articles of the preamble, each with the unlabelled paragraphs that follow it. */
export function extractArticles(doc: Doc): Article[] {
  const articles: Article[] = []
  for (const block of doc.preamble) {
    // The recipients, the signature or the attached plan close the decision.
    if (articles.length > 0 && CLOSE_RE.test(block.text)) break
    const m = ARTICLE_RE.exec(block.text)
    const last = articles[articles.length - 1]
    if (m?.groups) articles.push({ label: m.groups.label ?? '', text: m.groups.text ?? '', line: block.line })
    else if (last) last.text = `${last.text} ${block.text}`
  }
  return articles
}
