/**
 * Front matter read back as Jekyll reads it: by Ruby's Psych (Jekyll 4), or by safe_yaml 1.0.5 (GitHub
 * Pages' Jekyll 3.10); shared by the tests that need it.
 */
import { execFileSync } from 'node:child_process'

/**
 * `Psych::VERSION`, or undefined when ruby is missing: the caller's tests are then skipped, loudly,
 * unless HF_DAILY_PAPERS_REQUIRE_JEKYLL (set in CI) makes that an error.
 */
export function findPsych(): string | undefined {
  try {
    return execFileSync('ruby', ['-ryaml', '-e', 'print Psych::VERSION'], { encoding: 'utf8' }).trim()
  } catch {
    if (process.env.HF_DAILY_PAPERS_REQUIRE_JEKYLL) throw new Error('ruby is required here but not installed')
    console.warn('Skipping a Psych front-matter test: install ruby (it comes with jekyll) to run it.')
    return undefined
  }
}

/** Jekyll 4's call, and Jekyll 3.10's (`Document#read_content`), with the `-I` that finds its library. */
export type FrontMatterReader = { name: 'psych' } | { name: 'safe_yaml'; libraries: string[] }

const LOAD = {
  psych: 'Psych.safe_load(front, permitted_classes: [Date, Time], aliases: true)',
  // Jekyll 3.10 silences safe_yaml's warning that `load` defaults to its safe mode.
  safe_yaml: "(require 'safe_yaml/load'; SafeYAML::OPTIONS[:suppress_warnings] = true; SafeYAML.load(front))",
}

/**
 * Each file's front matter as the reader reads it: strings, lists and mappings of strings (`image`) as
 * they are, anything else as `"<Class> <value>"`, a failure as `{ error, 'front matter' }`. One ruby
 * process for all files, read as UTF-8 as Jekyll does, whatever the shell's locale.
 */
export function readFrontMatter(
  files: string[],
  reader: FrontMatterReader = { name: 'psych' },
): Array<Record<string, unknown>> {
  const script = `
    require 'yaml'; require 'date'; require 'json'
    puts JSON.generate(ARGV.map do |file|
      front = File.read(file, encoding: 'bom|utf-8')[/\\A---\\n(.*?\\n)---\\n/m, 1]
      data = ${LOAD[reader.name]}
      plain = ->(value) { value.is_a?(String) || value.is_a?(Array) ? value : "#{value.class} #{value}" }
      data.transform_values { |value| value.is_a?(Hash) ? value.transform_values(&plain) : plain.(value) }
    rescue => error
      { 'error' => error.message, 'front matter' => front }
    end)`
  const libraries = reader.name === 'safe_yaml' ? reader.libraries : []
  return JSON.parse(
    execFileSync('ruby', [...libraries, '-e', script, ...files], { encoding: 'utf8' }),
  ) as Array<Record<string, unknown>>
}
