import { LATIN, localeBasis } from './format.js'
import type { Locale } from './locale.js'

const { basis, number, plural } = localeBasis('es', LATIN)
const papers = (count: number) => `${number(count)} ${plural(count, { one: 'artículo', other: 'artículos' })}`
const days = (count: number) => `${number(count)} ${plural(count, { one: 'día', other: 'días' })}`

export const es: Locale = {
  ...basis,
  collected: (count, listed) =>
    count < listed
      ? {
          before: plural(count, { one: 'Se seleccionó ', other: 'Se seleccionaron ' }),
          after: ` de los ${papers(listed)} del día.`,
        }
      : {
          before: plural(count, { one: 'Se recopiló ', other: 'Se recopilaron ' }),
          after: plural(count, { one: ' artículo.', other: ' artículos.' }),
        },
  noPapers: 'No se recopiló ningún artículo de este día.',
  noneSelected: (listed) =>
    listed === 1
      ? 'El único artículo del día no coincide con los filtros.'
      : `Ninguno de los ${papers(listed)} del día coincide con los filtros.`,
  rankingHeading: '📊 Clasificación por votos',
  organization: 'Organización',
  abstract: 'Resumen',
  aiSummary: 'Síntesis de IA',
  summary: 'Síntesis',
  huggingFaceSummary: 'Síntesis de IA de Hugging Face',
  authors: 'Autores',
  moreAuthors: (count) => `y ${number(count)} más`,
  projectPageLink: 'Página del proyecto',
  keywords: 'Palabras clave',
  comments: 'Comentarios',
  period: {
    noPapers: 'No se recopiló ningún artículo en este período.',
    noneSelected: (listed, dayCount) =>
      listed === 1
        ? 'El único artículo de este período no coincide con los filtros.'
        : `Ninguno de los ${papers(listed)} de estos ${days(dayCount)} coincide con los filtros.`,
    statistics: '📊 Estadísticas',
    papers: (count) => `Artículos: ${number(count)}`,
    days: (from, to, count) => `Periodo: del ${from} al ${to} (${days(count)} con artículos)`,
    totalUpvotes: (total) => `Votos en total: ${number(total)}`,
    meanUpvotes: (mean) => `Media de votos: ${basis.decimal(mean)}`,
    topPapers: (count) =>
      plural(count, {
        one: '🔥 El artículo más votado',
        other: `🔥 Los ${number(count)} artículos más votados`,
      }),
    topKeywords: (count) =>
      plural(count, {
        one: '🏷️ La palabra clave más frecuente',
        other: `🏷️ Las ${number(count)} palabras clave más frecuentes`,
      }),
  },
  digest: {
    dayCount: (count, listed) =>
      count < listed ? `${number(count)} de los ${papers(listed)} del día` : papers(count),
    periodCount: (count, dayCount, listed = count) =>
      count < listed
        ? `${number(count)} de los ${papers(listed)} en ${days(dayCount)}`
        : `${papers(count)} en ${days(dayCount)}`,
    mostUpvoted: 'Los más votados',
    topics: 'Temas recurrentes',
    tldr: 'En resumen',
    tldrByModel: 'En resumen (escrito por un modelo)',
    topHeading: (count) =>
      plural(count, { one: '🔥 El más votado', other: `🔥 Los ${number(count)} más votados` }),
    restHeading: (count) =>
      plural(count, { one: '📋 El otro artículo', other: `📋 Los otros ${papers(count)}` }),
    upvotes: (total, mean) =>
      `👍\u00a0${number(total)} ${plural(total, { one: 'voto', other: 'votos' })}, ${number(mean)} por artículo`,
  },
}
