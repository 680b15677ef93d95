/**
 * The one place where strangers' text (titles, abstracts, names) is prepared for a post. arXiv keeps
 * hard line breaks (`"\n  "`) in titles and abstracts; a post shows each on one line.
 */
export function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** The URL when it is a valid `https://` one (Chirpy's htmlproofer fails on `http://` and empty links). */
export function httpsUrl(candidate: string | undefined): string | undefined {
  if (candidate === undefined) return undefined
  try {
    const url = new URL(candidate.trim())
    return url.protocol === 'https:' && url.hostname !== '' ? url.href : undefined
  } catch {
    return undefined
  }
}
