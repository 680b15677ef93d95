import { types } from 'node:util'

/**
 * What a thrown value says, for a message: an Error's own message, anything else as text. Errors from
 * another realm (Node's own, seen from a vm context such as jest's) fail `instanceof Error` but are
 * errors all the same.
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error || types.isNativeError(error) ? error.message : String(error)
}
