import { createHash } from 'node:crypto'

/** SHA-1 of `blob <size>\0<bytes>`: GitHub reports files by it. */
export function gitBlobOid(content: string): string {
  const bytes = Buffer.from(content)
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
}

/** A file as a checkout holds it: with CRLF line ends (Windows, core.autocrlf) it is what git stores with LF. */
export const checkoutBlobOid = (text: string) => gitBlobOid(text.replaceAll('\r\n', '\n'))
