import { isoWeek } from './calendar.js'

export type TemplateValues = Partial<Record<TemplateKey, string>>

export const TEMPLATE_KEYS = ['date', 'from', 'to', 'week', 'month'] as const
type TemplateKey = (typeof TEMPLATE_KEYS)[number]

const PLACEHOLDER = /\{(\w+)\}/g

/** An unknown `{key}` is left as written (settings reject it earlier). */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(PLACEHOLDER, (whole, key: string) => values[key as TemplateKey] ?? whole)
}

export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string)
}

export function unknownPlaceholders(template: string): string[] {
  return placeholders(template).filter((key) => !(TEMPLATE_KEYS as readonly string[]).includes(key))
}

export function dayValues(day: string): TemplateValues {
  return { date: day, from: day, to: day, week: isoWeek(day), month: day.slice(0, 7) }
}

/** Two days whose posts `nameOf` gives the same name (a file, a URL): one would replace the other. */
export function sharedName(
  days: readonly string[],
  nameOf: (day: string) => string,
): { days: [string, string]; name: string } | undefined {
  const firstDayOf = new Map<string, string>()
  for (const day of days) {
    const name = nameOf(day)
    const first = firstDayOf.get(name)
    if (first !== undefined) return { days: [first, day], name }
    firstDayOf.set(name, day)
  }
  return undefined
}
