import type { ListItem, PhrasingContent, RootContent } from 'mdast'
import type { Field } from '../core/fields.js'
import type { Paper } from '../core/paper.js'
import type { EnrichedPaper } from '../enrich/index.js'
import { abstractContent } from './abstract-text.js'
import { leadIn, LEADERS, nothingShown, shortName, upvoteNote, type PostCount } from './description.js'
import type { Locale } from './locales/index.js'
import { heading, list, listItem, ownMarkup, paragraph, strong, text } from './mdast.js'
import { LABELLED_LINES, metaLine, summaryLine, titleWithAside, translatedTitle } from './paper-lines.js'
import { periodOverview, type Period } from './period.js'
import { cleanText } from './text.js'
import { countTopics, type Topic } from './topics.js'

export interface DigestBody {
  papers: readonly Paper[]
  locale: Locale
  fields: readonly Field[]
  topPapers: number
  counted: PostCount
  period?: Period
  enriched?: ReadonlyMap<string, EnrichedPaper>
  tldr?: string
}

/** Topics named in the TL;DR, of those at least two papers share. */
const TLDR_TOPICS = 3

/** Attribute lists for Chirpy's prompt block and the compact list's start; other themes ignore them. */
const PROMPT_TIP = '{: .prompt-tip }'
export const isAttributeList = (node: RootContent) => node.type === 'html' && node.value.startsWith('{:')

/** A TL;DR, (a period's statistics,) the top papers in full, the rest one line each; no H1 (the theme's). */
export function digestBody(body: DigestBody): RootContent[] {
  const { papers, locale, topPapers, period, counted } = body
  if (papers.length === 0) return [paragraph([text(nothingShown(locale, counted))])]
  const topics = countTopics(period?.listed ?? papers)
  const content: RootContent[] = [...tldr(body, topics)]
  if (period) content.push(...periodOverview(period, topics, locale))
  const top = papers.slice(0, topPapers)
  if (top.length > 0) {
    content.push(heading(2, locale.digest.topHeading(top.length)))
    top.forEach((paper, index) => content.push(...fullPaper(paper, index + 1, body)))
  }
  const rest = papers.slice(top.length)
  if (rest.length > 0) {
    content.push(
      heading(2, top.length > 0 ? locale.digest.restHeading(rest.length) : locale.rankingHeading),
      list(
        rest.map((paper) => compactItem(paper, body)),
        { ordered: true, start: top.length + 1 },
      ),
    )
    if (top.length > 0) content.push(ownMarkup(`{: start="${top.length + 1}"}`))
  }
  return content
}

/** The model's TL;DR, labelled, or the count, the leaders and the shared topics in the script's sentences. */
function tldr(
  { papers, locale, counted, tldr: byModel }: DigestBody,
  topics: readonly Topic[],
): RootContent[] {
  const { digest: words, punctuation: marks } = locale
  const written = cleanText(byModel ?? '')
  const shared = topics.filter((topic) => topic.count >= 2).slice(0, TLDR_TOPICS)
  const labels = shared.map((topic) => topic.label).join(marks.comma)
  const end = marks.stop.trimEnd()
  const line: PhrasingContent[] =
    written !== ''
      ? [strong(words.tldrByModel), text(`${marks.dash}${written}`)]
      : [
          strong(words.tldr),
          text(`${marks.dash}${leadIn(locale, counted)}`),
          ...papers
            .slice(0, LEADERS)
            .flatMap((paper, index) => [
              ...(index > 0 ? [text(marks.comma)] : []),
              strong(shortName(paper.title)),
              text(upvoteNote(paper, locale)),
            ]),
          text(shared.length === 0 ? end : `${marks.stop}${words.topics}${marks.colon}${labels}${end}`),
        ]
  return [{ type: 'blockquote', children: [paragraph(line)] }, ownMarkup(PROMPT_TIP)]
}

function fullPaper(paper: Paper, rank: number, body: DigestBody): RootContent[] {
  const { fields, locale, period } = body
  const enriched = body.enriched?.get(paper.id)
  const translated = translatedTitle(paper, fields, enriched)
  const content: RootContent[] = [
    heading(3, [text(`${rank}. `), ...titleWithAside(paper, translated, locale)]),
    paragraph(metaLine(paper, fields, locale, period?.listedOn.get(paper.id))),
  ]
  const show = (line: PhrasingContent[] | undefined) => line && content.push(paragraph(line))
  // One summary, where the first of ai-summary and llm-summary is listed.
  const summaryField = fields.find((field) => field === 'ai-summary' || field === 'llm-summary')
  for (const field of fields) {
    if (field === summaryField) {
      show(summaryLine(paper, fields, locale, enriched))
    } else if (field === 'abstract' && cleanText(paper.summary) !== '') {
      // kramdown parses what is inside `<details>` as markdown only with `markdown="1"`, else as raw HTML.
      content.push(
        ownMarkup(`<details markdown="1">\n<summary>${locale.digest.abstract ?? locale.abstract}</summary>`),
        paragraph(abstractContent(paper.summary)),
        ownMarkup('</details>'),
      )
    } else if (field === 'authors' || field === 'keywords') {
      show(LABELLED_LINES[field](paper, locale))
    }
  }
  return content
}

function compactItem(paper: Paper, { fields, locale, period, enriched }: DigestBody): ListItem {
  const title = titleWithAside(paper, translatedTitle(paper, fields, enriched?.get(paper.id)), locale)
  return listItem([paragraph(metaLine(paper, fields, locale, period?.listedOn.get(paper.id), title))])
}
