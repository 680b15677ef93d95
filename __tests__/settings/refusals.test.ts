import { describe, expect, it } from '@jest/globals'
import { INPUT_NAMES, SECRET_INPUTS, type InputName } from '../../src/settings/inputs.js'
import { environment, problemsOf, settingsOf } from './parse.js'

/** Hostile inputs: each refused with a message that names the input and what it accepts. */
const CONTROL = /[\p{Cc}\u2028\u2029\p{Bidi_Control}]/u

const LISTS: InputName[] = ['categories', 'tags', 'fields', 'keywords']
const SECRETS = SECRET_INPUTS as InputName[]
const SINGLE_LINE = INPUT_NAMES.filter((name) => !LISTS.includes(name) && !SECRETS.includes(name))
const CONTROLS = [
  '\n',
  '\r',
  '\t',
  '\u0000',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u2029',
  '\u202e',
  '\u061c',
  '\u2066',
]

describe('control characters', () => {
  it.each(SINGLE_LINE)('refuses any of them in %s, naming the input, never quoting one raw', (name) => {
    for (const control of CONTROLS) {
      const problems = problemsOf({ [name]: `a${control}::add-mask::b` })
      const hex = (control.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')
      // Shown escaped (JSON's \n, or \u202E), so the message stays one line and in order.
      expect(problems).toEqual([
        expect.stringMatching(
          new RegExp(
            `^Input "${name}": has a control character \\(U\\+${hex}\\) at character 2 of "a\\\\[nrt]?(u${hex})?::add-mask::b"; one line of text is accepted, without line breaks, tabs, other control characters or bidirectional formatting characters$`,
            'i',
          ),
        ),
      ])
      expect(problems.join(' ')).not.toMatch(CONTROL)
    }
  })

  it.each(LISTS)('takes line breaks in %s as separators and refuses other control characters', (name) => {
    expect(problemsOf({ [name]: name === 'fields' ? 'abstract\r\nauthors\n' : 'one\r\ntwo\nthree' })).toEqual(
      [],
    )
    for (const control of ['\t', '\u2028', '\u202e', '\u0000']) {
      const problems = problemsOf({ [name]: `one\ntw${control}o` })
      expect(problems).toEqual([
        expect.stringMatching(
          new RegExp(
            `^Input "${name}": has a control character .* a list of items separated by commas or line breaks is accepted`,
          ),
        ),
      ])
      expect(problems.join(' ')).not.toMatch(CONTROL)
    }
  })

  it.each(SECRETS)('refuses a %s that cannot go into an HTTP header, never quoting it', (name) => {
    for (const token of ['ghp_first\nsecondhalf', 'ghp_with space', 'ghp_caf\u00e9secret', 'ghp_\u0000nul']) {
      const problems = problemsOf({ [name]: token })
      expect(problems).toEqual([
        `Input "${name}": contains a character that cannot be sent in an HTTP header (a line break, space, control or non-ASCII character); a token is visible ASCII characters only (the value is not shown, being a secret)`,
      ])
    }
    // A trailing line break, as secrets often have, is not part of the token.
    expect(problemsOf({ [name]: 'ghp_abcdef\n' })).toEqual([])
  })

  it('quotes no token in any message, even where other inputs are bad', () => {
    const problems = problemsOf({ token: 'ghp_topsecret\nmore', 'hf-token': 'hf_topsecret', mode: 'bogus' })
    expect(problems.join('\n')).not.toMatch(/topsecret|more/)
  })
})

describe('names', () => {
  it.each([
    ['posts-dir', '.git'],
    ['posts-dir', '.git/hooks'],
    ['posts-dir', 'site/.GIT/objects'],
    ['posts-dir', 'C:/Windows'],
    ['posts-dir', '_posts\\..\\..'],
    ['data-dir', '.git'],
    ['data-dir', '_data/../.git'],
    // As git reads them on checkout (Windows, macOS), and refuses them then.
    ['data-dir', '.git.'],
    ['data-dir', '.GIT .'],
    ['posts-dir', 'GIT~1/_posts'],
    ['posts-dir', '_posts/.g\u200cit'],
    // The action's own state, which a post or a data file would break.
    ['data-dir', '.hf-daily-papers/posts'],
  ])('refuses %s %j, saying what a folder may be', (name, value) => {
    expect(problemsOf({ [name]: value })).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Input "${name}": .* must be a folder below the repository root, relative to it \\(e\\.g\\. _posts\\): no leading "/", no "\\.\\.", "\\.git" \\(or a name git reads as it, "\\.git\\." or "GIT~1"\\), "\\\\" or ":", and not in \\.hf-daily-papers, the action's own$`,
        ),
      ),
    ])
  })

  it.each([
    ['title', 'Papers {date} <img src=x onerror=alert(1)>', '<i'],
    ['title', '{{ site.github }} {date}', '{{'],
    ['permalink', '/posts/{% raw %}/{date}/', '{%'],
    ['categories', 'Papers, <script>x</script>', '<s'],
    ['tags', 'ai, {{ page.x }}', '{{'],
    ['author', '</b>me', '</'],
  ])('refuses %s %j: a theme prints front matter as markup', (name, value, markup) => {
    expect(problemsOf({ [name]: value })).toEqual([
      `Input "${name}": "${value}" holds "${markup}", which a theme would print as markup or run as Liquid; write it as plain text`,
    ])
  })

  it.each(['{date}:x.md', 'a\\{date}.md', '../{date}.md', '.git/{date}.md'])(
    'refuses the filename %j',
    (filename) => {
      expect(problemsOf({ filename })).toEqual([
        expect.stringMatching(
          /^Input "filename": .* must be a file name ending in .md or .markdown, without folders/,
        ),
      ])
    },
  )

  it.each([
    'octo/..',
    'octo/.',
    './x',
    '../x',
    'octo/...',
    'octo/blog.git',
    'a/b/c',
    '-octo/blog',
    'octo/bl og',
    'o'.repeat(40) + '/x',
  ])('refuses the repository %j, spelling out GitHub’s rules', (repository) => {
    expect(problemsOf({ repository })).toEqual([
      expect.stringMatching(
        /^Input "repository": .* is not a repository; use owner\/name: the owner 1 to 39 letters, digits, "-" or "_", starting with a letter or digit; the name 1 to 100 letters, digits, ".", "-" or "_", not dots alone and not ending in ".git"$/,
      ),
    ])
  })

  it.each(['lim4349/lim4349.github.io', 'octo-org/my_blog', 'octo/.github', 'octo_acme/blog-2'])(
    'accepts the repository %j',
    (repository) => {
      expect(problemsOf({ repository })).toEqual([])
    },
  )

  it.each([
    '..yml',
    '.hidden.yml',
    'ci/deploy.yml',
    '.github/workflows/../x.yml',
    'deploy.yml.txt',
    'x y.yml',
  ])('refuses the dispatch-workflow %j', (workflow) => {
    expect(problemsOf({ 'dispatch-workflow': workflow })).toEqual([
      expect.stringMatching(
        /^Input "dispatch-workflow": .* is not a workflow file; give the file name of a workflow in .github\/workflows \(letters, digits, ".", "-" or "_", not starting with ".", ending in .yml or .yaml, e.g. pages-deploy.yml\) or its numeric id$/,
      ),
    ])
  })

  it.each([
    ['pages-deploy.yml', 'pages-deploy.yml'],
    ['.github/workflows/pages.yaml', 'pages.yaml'],
    ['161335', '161335'],
  ])('accepts the dispatch-workflow %j', (workflow, accepted) => {
    expect(settingsOf({ 'dispatch-workflow': workflow }).target).toMatchObject({
      mode: 'commit',
      dispatchWorkflow: accepted,
    })
  })

  it.each(['HEAD', '@', 'a..b', '-x'])('refuses the branch %j', (branch) => {
    expect(problemsOf({ branch })).toEqual([`Input "branch": "${branch}" is not a valid branch name`])
  })

  it.each([
    ['hf-api-url', 'hf-token', 'http://hf-mirror.internal:8080'],
    ['hf-api-url', 'hf-token', 'http://127.0.0.1.example.com'],
    ['llm-api-url', 'llm-token', 'http://10.0.0.5:8000/v1'],
    ['llm-api-url', 'llm-token', 'HTTP://api.example.com/v1'],
    [
      'hf-api-url',
      'hf-token',
      `http://hf-mirror.internal/${'x'.repeat(60)}/key=hf_QmW7v4ZpXo2LrT9sNcYb8KdJ3eF`,
    ],
  ])(
    'refuses %s over plain http to another machine when %s is set, without showing the token',
    (url, token, value) => {
      const problems = problemsOf({ [url]: value, [token]: 'secret-token-1234' })
      // The host only: a path may hold a key.
      const { origin, pathname } = new URL(value)
      expect(problems).toEqual([
        `Input "${url}": "${origin}${pathname.length > 1 ? '/…' : ''}" is plain http, so ${token} would cross the network unencrypted; use https (plain http takes a token only on this machine: localhost, 127.0.0.1 or [::1])`,
      ])
      expect(problems.join('\n')).not.toContain('secret-token')
    },
  )

  it.each([
    ['hf-api-url', 'hf-token', 'http://127.0.0.1:8080'],
    ['hf-api-url', 'hf-token', 'http://localhost:8080'],
    ['llm-api-url', 'llm-token', 'http://[::1]:8000/v1'],
    ['llm-api-url', 'llm-token', 'https://api.example.com/v1'],
  ])('sends %s with %s to this machine, or over https', (url, token, value) => {
    expect(problemsOf({ [url]: value, [token]: 'secret-token-1234' })).toEqual([])
  })

  it('names the environment variable the command line took the token from', () => {
    const problems = problemsOf(
      { 'hf-api-url': 'http://hf-mirror.internal', 'hf-token': 'secret-token-1234' },
      { ...environment, caller: 'cli' },
    )
    expect(problems).toEqual([
      'Input "hf-api-url": "http://hf-mirror.internal" is plain http, so hf-token (--hf-token or HF_TOKEN) would cross the network unencrypted; use https (plain http takes a token only on this machine: localhost, 127.0.0.1 or [::1])',
    ])
  })

  it('takes a plain http URL to another machine when no token goes there', () => {
    expect(problemsOf({ 'hf-api-url': 'http://hf-mirror.internal:8080' })).toEqual([])
  })

  it('refuses a URL that carries a password, without showing it', () => {
    const problems = problemsOf({ 'hf-api-url': 'https://user:hunter2@hf.example' })
    expect(problems).toEqual([
      'Input "hf-api-url": is a URL with a user name or password in it; give the URL without them',
    ])
  })
})
