// Writes the README's inputs and outputs tables from action.yml, between marker comments, so that the two
// never disagree. `npm run docs -- --check` only checks, and exits 1 when the README is stale (CI runs it).
import { readFileSync, writeFileSync } from 'node:fs'
import * as prettier from 'prettier'
import { parse } from 'yaml'

const action = parse(readFileSync('action.yml', 'utf8'))
const cell = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\|/g, '\\|')
const code = (text) => (text === undefined || text === '' ? '' : `\`${cell(text)}\``)

const tables = {
  inputs: [
    '| input | default | meaning |',
    '|---|---|---|',
    ...Object.entries(action.inputs).map(
      ([name, input]) => `| \`${name}\` | ${code(input.default)} | ${cell(input.description)} |`,
    ),
  ],
  outputs: [
    '| output | meaning |',
    '|---|---|',
    ...Object.entries(action.outputs).map(
      ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`,
    ),
  ],
}

const readme = readFileSync('README.md', 'utf8')
let generated = readme
for (const [name, lines] of Object.entries(tables)) {
  const pattern = new RegExp(`(<!-- ${name}:start[^>]*-->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`)
  if (!pattern.test(generated))
    throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> markers`)
  generated = generated.replace(pattern, `$1${lines.join('\n')}\n$2`)
}

// Formatted as `prettier --check` wants it, so that the two checks agree.
generated = await prettier.format(generated, {
  ...(await prettier.resolveConfig('README.md')),
  filepath: 'README.md',
})

if (process.argv.includes('--check')) {
  if (generated !== readme) {
    console.error('README.md is stale: run `npm run docs` and commit it.')
    process.exit(1)
  }
  console.log('README.md tables match action.yml.')
} else {
  writeFileSync('README.md', generated)
}
