/**
 * The one place where strangers' text (titles, abstracts, names) is prepared for a post. arXiv keeps
 * hard line breaks (`"\n  "`) in titles and abstracts; a post shows each on one line.
 */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim()
}

/**
 * Control characters (other than whitespace, which is collapsed) and the bidirectional overrides and
 * isolates that can make text read differently from what it is.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

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
