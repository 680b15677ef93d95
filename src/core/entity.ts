const WORD = /^\w$/

/**
 * An HTML entity (`&amp;`, `&#123;`, `&#x7B;`) starts at `ampersand`, as kramdown and browsers read
 * them. Each `&` scans only up to the next non-word character, so a scan over every `&` of a text is
 * linear in its length.
 */
export function startsEntity(text: string, ampersand: number): boolean {
  let index = text[ampersand + 1] === '#' ? ampersand + 2 : ampersand + 1
  const start = index
  while (index < text.length && WORD.test(text[index] as string)) index++
  return index > start && text[index] === ';'
}
