import { LATIN, localeBasis } from './format.js'
import type { Locale } from './locale.js'

const { basis, number } = localeBasis('ko', { ...LATIN, range: ' ~ ' }, 'long')

/**
 * The wording of the original Korean blog (__tests__/fixtures/seed/2025-12-24-daily-papers.md), whose
 * classic layout labels the abstract "Abstract"; the digest style says 초록.
 */
export const ko: Locale = {
  ...basis,
  collected: (count, listed) =>
    count < listed
      ? {
          before: `총 ${number(listed)}개의 논문 중 `,
          count: `${number(count)}개`,
          after: '가 선정되었습니다.',
        }
      : { before: '총 ', count: `${number(count)}개`, after: '의 논문이 수집되었습니다.' },
  noPapers: '이 날 수집된 논문이 없습니다.',
  noneSelected: (listed) => `이 날의 논문 ${number(listed)}편 중 필터 조건에 맞는 논문이 없습니다.`,
  rankingHeading: '📊 좋아요 순위',
  organization: '기관',
  huggingFaceLink: 'HF 페이지',
  arxivLink: '논문 링크',
  abstract: 'Abstract',
  aiSummary: 'AI 요약',
  summary: '요약',
  huggingFaceSummary: 'Hugging Face AI 요약',
  authors: '저자',
  moreAuthors: (count) => `외 ${number(count)}명`,
  projectPageLink: '프로젝트 페이지',
  keywords: '키워드',
  comments: '댓글',
  period: {
    noPapers: '이 기간에 수집된 논문이 없습니다.',
    noneSelected: (listed, days) =>
      `${number(days)}일 동안의 논문 ${number(listed)}편 중 필터 조건에 맞는 논문이 없습니다.`,
    statistics: '📊 통계',
    papers: (count) => `논문 수: ${number(count)}개`,
    days: (from, to, days) => `기간: ${from} ~ ${to} (논문이 있는 날 ${number(days)}일)`,
    totalUpvotes: (total) => `총 좋아요: ${number(total)}`,
    meanUpvotes: (mean) => `평균 좋아요: ${basis.decimal(mean)}`,
    topPapers: (count) => `🔥 가장 인기 있는 논문 Top ${number(count)}`,
    topKeywords: (count) => `🏷️ 인기 키워드 Top ${number(count)}`,
  },
  digest: {
    dayCount: (count, listed) =>
      count < listed ? `논문 ${number(listed)}편 중 ${number(count)}편` : `논문 ${number(count)}편`,
    periodCount: (count, dayCount, listed = count) =>
      count < listed
        ? `${number(dayCount)}일 동안 논문 ${number(listed)}편 중 ${number(count)}편`
        : `${number(dayCount)}일 동안 논문 ${number(count)}편`,
    mostUpvoted: '가장 많은 추천',
    topics: '자주 나온 주제',
    tldr: '한눈에 보기',
    tldrByModel: '한눈에 보기 (모델 작성)',
    topHeading: (count) => `🔥 상위 ${number(count)}편`,
    restHeading: (count) => `📋 나머지 ${number(count)}편`,
    abstract: '초록',
    upvotes: (total, mean) => `👍\u00a0${number(total)}개, 논문당 ${number(mean)}개`,
  },
}
