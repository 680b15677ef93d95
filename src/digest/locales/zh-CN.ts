import { cjk, localeBasis } from './format.js'
import type { Locale } from './locale.js'

const { basis, number } = localeBasis('zh-CN', cjk('至'))
const papers = (count: number) => `${number(count)}篇`

export const zhCN: Locale = {
  ...basis,
  collected: (count, listed) =>
    count < listed
      ? { before: `当天的${papers(listed)}论文中，选出了`, count: papers(count), after: '。' }
      : { before: '共收录', count: papers(count), after: '论文。' },
  noPapers: '当天没有收录到论文。',
  noneSelected: (listed) => `当天的${papers(listed)}论文中，没有符合筛选条件的论文。`,
  rankingHeading: '📊 按点赞数排序',
  organization: '机构',
  abstract: '摘要',
  aiSummary: 'AI概述',
  summary: '概述',
  huggingFaceSummary: 'Hugging Face的AI概述',
  authors: '作者',
  moreAuthors: (count) => `及另外${number(count)}人`,
  projectPageLink: '项目主页',
  keywords: '关键词',
  comments: '评论',
  period: {
    noPapers: '这段时间没有收录到论文。',
    noneSelected: (listed, days) => `${number(days)}天内的${papers(listed)}论文中，没有符合筛选条件的论文。`,
    statistics: '📊 统计',
    papers: (count) => `论文数：${papers(count)}`,
    days: (from, to, days) => `时间范围：${from}至${to}（其中${number(days)}天有论文）`,
    totalUpvotes: (total) => `总点赞数：${number(total)}`,
    meanUpvotes: (mean) => `平均点赞数：${basis.decimal(mean)}`,
    topPapers: (count) => `🔥 点赞最多的${papers(count)}论文`,
    topKeywords: (count) => `🏷️ 最常见的${number(count)}个关键词`,
  },
  digest: {
    dayCount: (count, listed) =>
      count < listed ? `当天${papers(listed)}论文中的${papers(count)}` : `${papers(count)}论文`,
    periodCount: (count, days, listed = count) =>
      count < listed
        ? `${number(days)}天共${papers(listed)}论文中的${papers(count)}`
        : `${number(days)}天共${papers(count)}论文`,
    mostUpvoted: '点赞最多',
    topics: '高频主题',
    tldr: '速览',
    tldrByModel: '速览（由模型撰写）',
    topHeading: (count) => `🔥 前${papers(count)}`,
    restHeading: (count) => `📋 其余${papers(count)}`,
    upvotes: (total, mean) => `👍\u00a0${number(total)}（平均每篇${number(mean)}）`,
  },
}
