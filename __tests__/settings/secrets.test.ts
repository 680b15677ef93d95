import { describe, expect, it } from '@jest/globals'
import { actionSecrets, cliSecrets } from '../../src/settings/inputs.js'

describe('the secrets to redact', () => {
  it('are the action’s token inputs as the runner passes them, llm-token included before action.yml has it', () => {
    expect(
      actionSecrets({
        INPUT_TOKEN: 'ghs_token\n',
        'INPUT_HF-TOKEN': '',
        'INPUT_LLM-TOKEN': ' sk-llm ',
        INPUT_TITLE: 'not a secret',
      }),
    ).toEqual(['ghs_token', 'sk-llm'])
  })

  it('are the CLI’s token flags and GITHUB_TOKEN and HF_TOKEN, each once', () => {
    expect(
      cliSecrets(
        { token: 'ghp_flag', 'hf-token': undefined },
        { GITHUB_TOKEN: 'ghp_env', HF_TOKEN: 'hf_env', HOME: '/root' },
      ),
    ).toEqual(['ghp_flag', 'ghp_env', 'hf_env'])
    expect(cliSecrets({}, { GITHUB_TOKEN: 'same', HF_TOKEN: 'same' })).toEqual(['same'])
  })
})
