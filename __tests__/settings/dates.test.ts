import { describe, expect, it } from '@jest/globals'
import { problemsOfRefused, settingsOf } from './parse.js'

describe('parseSettings', () => {
  it('resolves today, yesterday and ranges as UTC days', () => {
    expect(settingsOf({ date: 'today' })).toMatchObject({
      from: '2025-12-25',
      to: '2025-12-25',
    })
    expect(settingsOf({ date: '2025-11-28..yesterday' })).toMatchObject({
      from: '2025-11-28',
      to: '2025-12-24',
    })
  })

  it('turns a date into its ISO week or month, up to today, with the period defaults', () => {
    expect(settingsOf({ digest: 'weekly', date: '2025-11-26' })).toMatchObject({
      from: '2025-11-24',
      to: '2025-11-30',
      title: 'Hugging Face Weekly Papers - {week}',
      filename: '{date}-weekly-papers-{week}.md',
      categories: ['Weekly-Papers'],
      tags: ['huggingface', 'papers', 'weekly', 'ai'],
      maxPapers: 20,
    })
    expect(settingsOf({ digest: 'monthly', date: 'yesterday', 'max-papers': '7' })).toMatchObject({
      from: '2025-12-01',
      to: '2025-12-25',
      title: 'Hugging Face Monthly Papers - {month}',
      filename: '{date}-monthly-papers-{month}.md',
      categories: ['Monthly-Papers'],
      tags: ['huggingface', 'papers', 'monthly', 'ai'],
      maxPapers: 7,
    })
    expect(problemsOfRefused({ digest: 'weekly', date: '2025-11-01..2025-11-30' })).toEqual([
      expect.stringMatching(
        /^Input "date": a weekly digest takes one day and covers the ISO week that contains it/,
      ),
    ])
  })

  it.each(['UTC', 'Asia/Seoul', 'Asia/Kolkata', 'Asia/Calcutta', 'US/Pacific', 'Etc/GMT-9', 'asia/seoul'])(
    'accepts the time zone %s, canonical name or alias',
    (timezone) => {
      expect(settingsOf({ timezone }).timezone).toBe(timezone)
    },
  )
})
