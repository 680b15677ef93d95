// The jest half of a Chirpy site test: kept apart from chirpy-site.ts, which scripts/look.mjs imports outside jest.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from '@jest/globals'
import { startHfServer, type HfServer } from '../support/hf-server.js'
import { installTheme } from './chirpy-site.js'
import { startSiteTools, type SiteTools } from './site-tools.js'

/**
 * What a file's sites share: the stand-in for Hugging Face, the theme installed, and Jekyll and html-proofer
 * with the theme's environment.
 */
export interface ChirpyFixture {
  hf: HfServer
  gemHome: string
  sites: SiteTools
}

/**
 * Starts the stand-in and installs the theme (its stylesheet empty: no test reads it) before the enclosing
 * describe's tests, and removes both after; the returned object is filled in by then.
 */
export function useChirpyFixture(gem: string): ChirpyFixture {
  const fixture = {} as ChirpyFixture
  beforeAll(async () => {
    fixture.hf = await startHfServer()
    fixture.gemHome = await mkdtemp(join(tmpdir(), 'chirpy-gems-'))
    fixture.sites = startSiteTools(await installTheme(gem, fixture.gemHome, { styled: false }))
  }, 120_000)
  afterAll(async () => {
    await fixture.sites?.close()
    await fixture.hf?.close()
    if (fixture.gemHome) await rm(fixture.gemHome, { recursive: true, force: true })
  })
  return fixture
}
