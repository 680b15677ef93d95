import type { ScalarTag } from 'yaml'

/**
 * What Ruby's Psych (the YAML reader of Jekyll 3 and 4) makes of a plain scalar that is not a string:
 * the regular expressions of its `Psych::ScalarScanner#tokenize`, wider than YAML 1.1's own (case-blind
 * booleans, `:symbols`, `1,000`, times with `+0900`). The yaml package quotes a string that any of them
 * matches; as `compat` tags they are used for that check only, never to read.
 */
const PSYCH_NON_STRINGS: Record<string, RegExp> = {
  'null or boolean': /^(?:~|null|yes|true|on|no|false|off)$/i,
  time: /^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$/,
  date: /^\d{4}-(?:1[012]|0\d|\d)-(?:[12]\d|3[01]|0\d|\d)$/,
  'infinity or not a number': /^[-+]?\.(?:inf|nan)$/i,
  symbol: /^:./,
  'base 60': /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}(?:\.[0-9_]*)?$/,
  float: /^[-+]?(?:[0-9][0-9_,]*)?\.[0-9]*(?:[eE][-+][0-9]+)?$/,
  integer:
    /^(?:[-+]?0b[0-1_,]+|[-+]?0[0-7_,]+|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|[-+]?0x[0-9a-fA-F_,]+)$/,
}

export const PSYCH_SCALARS: ScalarTag[] = Object.entries(PSYCH_NON_STRINGS).map(([name, test]) => ({
  tag: `tag:ruby.psych,2024:${name.replaceAll(' ', '-')}`,
  default: true,
  test,
  resolve: (value: string) => value,
}))
