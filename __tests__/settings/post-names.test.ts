import { describe, expect, it } from '@jest/globals'
import { problemsOf, settingsOf } from './parse.js'

/** Names Jekyll would skip, and names two posts would share, are refused before anything is fetched. */

describe('posts-dir', () => {
  it.each(['posts', '_Posts', 'blog/posts', '_POSTS/daily', 'posts_'])(
    'refuses %j, which is no _posts folder',
    (folder) => {
      expect(problemsOf({ 'posts-dir': folder })).toEqual([
        `Input "posts-dir": "${folder}" is not a folder Jekyll reads posts from: it reads them only from a folder named _posts (in lower case), at the site's root or inside another folder, and from the folders below it; use e.g. _posts, blog/_posts or _posts/daily`,
      ])
    },
  )

  it.each([
    ['_drafts/_posts', '_drafts'],
    ['.github/_posts', '.github'],
    ['blog~/_posts', 'blog~'],
    ['#notes/_posts', '#notes'],
    ['_posts/_old', '_old'],
    ['_posts/~2025', '~2025'],
    ['_posts/_posts', '_posts'],
  ])('refuses %j, inside a folder Jekyll skips', (folder, skipped) => {
    expect(problemsOf({ 'posts-dir': folder })).toEqual([
      `Input "posts-dir": "${folder}" is inside "${skipped}", a folder Jekyll skips (its name starts with ".", "_", "#" or "~", or ends in "~"), so none of its posts would be published; use e.g. _posts, blog/_posts or _posts/daily`,
    ])
  })

  it.each([
    ['_posts', '_posts'],
    ['./_posts/', '_posts'],
    ['blog/_posts', 'blog/_posts'],
    ['docs/_posts', 'docs/_posts'],
    ['_posts/daily-papers', '_posts/daily-papers'],
    ['site/_posts/2025', 'site/_posts/2025'],
  ])('accepts %j, a folder Jekyll reads', (folder, postsDir) => {
    expect(settingsOf({ 'posts-dir': folder }).postsDir).toBe(postsDir)
  })
})

describe('filename', () => {
  it.each([
    ['papers-{date}.md', 'papers-2025-12-24.md'],
    ['{date}.md', '2025-12-24.md'],
    ['{date}-.md', '2025-12-24-.md'],
    ['{month}-{date}.markdown', '2025-12-2025-12-24.markdown'],
  ])('refuses %j, a name Jekyll does not publish', (filename, name) => {
    expect(problemsOf({ filename })).toEqual([
      `Input "filename": "${filename}" makes "${name}", a file Jekyll does not publish: a post's file name is its date, a hyphen and a slug (YYYY-MM-DD-slug.md); start it with {date}- and a word, e.g. {date}-daily-papers-{date}.md`,
    ])
  })

  it('refuses a weekly name that does not start with a day, showing it for the week being named', () => {
    expect(problemsOf({ digest: 'weekly', date: '2025-12-24', filename: '{week}-papers.md' })).toEqual([
      'Input "filename": "{week}-papers.md" makes "2025-W52-papers.md", a file Jekyll does not publish: a post\'s file name is its date, a hyphen and a slug (YYYY-MM-DD-slug.md); start it with {date}- and a word, e.g. {date}-weekly-papers-{week}.md',
    ])
  })

  it.each(['daily-papers.md', '2025-01-01-papers.md', '{month}-01-papers-{week}.md'])(
    'refuses the daily %j, which names no day',
    (filename) => {
      expect(problemsOf({ filename })).toEqual([
        `Input "filename": "${filename}" names no day ({date}): each day's post would replace the one before it; put {date} in it, e.g. {date}-daily-papers-{date}.md`,
      ])
    },
  )

  it.each([
    ['weekly', '{date}-daily-papers-{date}.md', 'week', '{week}', '{date}-weekly-papers-{week}.md'],
    ['weekly', '{date}-papers-{month}.md', 'week', '{week}', '{date}-weekly-papers-{week}.md'],
    ['monthly', '{date}-papers.md', 'month', '{month}', '{date}-monthly-papers-{month}.md'],
    ['monthly', '{date}-papers-{week}.md', 'month', '{month}', '{date}-monthly-papers-{month}.md'],
  ])('refuses the %s %j, which could be a daily post’s name', (digest, filename, unit, key, example) => {
    expect(problemsOf({ digest, date: '2025-12-24', filename })).toEqual([
      `Input "filename": "${filename}" names no ${unit} (${key}): a ${digest} post must carry its ${unit}, so that it never takes a daily post's name or the last ${unit}'s; put ${key} in it, e.g. ${example}`,
    ])
  })

  it.each([
    ['daily', '{date}-daily-papers.md'],
    ['daily', '{from}-papers.markdown'],
    ['daily', '{date}-papers-{week}.md'],
    ['weekly', '{date}-weekly-{week}.md'],
    ['monthly', '{from}-{month}.md'],
  ])('accepts the %s %j', (digest, filename) => {
    expect(problemsOf({ digest, date: '2025-12-24', filename })).toEqual([])
  })
})

describe('one post, one path', () => {
  it.each([
    ['daily-papers.md', '2025-12-01', '2025-12-02', 'daily-papers.md'],
    ['{month}-papers.md', '2025-12-01', '2025-12-02', '2025-12-papers.md'],
    ['{week}.md', '2025-12-01', '2025-12-02', '2025-W49.md'],
  ])(
    'refuses the filename %j for a range, naming the days that would share a file',
    (filename, first, second, name) => {
      expect(problemsOf({ date: '2025-12-01..2025-12-10', filename })).toEqual([
        `Input "filename": "${filename}" gives the posts of ${first} and ${second} the same file, "${name}", so one would replace the other; put {date} in it for a range of days, e.g. {date}-daily-papers-{date}.md`,
      ])
    },
  )

  it('refuses a permalink that gives two days of a range one URL', () => {
    expect(problemsOf({ date: '2025-11-28..2025-12-01', permalink: '/papers/{month}/' })).toEqual([
      'Input "permalink": "/papers/{month}/" gives the posts of 2025-11-28 and 2025-11-29 the same URL, "/papers/2025-11/", so one would replace the other; put {date} in it for a range of days, e.g. /posts/daily-papers-{date}/',
    ])
  })

  it('accepts templates that differ per day, and a permalink that names the post or its file', () => {
    expect(problemsOf({ date: '2025-11-01..2025-12-24' })).toEqual([])
    expect(
      problemsOf({ date: '2025-11-01..2025-12-24', filename: '{from}-x.md', permalink: '/p/{date}/' }),
    ).toEqual([])
    expect(problemsOf({ date: '2025-12-01', permalink: '/papers/:title/' })).toEqual([])
    expect(problemsOf({ digest: 'weekly', date: '2025-12-03', permalink: '/week/{week}/' })).toEqual([])
    expect(problemsOf({ digest: 'monthly', date: '2025-12-03', permalink: '/:year/:slug/' })).toEqual([])
  })

  // Each run writes one post, but every day's (week's, month's) post would have that URL: Jekyll builds
  // one of them, and the others are gone from the site.
  it.each([
    ['daily', '/latest/', 'day', '{date}'],
    ['daily', '/posts/:year/:month/', 'day', '{date}'],
    ['weekly', '/posts/daily-papers-{date}/', 'week', '{week}'],
    ['monthly', '/papers/{week}/', 'month', '{month}'],
  ] as const)('refuses a %s permalink %j that names no %s', (digest, permalink, unit, key) => {
    expect(problemsOf({ digest, date: '2025-12-03', permalink })).toEqual([
      `Input "permalink": "${permalink}" names no ${unit} (${key}), so every ${unit}'s post would have that URL and the site would show only one of them; put ${key} in it (or Jekyll's :title, the file name's slug, when the filename has ${key} after its date), e.g. /posts/${digest}-papers-${key}/`,
    ])
  })

  it("reads Jekyll's :title and :slug as the file name's slug, which names the day or not", () => {
    // Each day's slug names it: a backfill gives every post its own URL.
    const korean = '/ko/:year/:month/:day/:title/'
    expect(problemsOf({ date: '2025-11-24..2025-11-26', permalink: korean })).toEqual([])
    // A slug without the day: every day's post at /posts/papers/.
    expect(
      problemsOf({ date: '2025-11-24', filename: '{date}-papers.md', permalink: '/posts/:title/' }),
    ).toEqual([
      `Input "permalink": "/posts/:title/" names no day ({date}), so every day's post would have that URL and the site would show only one of them; put {date} in it (or Jekyll's :title, the file name's slug, when the filename has {date} after its date), e.g. /posts/daily-papers-{date}/`,
    ])
    expect(
      problemsOf({ date: '2025-11-24..2025-11-25', filename: '{date}-papers.md', permalink: '/p/:slug/' }),
    ).toEqual([
      'Input "permalink": "/p/:slug/" gives the posts of 2025-11-24 and 2025-11-25 the same URL, "/p/papers/", so one would replace the other; put {date} in it for a range of days, e.g. /posts/daily-papers-{date}/',
    ])
    expect(problemsOf({ digest: 'weekly', date: '2025-12-03', permalink: '/:year/:title/' })).toEqual([])
    // The slug is the name after its date, whatever fills that date.
    for (const [filename, date] of [
      ['{from}-papers.md', '2025-11-24'],
      ['{to}-papers.md', '2025-11-24'],
    ]) {
      expect(problemsOf({ date, filename, permalink: '/posts/:title/' })).toEqual([
        expect.stringContaining('"/posts/:title/" names no day ({date})'),
      ])
    }
    expect(
      problemsOf({ date: '2025-11-20..2025-11-24', filename: '{to}-papers.md', permalink: '/posts/:slug/' }),
    ).toEqual([
      'Input "permalink": "/posts/:slug/" gives the posts of 2025-11-20 and 2025-11-21 the same URL, "/posts/papers/", so one would replace the other; put {date} in it for a range of days, e.g. /posts/daily-papers-{date}/',
    ])
    expect(
      problemsOf({
        digest: 'monthly',
        date: '2025-11-03',
        filename: '{month}-01-papers.md',
        permalink: '/p/:title/',
      }),
    ).toEqual([expect.stringContaining('"/p/:title/" names no month ({month})')])
  })

  it("refuses a file name another digest's post has by default, which the run would replace", () => {
    expect(
      problemsOf({ digest: 'monthly', date: '2024-01-31', filename: '{date}-daily-papers-{month}-01.md' }),
    ).toEqual([
      'Input "filename": "{date}-daily-papers-{month}-01.md" makes "2024-01-01-daily-papers-2024-01-01.md", the name a daily digest gives its post of 2024-01-01, which the run would replace; put {month} in it as the default does, e.g. {date}-monthly-papers-{month}.md',
    ])
    expect(
      problemsOf({ date: '2025-11-23..2025-11-25', filename: '{date}-weekly-papers-{week}.md' }),
    ).toEqual([
      expect.stringContaining(
        '"2025-11-24-weekly-papers-2025-W48.md", the name a weekly digest gives its post of 2025-11-24',
      ),
    ])
  })

  it("reads Jekyll's date in a daily permalink as the post's day", () => {
    for (const permalink of [
      '/:year/:month/:day/:title/',
      '/:year/:month/:day/papers/',
      '/:short_year/:y_day/',
    ]) {
      expect(problemsOf({ date: '2025-11-24..2025-11-26', filename: '{date}-papers.md', permalink })).toEqual(
        [],
      )
      expect(problemsOf({ date: '2025-11-24', filename: '{date}-papers.md', permalink })).toEqual([])
    }
    // Jekyll reads its names as prefixes: `:year_` is the year and `_`.
    expect(problemsOf({ date: '2025-11-24..2025-11-26', permalink: '/:year_:month_:day/' })).toEqual([])
    expect(problemsOf({ date: '2025-11-24..2025-11-26', permalink: '/posts/:title_/' })).toEqual([])
    // Month and day both unpadded run together: 1 November and 11 January are both 111.
    expect(
      problemsOf({ date: '2025-11-24', filename: '{date}-papers.md', permalink: '/:year/:i_month:i_day/' }),
    ).toEqual([expect.stringContaining('names no day ({date})')])
    // A period's date moves while it runs, and may be a daily post's.
    expect(problemsOf({ digest: 'weekly', date: '2025-12-03', permalink: '/:year/:month/:day/' })).toEqual([
      expect.stringContaining('names no week ({week})'),
    ])
  })
})
