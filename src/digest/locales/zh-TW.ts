import { cjk, localeBasis } from './format.js'
import type { Locale } from './locale.js'

const { basis, number } = localeBasis('zh-TW', cjk('至'))
const papers = (count: number) => `${number(count)}篇`

export const zhTW: Locale = {
  ...basis,
  collected: (count, listed) =>
    count < listed
      ? { before: `當天的${papers(listed)}論文中，選出了`, count: papers(count), after: '。' }
      : { before: '共收錄', count: papers(count), after: '論文。' },
  noPapers: '當天沒有收錄到論文。',
  noneSelected: (listed) => `當天的${papers(listed)}論文中，沒有符合篩選條件的論文。`,
  rankingHeading: '📊 依按讚數排序',
  organization: '機構',
  abstract: '摘要',
  aiSummary: 'AI概述',
  summary: '概述',
  huggingFaceSummary: 'Hugging Face的AI概述',
  authors: '作者',
  moreAuthors: (count) => `及另外${number(count)}人`,
  projectPageLink: '專案頁面',
  keywords: '關鍵字',
  comments: '留言',
  period: {
    noPapers: '這段期間沒有收錄到論文。',
    noneSelected: (listed, days) => `${number(days)}天內的${papers(listed)}論文中，沒有符合篩選條件的論文。`,
    statistics: '📊 統計',
    papers: (count) => `論文數：${papers(count)}`,
    days: (from, to, days) => `期間：${from}至${to}（其中${number(days)}天有論文）`,
    totalUpvotes: (total) => `總讚數：${number(total)}`,
    meanUpvotes: (mean) => `平均讚數：${basis.decimal(mean)}`,
    topPapers: (count) => `🔥 最多讚的${papers(count)}論文`,
    topKeywords: (count) => `🏷️ 最常見的${number(count)}個關鍵字`,
  },
  digest: {
    dayCount: (count, listed) =>
      count < listed ? `當天${papers(listed)}論文中的${papers(count)}` : `${papers(count)}論文`,
    periodCount: (count, days, listed = count) =>
      count < listed
        ? `${number(days)}天共${papers(listed)}論文中的${papers(count)}`
        : `${number(days)}天共${papers(count)}論文`,
    mostUpvoted: '最多讚',
    topics: '常見主題',
    tldr: '重點速覽',
    tldrByModel: '重點速覽（由模型撰寫）',
    topHeading: (count) => `🔥 前${papers(count)}`,
    restHeading: (count) => `📋 其餘${papers(count)}`,
    upvotes: (total, mean) => `👍\u00a0${number(total)}（平均每篇${number(mean)}）`,
  },
}
