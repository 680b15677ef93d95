import { describe, expect, it } from '@jest/globals'
import { toKramdown } from '../../src/digest/kramdown.js'

describe('toKramdown', () => {
  it.each([
    ['Q\\&A', 'Q&A'],
    ['\\&amp; and &#123;', '&amp;amp; and &amp;#123;'],
    ['a\\\\&b', 'a\\\\&b'],
    [
      '{{ site.github }} {% include x %} {: .x}',
      '&#123;&#123; site.github }} &#123;% include x %} &#123;: .x}',
    ],
    ['$$x$$ and $y$', '\\$\\$x\\$\\$ and $y$'],
    ['a | b \\| c \\\\| d', 'a \\| b \\| c \\\\\\| d'],
    ['~~gone~~ ~kept', '\\~\\~gone\\~\\~ ~kept'],
    ['"thinking" (a) 61.4% 3.3K this https URL .', '"thinking" (a) 61.4% 3.3K this https URL .'],
  ])('%s → %s', (escaped, expected) => {
    expect(toKramdown(escaped)).toBe(expected)
  })
})
