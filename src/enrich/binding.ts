import type { Paper } from '../core/paper.js'

/**
 * A model can put a summary under the wrong id (by mistake, or steered by an abstract), and the schema
 * cannot tell. The terms only one paper of the request has (a method, a dataset, a number, a rare word)
 * can: summaries keep such names as written in any language. `summary` is the paper's abstract.
 */
export type PaperText = Pick<Paper, 'id' | 'title' | 'summary'>

/** Words that say nothing of which paper a text is about. */
const COMMON = new Set(
  (
    'the and for with that this from into their which these those using based paper propose proposed ' +
    'method methods model models approach results show shows data dataset task tasks performance ' +
    'large language learning training work framework new also such across while than more have has ' +
    'our can are was were been not its both each other over under between through they them we'
  ).split(' '),
)

/** A term: a run of Latin letters and digits (with `-` or `.` inside), at least 3 long. */
const TERM = /[\p{Script=Latin}\d]+(?:[-.][\p{Script=Latin}\d]+)*/gu

function termsOf(text: string): Set<string> {
  const terms = new Set<string>()
  for (const match of text.normalize('NFKC').matchAll(TERM)) {
    const term = match[0].toLowerCase()
    if (term.length >= 3 && !COMMON.has(term)) terms.add(term)
  }
  return terms
}

/**
 * The ids whose summary shares more distinctive terms with another paper of the request than with its
 * own. One that shares none passes: nothing tells it apart (short translated summaries can be so).
 */
export function unboundSummaries(
  papers: readonly PaperText[],
  summaries: ReadonlyMap<string, string>,
): Set<string> {
  const unbound = new Set<string>()
  if (papers.length < 2) return unbound
  const termsByPaper = new Map(papers.map((paper) => [paper.id, termsOf(`${paper.title} ${paper.summary}`)]))
  // A term of several papers of the request tells none of them apart.
  const seen = new Map<string, number>()
  for (const terms of termsByPaper.values())
    for (const term of terms) seen.set(term, (seen.get(term) ?? 0) + 1)
  const distinctive = new Map(
    [...termsByPaper].map(([id, terms]) => [id, new Set([...terms].filter((term) => seen.get(term) === 1))]),
  )
  for (const [id, summary] of summaries) {
    const own = distinctive.get(id)
    if (own === undefined) continue
    const said = termsOf(summary)
    const shared = (terms: ReadonlySet<string>) => [...said].filter((term) => terms.has(term)).length
    const ownScore = shared(own)
    const closer = [...distinctive].some(([otherId, terms]) => otherId !== id && shared(terms) > ownScore)
    if (closer) unbound.add(id)
  }
  return unbound
}
