import { gitBlobOid } from '../core/git-blob.js'
import { NOT_TEXT, TOO_LARGE, UnreadableStateError } from '../core/state-file.js'
import type { FileText } from './graphql.js'

/**
 * A file's text as GitHub's GraphQL gave it (undefined: no such file), or why it is not read: over
 * `maxBytes`, or not text. GraphQL stops `text` at 512,000 bytes and says so in `isTruncated`; such a
 * blob is read whole over REST (`readRaw`) and checked against its id, so that what is read is the
 * file that was asked for, whole.
 */
export async function blobText(
  path: string,
  file: FileText | null | undefined,
  maxBytes: number,
  readRaw: (oid: string) => Promise<Buffer>,
): Promise<string | undefined | UnreadableStateError> {
  const blob = file?.object
  if (!blob) return undefined
  if ((blob.byteSize ?? 0) > maxBytes) return new UnreadableStateError(path, TOO_LARGE)
  if (blob.isBinary || typeof blob.text !== 'string') return new UnreadableStateError(path, NOT_TEXT)
  if (!blob.isTruncated) return blob.text
  const oid = blob.oid ?? ''
  const bytes = await readRaw(oid)
  if (bytes.length > maxBytes) return new UnreadableStateError(path, TOO_LARGE)
  const text = bytes.toString('utf8')
  if (gitBlobOid(text) === oid) return text
  return new UnreadableStateError(path, `could not be read whole (GitHub's blob ${oid} came back different)`)
}
