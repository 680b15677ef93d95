/**
 * Text as HTML character data or attribute value: `&`, `<`, `>`, `"` and `'` escaped, and line breaks
 * too. GitHub reads the job summary as Markdown, where a blank line ends an HTML block: the text after
 * it would be Markdown again, its `[text](url)` a link and its `![](url)` an image.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'\r\n]/g, (char) => `&#${char.charCodeAt(0)};`)
}
