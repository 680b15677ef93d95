// Jest's order of test files (its `testSequencer`): as jest's own, the slowest first as its cache timed
// them, so that no long file starts last. A fresh clone, as in CI, has no times, and jest then takes the
// longest files first; the slowest here are short ones, so without times these go first: the files that
// build Chirpy sites, then those that spawn the bundle or Jekyll, then those that render every saved day
// or every locale's posts.
import Sequencer from '@jest/test-sequencer'

const WEIGHTS = [
  [/\/__tests__\/chirpy\//, 3],
  [/\/__tests__\/(e2e|jekyll)\//, 2],
  [/\/__tests__\/(digest\/markdownlint|locales)\.test\.ts$/, 1],
]
const weight = (path) => WEIGHTS.find(([pattern]) => pattern.test(path))?.[1] ?? 0

export default class SlowFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests)
    if (sorted.some((test) => test.duration != null)) return sorted
    return sorted.sort((a, b) => weight(b.path) - weight(a.path))
  }
}
