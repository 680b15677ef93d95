import type { Locale } from './locale.js'

const numbers = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 1 })
const days = new Intl.DateTimeFormat('ko-KR', { month: 'long', day: 'numeric', timeZone: 'UTC' })

/** The wording of the original Korean blog (__tests__/fixtures/seed/2025-12-24-daily-papers.md), "Abstract" included. */
export const ko: Locale = {
  collected: (count, listed) =>
    count < listed
      ? { before: `총 ${listed}개의 논문 중 `, count: `${count}개`, after: '가 선정되었습니다.' }
      : { before: '총 ', count: `${count}개`, after: '의 논문이 수집되었습니다.' },
  noPapers: '이 날 수집된 논문이 없습니다.',
  rankingHeading: '📊 좋아요 순위',
  organization: '기관',
  huggingFaceLink: 'HF 페이지',
  arxivLink: '논문 링크',
  pdfLink: 'PDF',
  abstract: 'Abstract',
  aiSummary: 'AI 요약',
  summary: '요약',
  huggingFaceSummary: 'Hugging Face AI 요약',
  authors: '저자',
  moreAuthors: (count) => `외 ${count}명`,
  githubLink: 'GitHub',
  projectPageLink: '프로젝트 페이지',
  keywords: '키워드',
  comments: '댓글',
  period: {
    statistics: '📊 통계',
    papers: (count) => `논문 수: ${count}개`,
    days: (from, to, days) => `기간: ${from} ~ ${to} (논문이 있는 날 ${days}일)`,
    totalUpvotes: (total) => `총 좋아요: ${total}`,
    meanUpvotes: (mean) => `평균 좋아요: ${mean}`,
    topPapers: (count) => `🔥 가장 인기 있는 논문 Top ${count}`,
    topKeywords: (count) => `🏷️ 인기 키워드 Top ${count}`,
  },
  digest: {
    number: (value) => numbers.format(value),
    day: (day) => days.format(new Date(`${day}T00:00:00Z`)),
    dayCount: (count, listed) =>
      count < listed
        ? `논문 ${numbers.format(listed)}편 중 ${numbers.format(count)}편`
        : `논문 ${numbers.format(count)}편`,
    periodCount: (count, dayCount) => `${dayCount}일 동안 논문 ${numbers.format(count)}편`,
    mostUpvoted: '가장 많은 추천',
    topics: '자주 나온 주제',
    tldr: 'TL;DR',
    tldrByModel: 'TL;DR (모델 작성)',
    topHeading: (count) => `🔥 상위 ${count}편`,
    restHeading: (count) => `📋 나머지 ${numbers.format(count)}편`,
    abstract: 'Abstract',
    upvotes: (total, mean) => `👍\u00a0${numbers.format(total)}개, 논문당 ${numbers.format(mean)}개`,
    keywords: '🏷️ 키워드',
  },
}
