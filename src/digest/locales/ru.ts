import { LATIN, localeBasis } from './format.js'
import type { Locale } from './locale.js'

const { basis, number, plural } = localeBasis('ru', LATIN)
const paperWord = (count: number) =>
  plural(count, { one: 'статья', few: 'статьи', many: 'статей', other: 'статьи' })
const papers = (count: number) => `${number(count)} ${paperWord(count)}`
/** After "из": из 21 статьи, из 33 статей. */
const ofPapers = (count: number) => `из ${number(count)} ${plural(count, { one: 'статьи', other: 'статей' })}`
const days = (count: number) =>
  `${number(count)} ${plural(count, { one: 'день', few: 'дня', many: 'дней', other: 'дня' })}`
const votes = (count: number) =>
  `${number(count)} ${plural(count, { one: 'голос', few: 'голоса', many: 'голосов', other: 'голоса' })}`

export const ru: Locale = {
  ...basis,
  collected: (count, listed) =>
    count < listed
      ? {
          before: plural(count, { one: 'Отобрана ', other: 'Отобрано ' }),
          after: ` ${ofPapers(listed)} этого дня.`,
        }
      : {
          before: plural(count, { one: 'Собрана ', other: 'Собрано ' }),
          after: ` ${paperWord(count)}.`,
        },
  noPapers: 'За этот день не собрано ни одной статьи.',
  noneSelected: (listed) =>
    listed === 1
      ? 'Единственная статья этого дня не прошла фильтры.'
      : `Ни одна ${ofPapers(listed)} этого дня не прошла фильтры.`,
  rankingHeading: '📊 Рейтинг по голосам',
  organization: 'Организация',
  abstract: 'Аннотация',
  aiSummary: 'Краткое изложение от ИИ',
  summary: 'Краткое изложение',
  huggingFaceSummary: 'Краткое изложение от ИИ Hugging Face',
  authors: 'Авторы',
  moreAuthors: (count) => `и ещё ${number(count)}`,
  projectPageLink: 'Страница проекта',
  keywords: 'Ключевые слова',
  comments: 'Комментарии',
  period: {
    noPapers: 'За этот период не собрано ни одной статьи.',
    noneSelected: (listed, dayCount) =>
      listed === 1
        ? 'Единственная статья за этот период не прошла фильтры.'
        : `Ни одна ${ofPapers(listed)} за ${days(dayCount)} не прошла фильтры.`,
    statistics: '📊 Статистика',
    papers: (count) => `Статей: ${number(count)}`,
    days: (from, to, count) => `Период: с ${from} по ${to} (дней со статьями: ${number(count)})`,
    totalUpvotes: (total) => `Всего голосов: ${number(total)}`,
    meanUpvotes: (mean) => `В среднем голосов: ${basis.decimal(mean)}`,
    topPapers: (count) => `🔥 ${papers(count)} с наибольшим числом голосов`,
    topKeywords: (count) =>
      `🏷️ ${number(count)} ${plural(count, {
        one: 'самое частое ключевое слово',
        few: 'самых частых ключевых слова',
        other: 'самых частых ключевых слов',
      })}`,
  },
  digest: {
    dayCount: (count, listed) =>
      count < listed ? `${number(count)} ${ofPapers(listed)} дня` : papers(count),
    periodCount: (count, dayCount, listed = count) =>
      count < listed
        ? `${number(count)} ${ofPapers(listed)} за ${days(dayCount)}`
        : `${papers(count)} за ${days(dayCount)}`,
    mostUpvoted: 'Больше всего голосов',
    topics: 'Частые темы',
    tldr: 'Коротко',
    tldrByModel: 'Коротко (написано моделью)',
    topHeading: (count) =>
      count === 1
        ? '🔥 Самая популярная статья'
        : `🔥 ${plural(count, {
            one: `${number(count)} самая популярная статья`,
            few: `${number(count)} самые популярные статьи`,
            other: `${number(count)} самых популярных статей`,
          })}`,
    restHeading: (count) => (count === 1 ? '📋 Ещё одна статья' : `📋 Остальные ${papers(count)}`),
    upvotes: (total, mean) => `👍\u00a0${votes(total)}, в среднем ${number(mean)} на статью`,
  },
}
