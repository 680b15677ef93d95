import { LATIN, localeBasis } from './format.js'
import type { Locale } from './locale.js'

const { basis, number } = localeBasis('vi', LATIN)
/** Vietnamese nouns do not inflect for number: "1 bài báo", "33 bài báo". */
const papers = (count: number) => `${number(count)} bài báo`

export const vi: Locale = {
  ...basis,
  collected: (count, listed) =>
    count < listed
      ? { before: 'Đã chọn ', after: ` trong số ${papers(listed)} của ngày.` }
      : { before: 'Đã thu thập ', after: ' bài báo.' },
  noPapers: 'Không có bài báo nào được thu thập trong ngày này.',
  noneSelected: (listed) => `Không có bài nào trong số ${papers(listed)} của ngày khớp với bộ lọc.`,
  rankingHeading: '📊 Xếp hạng theo lượt bình chọn',
  organization: 'Tổ chức',
  abstract: 'Tóm tắt',
  aiSummary: 'Tóm lược của AI',
  summary: 'Tóm lược',
  huggingFaceSummary: 'Tóm lược của AI từ Hugging Face',
  authors: 'Tác giả',
  moreAuthors: (count) => `và ${number(count)} người khác`,
  projectPageLink: 'Trang dự án',
  keywords: 'Từ khóa',
  comments: 'Bình luận',
  period: {
    noPapers: 'Không có bài báo nào được thu thập trong khoảng thời gian này.',
    noneSelected: (listed, days) =>
      `Không có bài nào trong số ${papers(listed)} trong ${number(days)} ngày khớp với bộ lọc.`,
    statistics: '📊 Thống kê',
    papers: (count) => `Số bài báo: ${number(count)}`,
    days: (from, to, count) => `Khoảng thời gian: từ ${from} đến ${to} (${number(count)} ngày có bài báo)`,
    totalUpvotes: (total) => `Tổng lượt bình chọn: ${number(total)}`,
    meanUpvotes: (mean) => `Lượt bình chọn trung bình: ${basis.decimal(mean)}`,
    topPapers: (count) => `🔥 ${papers(count)} được bình chọn nhiều nhất`,
    topKeywords: (count) => `🏷️ ${number(count)} từ khóa phổ biến nhất`,
  },
  digest: {
    dayCount: (count, listed) =>
      count < listed ? `${number(count)} trong số ${papers(listed)} của ngày` : papers(count),
    periodCount: (count, days, listed = count) =>
      count < listed
        ? `${number(count)} trong số ${papers(listed)} trong ${number(days)} ngày`
        : `${papers(count)} trong ${number(days)} ngày`,
    mostUpvoted: 'Được bình chọn nhiều nhất',
    topics: 'Chủ đề thường gặp',
    tldr: 'Tóm tắt nhanh',
    tldrByModel: 'Tóm tắt nhanh (do mô hình viết)',
    topHeading: (count) => `🔥 ${number(count)} bài nổi bật nhất`,
    restHeading: (count) => `📋 ${papers(count)} còn lại`,
    upvotes: (total, mean) => `👍\u00a0${number(total)} lượt bình chọn, trung bình ${number(mean)} mỗi bài`,
  },
}
