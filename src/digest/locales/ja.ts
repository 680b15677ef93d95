import { cjk, localeBasis } from './format.js'
import type { Locale } from './locale.js'

const { basis, number } = localeBasis('ja', cjk('～'))
/** Papers are counted with 件, as Japanese digests and listings count them. */
const papers = (count: number) => `${number(count)}件`

export const ja: Locale = {
  ...basis,
  collected: (count, listed) =>
    count < listed
      ? { before: `この日の論文${papers(listed)}のうち、`, count: papers(count), after: 'を選びました。' }
      : { count: papers(count), after: 'の論文を収集しました。' },
  noPapers: 'この日に収集された論文はありません。',
  noneSelected: (listed) =>
    `この日の論文${papers(listed)}のうち、フィルター条件に合う論文はありませんでした。`,
  rankingHeading: '📊 いいね数ランキング',
  organization: '所属',
  abstract: '概要',
  aiSummary: 'AI要約',
  summary: '要約',
  huggingFaceSummary: 'Hugging FaceのAI要約',
  authors: '著者',
  moreAuthors: (count) => `ほか${number(count)}名`,
  projectPageLink: 'プロジェクトページ',
  keywords: 'キーワード',
  comments: 'コメント',
  period: {
    noPapers: 'この期間に収集された論文はありません。',
    noneSelected: (listed, days) =>
      `${number(days)}日間の論文${papers(listed)}のうち、フィルター条件に合う論文はありませんでした。`,
    statistics: '📊 統計',
    papers: (count) => `論文数：${papers(count)}`,
    days: (from, to, days) => `期間：${from}～${to}（論文のあった日：${number(days)}日）`,
    totalUpvotes: (total) => `いいねの合計：${number(total)}`,
    meanUpvotes: (mean) => `いいねの平均：${basis.decimal(mean)}`,
    topPapers: (count) => `🔥 いいね数上位${papers(count)}`,
    topKeywords: (count) => `🏷️ よく使われたキーワード上位${papers(count)}`,
  },
  digest: {
    dayCount: (count, listed) =>
      count < listed ? `この日の論文${papers(listed)}中${papers(count)}` : `論文${papers(count)}`,
    periodCount: (count, days, listed = count) =>
      count < listed
        ? `${number(days)}日間の論文${papers(listed)}中${papers(count)}`
        : `${number(days)}日間で論文${papers(count)}`,
    mostUpvoted: 'いいねの多い論文',
    topics: 'よく登場したテーマ',
    tldr: 'まとめ',
    tldrByModel: 'まとめ（モデルによる要約）',
    topHeading: (count) => `🔥 上位${papers(count)}`,
    restHeading: (count) => `📋 残りの${papers(count)}`,
    upvotes: (total, mean) => `👍\u00a0${number(total)}（論文1件あたり${number(mean)}）`,
  },
}
