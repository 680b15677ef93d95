/** `&`, an optional `#`, word characters and `;`, from where the scan is set to start. */
const ENTITY = /&#?\w+;/y

/**
 * An HTML entity (`&amp;`, `&#123;`, `&#x7B;`) starts at `ampersand`, as kramdown and browsers read
 * them. Each `&` scans only up to the next non-word character, so a scan over every `&` of a text is
 * linear in its length.
 */
export function startsEntity(text: string, ampersand: number): boolean {
  ENTITY.lastIndex = ampersand
  return ENTITY.test(text)
}
