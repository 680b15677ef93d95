import { LATIN, localeBasis } from './format.js'
import type { Locale } from './locale.js'

const { basis, number, plural } = localeBasis('pt-BR', LATIN)
const papers = (count: number) => `${number(count)} ${plural(count, { one: 'artigo', other: 'artigos' })}`
const days = (count: number) => `${number(count)} ${plural(count, { one: 'dia', other: 'dias' })}`

export const ptBR: Locale = {
  ...basis,
  collected: (count, listed) => ({
    after:
      count < listed
        ? ` dos ${papers(listed)} do dia ${plural(count, { one: 'foi selecionado', other: 'foram selecionados' })}.`
        : plural(count, { one: ' artigo foi coletado.', other: ' artigos foram coletados.' }),
  }),
  noPapers: 'Nenhum artigo foi coletado neste dia.',
  noneSelected: (listed) =>
    listed === 1
      ? 'O único artigo do dia não corresponde aos filtros.'
      : `Nenhum dos ${papers(listed)} do dia corresponde aos filtros.`,
  rankingHeading: '📊 Classificação por votos',
  organization: 'Organização',
  abstract: 'Resumo',
  aiSummary: 'Síntese por IA',
  summary: 'Síntese',
  huggingFaceSummary: 'Síntese por IA do Hugging Face',
  authors: 'Autores',
  moreAuthors: (count) => `e mais ${number(count)}`,
  projectPageLink: 'Página do projeto',
  keywords: 'Palavras-chave',
  comments: 'Comentários',
  period: {
    noPapers: 'Nenhum artigo foi coletado neste período.',
    noneSelected: (listed, dayCount) =>
      listed === 1
        ? 'O único artigo deste período não corresponde aos filtros.'
        : `Nenhum dos ${papers(listed)} destes ${days(dayCount)} corresponde aos filtros.`,
    statistics: '📊 Estatísticas',
    papers: (count) => `Artigos: ${number(count)}`,
    days: (from, to, count) => `Período: de ${from} a ${to} (${days(count)} com artigos)`,
    totalUpvotes: (total) => `Total de votos: ${number(total)}`,
    meanUpvotes: (mean) => `Média de votos: ${basis.decimal(mean)}`,
    topPapers: (count) =>
      count === 1 ? '🔥 O artigo mais votado' : `🔥 Os ${number(count)} artigos mais votados`,
    topKeywords: (count) =>
      count === 1
        ? '🏷️ A palavra-chave mais frequente'
        : `🏷️ As ${number(count)} palavras-chave mais frequentes`,
  },
  digest: {
    dayCount: (count, listed) =>
      count < listed ? `${number(count)} dos ${papers(listed)} do dia` : papers(count),
    periodCount: (count, dayCount, listed = count) =>
      count < listed
        ? `${number(count)} dos ${papers(listed)} em ${days(dayCount)}`
        : `${papers(count)} em ${days(dayCount)}`,
    mostUpvoted: 'Mais votados',
    topics: 'Temas recorrentes',
    tldr: 'Em resumo',
    tldrByModel: 'Em resumo (escrito por um modelo)',
    topHeading: (count) => (count === 1 ? '🔥 O mais votado' : `🔥 Os ${number(count)} mais votados`),
    restHeading: (count) => (count === 1 ? '📋 O outro artigo' : `📋 Os outros ${papers(count)}`),
    upvotes: (total, mean) =>
      `👍\u00a0${number(total)} ${plural(total, { one: 'voto', other: 'votos' })}, ${number(mean)} por artigo`,
  },
}
