/**
 * The workflow commands GitHub's runner would find in a step's output (actions/runner,
 * ActionCommand.cs): lines split at CR, LF or CRLF; `::name…::` after .NET's TrimStart (Unicode
 * whitespace, U+0085 included), or `##[name…]` anywhere in a line. Every name counts, registered or not.
 */
export function runnerCommands(output: string): string[] {
  const names: string[] = []
  for (const line of output.split(/\r\n|\r|\n/)) {
    const trimmed = line.replace(/^[\s\u0085]+/, '')
    const end = trimmed.startsWith('::') ? trimmed.indexOf('::', 2) : -1
    if (end > 0) names.push(trimmed.slice(2, end).split(' ')[0] as string)
    const old = line.indexOf('##[')
    const close = old < 0 ? -1 : line.indexOf(']', old)
    if (close > 0) names.push(line.slice(old + 3, close).split(' ')[0] as string)
  }
  return names
}
