import type { HfServer } from './hf-server.js'

/**
 * Answers that are not a list of papers, and the part of the failure message each must give after the
 * URL (then ` a JSON array of papers was expected`): the same cases in-process and through the bundle.
 */
export const NON_PAPER_ANSWERS: Array<[string, Parameters<HfServer['inject']>[0], string]> = [
  ['an HTML page', 'html', ': Hugging Face answered 200 with an HTML page titled "Just a moment..." where'],
  [
    'an error object',
    { status: 200, body: { error: 'Invalid date' } },
    ' returned {"error":"Invalid date"} where',
  ],
  [
    'invalid JSON',
    { status: 200, body: '[{"paper":' },
    ': Hugging Face answered 200 with a body that is not JSON: "[{\\"paper\\":" where',
  ],
]
