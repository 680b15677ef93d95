/**
 * The runner reads a line (ended by CR, LF or CRLF) as a command when, after leading whitespace, it
 * starts with `::`, or holds `##[` anywhere (the older syntax). Both are escaped visibly, in the
 * runner's own percent notation: `%3A:` and `##%5B`.
 */

// Line starts as JavaScript's `m` flag sees them (also after U+2028/U+2029, which .NET's TrimStart
// skips as whitespace), then the whitespace TrimStart skips (U+0085 is not in `\s`). The class leaves
// out line ends so that each line's whitespace is scanned once: linear on any input.
const LEADING_COMMAND = /^((?:[^\S\n\r\u2028\u2029]|\u0085)*):(?=:)/gm
const OLD_COMMAND = /##\[/g

export function neutraliseCommands(text: string): string {
  return text.replace(LEADING_COMMAND, '$1%3A').replace(OLD_COMMAND, '##%5B')
}
