/** Front matter read back by Ruby's Psych exactly as Jekyll 4 reads it; shared by the tests that need it. */
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

/**
 * Each file's front matter as `Psych.safe_load(..., permitted_classes: [Date, Time], aliases: true)`
 * (Jekyll 4's call) reads it: strings, lists and mappings of strings (`image`) as they are, anything
 * else as `"<Class> <value>"`, a
 * failure as `{ error, 'front matter' }`. One ruby process for all files, read as UTF-8 as Jekyll
 * does, whatever the shell's locale.
 */
export function readFrontMatter(files: string[]): Array<Record<string, unknown>> {
  const script = `
    require 'yaml'; require 'date'; require 'json'
    puts JSON.generate(ARGV.map do |file|
      front = File.read(file, encoding: 'bom|utf-8')[/\\A---\\n(.*?\\n)---\\n/m, 1]
      data = Psych.safe_load(front, permitted_classes: [Date, Time], aliases: true)
      plain = ->(value) { value.is_a?(String) || value.is_a?(Array) ? value : "#{value.class} #{value}" }
      data.transform_values { |value| value.is_a?(Hash) ? value.transform_values(&plain) : plain.(value) }
    rescue => error
      { 'error' => error.message, 'front matter' => front }
    end)`
  return JSON.parse(execFileSync('ruby', ['-e', script, ...files], { encoding: 'utf8' })) as Array<
    Record<string, unknown>
  >
}
