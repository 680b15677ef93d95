import { describe, expect, it } from '@jest/globals'
import { neutraliseCommands } from '../../src/core/workflow-commands.js'
import { runnerCommands } from '../support/runner-commands.js'

describe('neutraliseCommands', () => {
  const attacks = [
    '::add-mask::secret',
    '  \t::stop-commands::resume',
    'title\n::warning file=x::injected',
    'a\r::set-output name=post::evil',
    'a\r\n::error::fake failure',
    '\u2028::add-mask::x',
    '\u0085\u00a0\u3000::group::x',
    'text before ##[add-mask]secret',
    '##[set-env name=NODE_OPTIONS]--require=/tmp/x.js',
    '::ADD-MASK::case',
  ]

  it.each(attacks)('leaves no workflow command in %j', (attack) => {
    expect(runnerCommands(attack)).not.toEqual([])
    const neutral = neutraliseCommands(attack)
    expect(runnerCommands(neutral)).toEqual([])
    expect(neutral).toMatch(/%3A:|##%5B/)
  })

  it('escapes visibly and leaves ordinary text as it is', () => {
    expect(neutraliseCommands('_posts\n::add-mask::x')).toBe('_posts\n%3A:add-mask::x')
    expect(neutraliseCommands('see ##[group]')).toBe('see ##%5Bgroup]')
    const ordinary = 'Fetch papers (2025-12-24): 5 papers\n  a::b, std::vector, #[attr], 10:30 ::'
    expect(neutraliseCommands(ordinary)).toBe(ordinary)
  })
})
