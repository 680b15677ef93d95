import { FRENCH, localeBasis } from './format.js'
import type { Locale } from './locale.js'

const { basis, number, plural } = localeBasis('fr', FRENCH)
const colon = FRENCH.colon
const papers = (count: number) => `${number(count)} ${plural(count, { one: 'article', other: 'articles' })}`
const days = (count: number) => `${number(count)} ${plural(count, { one: 'jour', other: 'jours' })}`

export const fr: Locale = {
  ...basis,
  collected: (count, listed) => ({
    after:
      count < listed
        ? ` des ${papers(listed)} du jour ${plural(count, { one: 'a été retenu', other: 'ont été retenus' })}.`
        : plural(count, { one: ' article a été collecté.', other: ' articles ont été collectés.' }),
  }),
  noPapers: 'Aucun article n’a été collecté ce jour-là.',
  noneSelected: (listed) =>
    listed === 1
      ? 'Le seul article du jour ne correspond pas aux filtres.'
      : `Aucun des ${papers(listed)} du jour ne correspond aux filtres.`,
  rankingHeading: '📊 Classement par votes',
  organization: 'Organisation',
  abstract: 'Résumé',
  aiSummary: 'Synthèse par IA',
  summary: 'Synthèse',
  huggingFaceSummary: 'Synthèse par IA de Hugging Face',
  authors: 'Auteurs',
  moreAuthors: (count) => `et ${number(count)} ${plural(count, { one: 'autre', other: 'autres' })}`,
  projectPageLink: 'Page du projet',
  keywords: 'Mots-clés',
  comments: 'Commentaires',
  period: {
    noPapers: 'Aucun article n’a été collecté sur cette période.',
    noneSelected: (listed, dayCount) =>
      listed === 1
        ? 'Le seul article de cette période ne correspond pas aux filtres.'
        : `Aucun des ${papers(listed)} de ces ${days(dayCount)} ne correspond aux filtres.`,
    statistics: '📊 Statistiques',
    papers: (count) => `Articles${colon}${number(count)}`,
    days: (from, to, count) => `Période${colon}du ${from} au ${to} (${days(count)} avec des articles)`,
    totalUpvotes: (total) => `Votes au total${colon}${number(total)}`,
    meanUpvotes: (mean) => `Votes en moyenne${colon}${basis.decimal(mean)}`,
    topPapers: (count) =>
      plural(count, {
        one: '🔥 L’article le plus voté',
        other: `🔥 Les ${number(count)} articles les plus votés`,
      }),
    topKeywords: (count) =>
      plural(count, {
        one: '🏷️ Le mot-clé le plus fréquent',
        other: `🏷️ Les ${number(count)} mots-clés les plus fréquents`,
      }),
  },
  digest: {
    dayCount: (count, listed) =>
      count < listed ? `${number(count)} des ${papers(listed)} du jour` : papers(count),
    periodCount: (count, dayCount, listed = count) =>
      count < listed
        ? `${number(count)} des ${papers(listed)} en ${days(dayCount)}`
        : `${papers(count)} en ${days(dayCount)}`,
    mostUpvoted: 'Les plus votés',
    topics: 'Thèmes récurrents',
    tldr: 'En bref',
    tldrByModel: 'En bref (rédigé par un modèle)',
    topHeading: (count) =>
      plural(count, { one: '🔥 Le plus voté', other: `🔥 Les ${number(count)} plus votés` }),
    restHeading: (count) =>
      plural(count, { one: '📋 L’autre article', other: `📋 Les ${number(count)} autres articles` }),
    upvotes: (total, mean) =>
      `👍\u00a0${number(total)} ${plural(total, { one: 'vote', other: 'votes' })}, ${number(mean)} par article`,
  },
}
