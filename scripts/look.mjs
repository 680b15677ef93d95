// What a reader sees: posts made by the bundled action (dist/action.js, with its default inputs unless
// --style says otherwise) built into a real Chirpy 7.3 site, served on 127.0.0.1 and opened in headless
// Chromium. Prints each post's height on a 390 px phone and a 1280 px desktop, its <meta name=description>
// and og:image, and takes the README's pictures (docs/images/). Run `npm run bundle` first.
//
//   npm run look -- [--days 2025-11-26,2025-11-25] [--style digest|classic] [--language ja] [--shots docs/images]
//
// The site needs what __tests__/chirpy needs (Debian's jekyll and Chirpy's plugins, the released gem kept in
// __tests__/fixtures/chirpy/ or HF_DAILY_PAPERS_CHIRPY_GEM); the browser is Debian's chromium (CHROMIUM to name another).
// Besides the saved days, it posts two made-up days (MADE_UP), a busy one and a busiest one, of saved days' papers.
// Chirpy's web fonts (Google Fonts) and icons (Font Awesome) are served from their npm packages, so that
// lines wrap and icons show as on a reader's screen; offline, the papers' thumbnails cannot load: each is then drawn here, and the script says so.
/* global document, window, fetch, AbortSignal -- the functions given to page.evaluate run in the browser */
import './typescript-hooks.mjs'
import { Buffer } from 'node:buffer'
import { createServer } from 'node:http'
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import puppeteer from 'puppeteer-core'
import {
  chirpyGemPath,
  installTheme,
  missingPrerequisites,
  writeSite,
} from '../__tests__/chirpy/chirpy-site.ts'
import { startSiteTools } from '../__tests__/chirpy/site-tools.ts'
import { listedOn, loadFixtureDays, startHfServer } from '../__tests__/support/hf-server.ts'
import { CHIRPY_LANG } from '../__tests__/support/locale-posts.ts'
import { runAction } from '../__tests__/support/run-action.ts'

const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '2025-11-26,2025-11-25,2025-11-04,2025-11-11,2024-01-10' },
    style: { type: 'string', default: 'digest' },
    language: { type: 'string', default: 'en' },
    shots: { type: 'string', default: 'docs/images' },
  },
})
/** Saturdays without papers of their own, given those of saved days: 39 papers, and 88 papers. */
const MADE_UP = {
  '2025-11-22': ['2025-11-17', '2024-01-02'],
  '2025-11-29': ['2025-11-24', '2025-11-25', '2025-11-26'],
}
/** Chirpy's web fonts and the @fontsource packages that hold them. */
const FONTS = { Lato: 'lato', 'Source Sans Pro': 'source-sans-pro' }
const PHONE = { width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
const DESKTOP = { width: 1280, height: 900 }
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

const gem = chirpyGemPath()
const missing = missingPrerequisites(gem)
if (missing.length > 0) throw new Error(`cannot build the Chirpy site: missing ${missing.join('; ')}`)

const saved = await loadFixtureDays()
const days = new Map([...saved].map(([day, items]) => [day, listedOn(day, items)]))
for (const [day, merged] of Object.entries(MADE_UP)) {
  days.set(
    day,
    listedOn(
      day,
      merged.flatMap((from) => saved.get(from) ?? []),
    ),
  )
}
const wanted = [...values.days.split(',').map((day) => day.trim()), ...Object.keys(MADE_UP)]

const work = await mkdtemp(join(tmpdir(), 'look-'))
const site = join(work, 'site')
const hf = await startHfServer({ days })
let browser
let server
try {
  const lang = CHIRPY_LANG[values.language]
  if (!lang)
    throw new Error(
      `--language ${JSON.stringify(values.language)}: expected one of ${Object.keys(CHIRPY_LANG).join(', ')}`,
    )
  await writeSite(site, { lang, timezone: 'UTC' })
  // The days, then the week of 2025-11-26, whose papers link to the days' posts.
  const runs = [...wanted.map((date) => ({ date })), { date: '2025-11-26', digest: 'weekly' }]
  for (const inputs of runs) {
    const run = await runAction({
      inputs: {
        ...inputs,
        mode: 'files',
        'hf-api-url': hf.url,
        style: values.style,
        language: values.language,
      },
      workspace: site,
    })
    if (run.exitCode !== 0) throw new Error(`the action failed on ${JSON.stringify(inputs)}:\n${run.stdout}`)
  }
  const tools = startSiteTools(await installTheme(gem, join(work, 'gems')))
  try {
    await tools.build(site)
  } finally {
    await tools.close()
  }
  server = await serve(join(site, '_site'))
  const origin = `http://127.0.0.1:${server.address().port}`

  browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
  })
  const thumbnails = await thumbnailSource(browser)
  for (const file of (await readdir(join(site, '_posts'))).sort()) {
    const slug = file.replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/\.md$/, '')
    const url = `${origin}/posts/${slug}/`
    const phone = await look(browser, url, PHONE, thumbnails)
    const desktop = await look(browser, url, DESKTOP, thumbnails)
    console.log(`${file}\n  390 px: ${phone.height} px   1280 px: ${desktop.height} px`)
    console.log(
      `  description: ${phone.description}\n  og:image: ${phone.image}\n  h1 in the body: ${phone.h1s}`,
    )
    console.log(`  at 390 px, px per part: ${phone.sections.join(' · ')}`)
    console.log(`  fonts: ${[...new Set(phone.fonts)].join(', ') || 'the fallbacks'}`)
    if (file.includes('2025-11-26-daily')) {
      await mkdir(values.shots, { recursive: true })
      await shoot(browser, url, PHONE, thumbnails, join(values.shots, 'post-phone.png'), 2000)
      await shoot(browser, `${origin}/`, DESKTOP, thumbnails, join(values.shots, 'home-desktop.png'), 900)
    }
  }
  console.log(`thumbnails: ${thumbnails.drawn > 0 ? `${thumbnails.drawn} drawn here (offline)` : 'loaded'}`)
} finally {
  await browser?.close()
  server?.close()
  await hf.close()
  await rm(work, { recursive: true, force: true })
}

/** The page's full height at this viewport, and what a link preview would show. */
async function look(browser, url, viewport, thumbnails) {
  const page = await open(browser, url, viewport, thumbnails)
  const result = await page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    fonts: [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family),
    description: document.querySelector('meta[name="description"]')?.content,
    image: document.querySelector('meta[property="og:image"]')?.content,
    h1s: document.querySelectorAll('article .content h1').length,
    // Where the height goes: the page above the post's text, then each of its sections.
    sections: (() => {
      const content = document.querySelector('article .content')
      if (!content) return []
      const top = (element) => element.getBoundingClientRect().top + window.scrollY
      const marks = [...content.querySelectorAll(':scope > h2')].map((h2) => [h2.textContent.trim(), top(h2)])
      const bounds = [
        ['above the text', 0],
        ['TL;DR', top(content)],
        ...marks,
        ['below the text', top(content) + content.offsetHeight],
      ]
      return bounds
        .slice(0, -1)
        .map(([name, start], index) => `${name}: ${Math.round(bounds[index + 1][1] - start)}`)
    })(),
  }))
  await page.close()
  return result
}

async function shoot(browser, url, viewport, thumbnails, path, height) {
  const page = await open(browser, url, viewport, thumbnails)
  await page.screenshot({
    path,
    clip: { x: 0, y: 0, width: viewport.width, height },
    captureBeyondViewport: true,
  })
  await page.close()
  console.log(`wrote ${path}`)
}

async function open(browser, url, viewport, thumbnails) {
  const page = await browser.newPage()
  await page.setViewport(viewport)
  await page.setRequestInterception(true)
  page.on('request', (request) => {
    const target = new URL(request.url())
    if (target.hostname === '127.0.0.1') return request.continue()
    // Fonts are fetched across origins: the answer must allow it.
    const answer = (found) =>
      found.then(
        ({ type, body }) =>
          request.respond({
            status: 200,
            contentType: type,
            headers: { 'access-control-allow-origin': '*' },
            body,
          }),
        () => request.abort(),
      )
    if (target.hostname === 'fonts.googleapis.com' || target.hostname === 'fonts.gstatic.com') {
      return answer(webFont(target))
    }
    if (target.hostname === 'cdn.jsdelivr.net' && target.pathname.startsWith('/npm/@fortawesome/')) {
      return answer(iconFont(target))
    }
    if (target.hostname === 'cdn-thumbnails.huggingface.co') {
      return answer(thumbnails.get(request.url()).then((body) => ({ type: 'image/png', body })))
    }
    // Other scripts and styles from CDNs: the page is measured without them, as on a first visit offline.
    return request.abort()
  })
  await page.goto(url, { waitUntil: 'load' })
  await page.evaluate(() => document.fonts.ready)
  // Chirpy loads images lazily: scroll once so that every image is in, then measure.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
  await page.evaluate(() => window.scrollTo(0, 0))
  return page
}

/** Chirpy's fonts, Lato and Source Sans Pro, from the @fontsource packages in place of Google Fonts. */
async function webFont(url) {
  if (url.hostname === 'fonts.gstatic.com') {
    const [, pkg, file] = url.pathname.split('/')
    return {
      type: 'font/woff2',
      body: await readFile(resolve('node_modules/@fontsource', pkg, 'files', file)),
    }
  }
  const css = []
  for (const family of url.searchParams.getAll('family')) {
    const [name, axes = ''] = family.split(':')
    const pkg = FONTS[name]
    for (const weight of axes.replace('wght@', '').split(';').filter(Boolean)) {
      const file = resolve('node_modules/@fontsource', pkg, `${weight}.css`)
      const text = await readFile(file, 'utf8').catch(() => '')
      css.push(text.replaceAll('url(./files/', `url(https://fonts.gstatic.com/${pkg}/`))
    }
  }
  return { type: 'text/css', body: css.join('\n') }
}

/** Chirpy's icons (Font Awesome, from jsDelivr) from the @fortawesome/fontawesome-free package. */
async function iconFont(url) {
  const path = url.pathname.replace(/^\/npm\/@fortawesome\/fontawesome-free@[^/]+\//, '')
  const file = resolve('node_modules/@fortawesome/fontawesome-free', path)
  if (!file.startsWith(resolve('node_modules/@fortawesome/fontawesome-free/')))
    throw new Error(`${path} is outside`)
  const type =
    { '.css': 'text/css', '.woff2': 'font/woff2', '.ttf': 'font/ttf' }[extname(file)] ??
    'application/octet-stream'
  return { type, body: await readFile(file) }
}

/** The real thumbnail when the network gives it, else one drawn from the paper's id, marked as such. */
async function thumbnailSource(browser) {
  const cache = new Map()
  const source = {
    drawn: 0,
    async get(url) {
      if (!cache.has(url)) cache.set(url, fetchOrDraw(url))
      return cache.get(url)
    },
  }
  async function fetchOrDraw(url) {
    try {
      const answer = await fetch(url, { signal: AbortSignal.timeout(5000) })
      if (answer.ok) return Buffer.from(await answer.arrayBuffer())
    } catch {
      // Offline: drawn below.
    }
    source.drawn++
    const id = extname(url) === '.png' ? url.split('/').pop().slice(0, -4) : url
    const page = await browser.newPage()
    await page.setViewport({ width: 1200, height: 648 })
    await page.setContent(
      `<body style="margin:0;display:flex;flex-direction:column;justify-content:center;align-items:center;height:648px;background:linear-gradient(135deg,#ffd21e,#ff9d00);font:bold 64px sans-serif;color:#1f2937">` +
        `<div>🤗 ${id}</div><div style="font-size:28px;margin-top:24px">thumbnail stand-in, drawn offline</div></body>`,
    )
    const image = await page.screenshot({ type: 'png' })
    await page.close()
    return image
  }
  return source
}

/** A static server for the built site, on 127.0.0.1 only. */
function serve(root) {
  const types = { '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.xml': 'text/xml' }
  return new Promise((resolveServer) => {
    const created = createServer(async (request, response) => {
      const path = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname)
      const file = resolve(root, `.${path}${path.endsWith('/') ? 'index.html' : ''}`)
      try {
        if (!file.startsWith(root)) throw new Error('outside the site')
        const body = await readFile(file)
        response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
        response.end(body)
      } catch {
        response.writeHead(404).end()
      }
    })
    created.listen(0, '127.0.0.1', () => resolveServer(created))
  })
}
