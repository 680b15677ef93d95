/**
 * Text in the runner's log that can never act as a workflow command. The runner reads every line of
 * a step's output (lines end at CR, LF or CRLF) as a command when, after leading whitespace, it starts
 * with `::` (`::add-mask::…`, `::stop-commands::…`), or when it holds `##[` anywhere (the older
 * `##[command]` syntax). Such text is escaped visibly, in the runner's own percent notation: the first
 * `:` of a leading `::` becomes `%3A`, and `##[` becomes `##%5B`. Everything else is left as it is.
 */

// Line starts as JavaScript's `m` flag sees them (also after U+2028/U+2029, which .NET's TrimStart
// skips as whitespace), then the whitespace TrimStart skips (U+0085 is not in `\s`). The class leaves
// out line ends so that each line's whitespace is scanned once: linear on any input.
const LEADING_COMMAND = /^((?:[^\S\n\r\u2028\u2029]|\u0085)*):(?=:)/gm
const OLD_COMMAND = /##\[/g

export function neutraliseCommands(text: string): string {
  return text.replace(LEADING_COMMAND, '$1%3A').replace(OLD_COMMAND, '##%5B')
}
