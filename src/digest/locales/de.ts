import { LATIN, localeBasis } from './format.js'
import type { Locale } from './locale.js'

const { basis, number, plural } = localeBasis('de', LATIN)
/** "Artikel" is the same word in the singular and the plural; its dative plural is "Artikeln". */
const votes = (count: number) => `${number(count)} ${plural(count, { one: 'Stimme', other: 'Stimmen' })}`
const days = (count: number) => `${number(count)} ${plural(count, { one: 'Tag', other: 'Tagen' })}`

export const de: Locale = {
  ...basis,
  collected: (count, listed) =>
    count < listed
      ? {
          after: ` der ${number(listed)} Artikel des Tages ${plural(count, { one: 'wurde', other: 'wurden' })} ausgewählt.`,
        }
      : {
          before: plural(count, { one: 'Es wurde ', other: 'Es wurden ' }),
          after: ' Artikel gesammelt.',
        },
  noPapers: 'Für diesen Tag wurden keine Artikel gesammelt.',
  noneSelected: (listed) =>
    listed === 1
      ? 'Der einzige Artikel des Tages entspricht nicht den Filtern.'
      : `Keiner der ${number(listed)} Artikel des Tages entspricht den Filtern.`,
  rankingHeading: '📊 Rangliste nach Stimmen',
  organization: 'Organisation',
  abstract: 'Kurzfassung',
  aiSummary: 'KI-Zusammenfassung',
  summary: 'Zusammenfassung',
  huggingFaceSummary: 'KI-Zusammenfassung von Hugging Face',
  authors: 'Autoren',
  moreAuthors: (count) => `und ${number(count)} weitere`,
  projectPageLink: 'Projektseite',
  keywords: 'Schlagwörter',
  comments: 'Kommentare',
  period: {
    noPapers: 'Für diesen Zeitraum wurden keine Artikel gesammelt.',
    noneSelected: (listed, dayCount) =>
      listed === 1
        ? 'Der einzige Artikel dieses Zeitraums entspricht nicht den Filtern.'
        : `Keiner der ${number(listed)} Artikel aus ${days(dayCount)} entspricht den Filtern.`,
    statistics: '📊 Statistik',
    papers: (count) => `Artikel: ${number(count)}`,
    days: (from, to, count) => `Zeitraum: ${from} bis ${to} (Artikel an ${days(count)})`,
    totalUpvotes: (total) => `Stimmen insgesamt: ${number(total)}`,
    meanUpvotes: (mean) => `Stimmen im Schnitt: ${basis.decimal(mean)}`,
    topPapers: (count) =>
      plural(count, {
        one: '🔥 Der Artikel mit den meisten Stimmen',
        other: `🔥 Die ${number(count)} Artikel mit den meisten Stimmen`,
      }),
    topKeywords: (count) =>
      plural(count, {
        one: '🏷️ Das häufigste Schlagwort',
        other: `🏷️ Die ${number(count)} häufigsten Schlagwörter`,
      }),
  },
  digest: {
    dayCount: (count, listed) =>
      count < listed
        ? `${number(count)} von ${number(listed)} Artikeln des Tages`
        : `${number(count)} Artikel`,
    periodCount: (count, dayCount, listed = count) =>
      count < listed
        ? `${number(count)} von ${number(listed)} Artikeln an ${days(dayCount)}`
        : `${number(count)} Artikel an ${days(dayCount)}`,
    mostUpvoted: 'Die meisten Stimmen',
    topics: 'Wiederkehrende Themen',
    tldr: 'Kurz gesagt',
    tldrByModel: 'Kurz gesagt (von einem Modell verfasst)',
    topHeading: (count) =>
      plural(count, {
        one: '🔥 Der beliebteste Artikel',
        other: `🔥 Die ${number(count)} beliebtesten Artikel`,
      }),
    restHeading: (count) =>
      plural(count, { one: '📋 Ein weiterer Artikel', other: `📋 Die übrigen ${number(count)} Artikel` }),
    upvotes: (total, mean) => `👍\u00a0${votes(total)}, ${number(mean)} pro Artikel`,
  },
}
