/** Values a template may name: `{date}`, `{from}`, `{to}`, `{week}`, `{month}`. */
export type TemplateValues = Partial<Record<TemplateKey, string>>

export const TEMPLATE_KEYS = ['date', 'from', 'to', 'week', 'month'] as const
export type TemplateKey = (typeof TEMPLATE_KEYS)[number]

const PLACEHOLDER = /\{(\w+)\}/g

/** Replaces each `{key}` with its value; an unknown `{key}` is left as written (settings reject it earlier). */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(PLACEHOLDER, (whole, key: string) => values[key as TemplateKey] ?? whole)
}

/** The `{key}`s of a template that are not template keys, for the settings' error messages. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)]
    .map((match) => match[1] as string)
    .filter((key) => !(TEMPLATE_KEYS as readonly string[]).includes(key))
}
