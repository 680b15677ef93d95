import { describe, expect, it } from '@jest/globals'
import { changePathsProblem } from '../../src/core/file-change.js'

describe('changePathsProblem', () => {
  it('takes paths that can all be written', () => {
    expect(
      changePathsProblem([
        '_posts/2025-12-24-a.md',
        '_data/daily-2025-12-24.json',
        '.hf-daily-papers/posts/x.json',
      ]),
    ).toBeUndefined()
  })

  it('refuses a path that another makes a folder: a data-dir that is the post itself', () => {
    const post = '_posts/2025-12-24-daily-papers-2025-12-24.md'
    expect(changePathsProblem([post, `${post}/daily-2025-12-24.json`])).toBe(
      `"${post}" would be both a file the run writes and the folder of "${post}/daily-2025-12-24.json": give data-dir, posts-dir and filename paths apart`,
    )
  })

  it('refuses a name longer than a file system takes, counted in bytes', () => {
    expect(changePathsProblem([`_posts/${'a'.repeat(252)}.md`])).toBeUndefined()
    const korean = `_posts/2025-12-24-${'논'.repeat(81)}.md`
    expect(changePathsProblem([korean])).toMatch(
      /^".*" has a name of 257 bytes, more than the 255 a file system takes \(git could not check it out\): shorten filename, title or posts-dir$/,
    )
  })
})
