import { types } from 'node:util'

/** Errors from another realm (Node's own, seen from jest's vm context) fail `instanceof Error`. */
export function errorMessage(error: unknown): string {
  return error instanceof Error || types.isNativeError(error) ? error.message : String(error)
}
