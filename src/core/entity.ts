const ENTITY = /&#?\w+;/y

/**
 * Whether an entity (`&amp;`, `&#123;`, `&#x7B;`) starts at `ampersand`, as kramdown and browsers read
 * them; a scan stops at the next non-word character, so one over every `&` of a text stays linear.
 */
export function startsEntity(text: string, ampersand: number): boolean {
  ENTITY.lastIndex = ampersand
  return ENTITY.test(text)
}
