/**
 * A real Chirpy 7.3 site, built offline: the released theme gem installed into a temporary GEM_HOME,
 * Debian's Jekyll and plugins, and the theme's stylesheet compiled with Dart Sass from npm (its `@use`
 * modules are beyond Debian's libsass). site-tools.ts builds the site and checks it the way Chirpy's own CI
 * checks one.
 * `__tests__/fixtures/chirpy/README.md` tells where the gem comes from and how the pieces fit.
 */
import { execFile, execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { htmlProoferMajor } from './site-tools.js'

const CHIRPY_GEM_NAME = 'jekyll-theme-chirpy-7.3.0.gem'
const CHIRPY_GEM_SHA256 = 'f725e938b71b5d04706ebca627cee1cda86e66858fbd81a1461a8ab0cb018727'
/** What the gemspec names as runtime dependencies, as Debian packages them; html-proofer for the check. */
const DEBIAN_PACKAGES = [
  'jekyll',
  'ruby-kramdown-parser-gfm',
  'ruby-jekyll-archives',
  'ruby-jekyll-seo-tag',
  'ruby-jekyll-sitemap',
  'ruby-jekyll-paginate',
  'ruby-jekyll-include-cache',
  'ruby-html-proofer',
]
const PLUGINS = [
  'jekyll-archives',
  'jekyll-seo-tag',
  'jekyll-sitemap',
  'jekyll-paginate',
  'jekyll-include-cache',
]

/** HF_DAILY_PAPERS_CHIRPY_GEM, else the copy kept with the fixtures. */
export const chirpyGemPath = () =>
  process.env.HF_DAILY_PAPERS_CHIRPY_GEM ||
  resolve(process.cwd(), '__tests__/fixtures/chirpy', CHIRPY_GEM_NAME)

const succeeds = (command: string, args: string[]) => {
  try {
    execFileSync(command, args, { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** What this machine lacks to build the site, each with how to get it; empty when it has everything. */
export function missingPrerequisites(gem: string): string[] {
  const missing: string[] = []
  if (!existsSync(gem)) {
    missing.push(
      `the theme gem ${gem} (\`gem fetch jekyll-theme-chirpy --version 7.3.0\`, then put it there or name it in HF_DAILY_PAPERS_CHIRPY_GEM)`,
    )
  } else {
    const sha256 = createHash('sha256').update(readFileSync(gem)).digest('hex')
    if (sha256 !== CHIRPY_GEM_SHA256) {
      throw new Error(`${gem} is not the released Chirpy 7.3.0 gem (sha256 ${sha256})`)
    }
  }
  // Asked of RubyGems, which knows an installed gem without loading it: loading Jekyll costs a third of a
  // second of CPU, and ruby-forks.rb loads it anyway.
  const installed = ['jekyll', ...PLUGINS].map((name) => `Gem::Specification.find_by_name('${name}')`)
  const tools =
    succeeds('gem', ['--version']) &&
    succeeds('ruby', ['-e', installed.join('; ')]) &&
    htmlProoferMajor() !== undefined
  if (!tools)
    missing.push(
      `Jekyll, Chirpy's plugins or html-proofer (\`apt-get install ${DEBIAN_PACKAGES.join(' ')}\`)`,
    )
  return missing
}

/**
 * Installs the gem into `gemHome` and returns the environment Jekyll needs. Its stylesheet is compiled
 * for a browser (scripts/look.mjs); `styled: false` puts an empty one in its place for the tests, which
 * read the pages and never their style: Dart Sass would cost each of their files a second of CPU.
 */
export async function installTheme(
  gem: string,
  gemHome: string,
  { styled = true }: { styled?: boolean } = {},
): Promise<NodeJS.ProcessEnv> {
  await run('gem', [
    'install',
    '--local',
    '--ignore-dependencies',
    '--no-document',
    '--install-dir',
    gemHome,
    gem,
  ])
  const theme = join(gemHome, 'gems', CHIRPY_GEM_NAME.replace(/\.gem$/, ''))
  const css = styled
    ? (await import('sass')).compile(join(theme, '_sass/main.bundle.scss'), { style: 'compressed' }).css
    : ''
  await writeFile(join(theme, 'assets/css/jekyll-theme-chirpy.css'), css)
  await rm(join(theme, 'assets/css/jekyll-theme-chirpy.scss'))
  // Jekyll 4.3 on Ruby 3.1 refuses these locale files: their `meta: :PLATFORM …` reads as a YAML symbol.
  // Quoted, the line is the theme's own text, and a Japanese site keeps its words.
  for (const locale of ['ja-JP', 'tr-TR']) {
    const file = join(theme, `_data/locales/${locale}.yml`)
    const yaml = await readFile(file, 'utf8')
    await writeFile(file, yaml.replace(/^meta: (:PLATFORM[^'\n]*)$/m, "meta: '$1'"))
  }
  return { ...process.env, GEM_HOME: gemHome, JEKYLL_ENV: 'production' }
}

export interface SiteOptions {
  /** Chirpy's `lang`: a file of `_data/locales`, e.g. en or ko-KR. */
  lang: string
  timezone: string
  /** `_data/authors.yml`: key → display name. */
  authors?: Record<string, string>
}

/** A site as chirpy-starter 7.3 lays it out (the parts that shape pages and URLs), without posts. */
export async function writeSite(dir: string, { lang, timezone, authors = {} }: SiteOptions): Promise<void> {
  await mkdir(join(dir, '_tabs'), { recursive: true })
  await mkdir(join(dir, '_data'), { recursive: true })
  await writeFile(join(dir, '_config.yml'), siteConfig(lang, timezone))
  await writeFile(join(dir, 'index.html'), '---\nlayout: home\n---\n')
  const tabs = [
    ['about', 'page', 'fas fa-info-circle'],
    ['archives', 'archives', 'fas fa-archive'],
    ['categories', 'categories', 'fas fa-stream'],
    ['tags', 'tags', 'fas fa-tags'],
  ]
  for (const [order, [name, layout, icon]] of tabs.entries()) {
    await writeFile(
      join(dir, `_tabs/${name}.md`),
      `---\nlayout: ${layout}\nicon: ${icon}\norder: ${order + 1}\n---\n`,
    )
  }
  const authorLines = Object.entries(authors).map(
    ([key, name]) => `${key}:\n  name: ${name}\n  url: https://github.com/${key}\n`,
  )
  await writeFile(join(dir, '_data/authors.yml'), authorLines.join(''))
}

const siteConfig = (lang: string, timezone: string) => `theme: jekyll-theme-chirpy
lang: ${lang}
timezone: ${timezone}
title: Papers
tagline: Hugging Face Daily Papers
description: A Chirpy site built from the action's posts
url: https://octo.github.io
baseurl: ''
github:
  username: octo
social:
  name: Octo
  links:
    - https://github.com/octo
toc: true
paginate: 10
kramdown:
  footnote_backlink: '&#8617;&#xfe0e;'
  syntax_highlighter: rouge
  syntax_highlighter_opts:
    css_class: highlight
    span:
      line_numbers: false
    block:
      line_numbers: true
      start_line: 1
collections:
  tabs:
    output: true
    sort_by: order
defaults:
  - scope:
      path: ''
      type: posts
    values:
      layout: post
      comments: true
      toc: true
      permalink: /posts/:title/
  - scope:
      path: ''
      type: tabs
    values:
      layout: page
      permalink: /:title/
compress_html:
  clippings: all
  comments: all
  endings: all
  profile: false
  blanklines: false
  ignore:
    envs: [development]
jekyll-archives:
  enabled: [categories, tags]
  layouts:
    category: category
    tag: tag
  permalinks:
    tag: /tags/:name/
    category: /categories/:name/
`

/**
 * The program's output; a failure carries it too (as `stdout` and `stderr` on the error).
 */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  return promisify(execFile)(command, args, {
    env: { ...env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    timeout: 120_000,
    maxBuffer: 16 * 1024 * 1024,
  })
}
