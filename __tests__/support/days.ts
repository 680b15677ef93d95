/**
 * `count` consecutive UTC days from `first` (YYYY-MM-DD), counted with plain Date arithmetic rather than
 * src/'s calendar, so that the tests that expect them do not depend on the code they check.
 */
export function consecutiveDays(first: string, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`)
  return Array.from({ length: count }, (_, index) =>
    new Date(start + index * 86_400_000).toISOString().slice(0, 10),
  )
}
