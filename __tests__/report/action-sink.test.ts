import { describe, expect, it } from '@jest/globals'
import { EventEmitter } from 'node:events'
import {
  createActionSink,
  routeStrayOutput,
  type RunnerCore,
  type StrayOutlets,
} from '../../src/report/action-sink.js'

const TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a'
const HF_TOKEN = 'hf_abc&def<ghi>jkl"mno\'pqrstuvwxyzABCD'

/** @actions/core's calls as the runner would receive them, in order; `failing` makes a file write throw. */
function recordingCore(failing: { output?: Error; summary?: Error } = {}) {
  const calls: Array<[string, ...string[]]> = []
  let buffer = ''
  const core: RunnerCore = {
    setSecret: (secret) => void calls.push(['setSecret', secret]),
    info: (message) => void calls.push(['info', message]),
    warning: (message) => void calls.push(['warning', String(message)]),
    notice: (message) => void calls.push(['notice', String(message)]),
    setFailed: (message) => void calls.push(['setFailed', String(message)]),
    group: async (name, work) => {
      calls.push(['group', name])
      return work()
    },
    setOutput: (name, value) => {
      if (failing.output) throw failing.output
      calls.push(['setOutput', name, String(value)])
    },
    summary: {
      addRaw(html: string) {
        buffer += html
        return this as never
      },
      write() {
        if (failing.summary) return Promise.reject(failing.summary)
        calls.push(['summary', buffer])
        return Promise.resolve(this as never)
      },
      emptyBuffer() {
        buffer = ''
        return this as never
      },
    },
  }
  return { core, calls }
}

describe('the action’s sink', () => {
  it('registers every secret with the runner before anything else', () => {
    const { core, calls } = recordingCore()
    const sink = createActionSink(core, [TOKEN, HF_TOKEN])
    sink.info('hello')
    expect(calls).toEqual([
      ['setSecret', TOKEN],
      ['setSecret', HF_TOKEN],
      ['info', 'hello'],
    ])
  })

  it('hides secrets and their pieces, and defuses workflow commands, in every kind of message', async () => {
    const { core, calls } = recordingCore()
    const sink = createActionSink(core, [TOKEN])
    const hostile = `failed (500): token ${TOKEN}, quoted "${TOKEN.slice(0, 15)}…"\n::add-mask::x ##[stop-commands]y`
    sink.info(hostile)
    sink.warning(hostile)
    sink.notice(hostile)
    sink.fail(hostile)
    await sink.group(hostile, () => Promise.resolve())
    const expected = 'failed (500): token ***, quoted "***…"\n%3A:add-mask::x ##%5Bstop-commands]y'
    expect(calls.slice(1)).toEqual([
      ['info', expected],
      ['warning', expected],
      ['notice', expected],
      ['setFailed', expected],
      ['group', expected],
    ])
  })

  it('keeps each output on one line and without secrets', () => {
    const { core, calls } = recordingCore()
    createActionSink(core, [TOKEN]).setOutputs(
      { 'commit-url': `https://ghe.example/c/1\nposts=evil`, 'post-path': `_posts/${TOKEN.slice(5)}.md` },
      '/runner/output',
    )
    expect(calls.slice(1)).toEqual([
      ['setOutput', 'commit-url', 'https://ghe.example/c/1%0Aposts=evil'],
      ['setOutput', 'post-path', '_posts/***.md'],
    ])
  })

  it('hides a secret from the summary, also where HTML escaped it', async () => {
    const { core, calls } = recordingCore()
    const escaped = HF_TOKEN.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
    await createActionSink(core, [HF_TOKEN]).writeSummary(`<p>${escaped} and ${HF_TOKEN}</p>`, '/s')
    expect(calls.at(-1)).toEqual(['summary', '<p>*** and ***</p>'])
  })

  it('warns, naming the file and why, when the outputs or the summary cannot be written', async () => {
    const { core, calls } = recordingCore({
      output: new Error('ENOSPC: no space left on device, write'),
      summary: new Error('EACCES: permission denied'),
    })
    const sink = createActionSink(core, [])
    sink.setOutputs({ papers: '5' }, '/runner/output')
    await sink.writeSummary('<p>5 papers</p>', undefined)
    expect(calls).toEqual([
      [
        'warning',
        "Could not write the step's outputs to /runner/output (GITHUB_OUTPUT): ENOSPC: no space left on device, write. The run's work is done; later steps cannot read its outputs.",
      ],
      [
        'warning',
        "Could not write the job summary to the runner (GITHUB_STEP_SUMMARY is not set): EACCES: permission denied. The run's work is done.",
      ],
    ])
  })
})

/**
 * GitHub's `local-action` debugger: a console of its own, and an @actions/core whose functions print
 * through whatever `console.log` is at the time of the call, which is the action's rerouted one.
 */
function localAction() {
  const printed: string[] = []
  const own = (kind: string) => (text: string) => void printed.push(`${kind}: ${text}`)
  const console: StrayOutlets['console'] = {
    log: own('log'),
    info: own('info'),
    debug: own('debug'),
    warn: own('warn'),
    error: own('error'),
  }
  const print = (message: unknown) => console.log(String(message))
  const core: RunnerCore = {
    setSecret: () => undefined,
    info: print,
    warning: print,
    notice: print,
    setFailed: print,
    group: (_name, work) => work(),
    setOutput: () => undefined,
    summary: recordingCore().core.summary,
  }
  return { console, core, printed, process: new EventEmitter() }
}

describe('stray output', () => {
  it('goes through the sink once, even when the sink prints through the console it reroutes', () => {
    const local = localAction()
    routeStrayOutput(createActionSink(local.core, [TOKEN]), local)
    local.console.log('library says %s', TOKEN)
    local.console.error(new Error('library failed'))
    local.console.debug('::add-mask::x')
    local.process.emit('uncaughtException', new Error(`nobody caught ${TOKEN}`))
    local.console.info('after the failure')
    expect(local.printed).toEqual([
      'log: library says ***',
      expect.stringMatching(/^log: Error: library failed\n\s+at /),
      'log: %3A:add-mask::x',
      'log: nobody caught ***',
      'log: after the failure',
    ])
  })
})
