/**
 * Line breaks escaped too: GitHub reads the job summary as Markdown, where a blank line ends an HTML
 * block, and the text after it would be Markdown again, its `![](url)` an image.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'\r\n]/g, (char) => `&#${char.charCodeAt(0)};`)
}
