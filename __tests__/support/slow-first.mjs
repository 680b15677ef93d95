// Jest's order of test files (its `testSequencer`): as jest's own, the slowest first as its cache timed
// them, so that no long file starts last. A fresh clone, as in CI, has no times, and jest then takes the
// longest files first; the slowest here are short ones that build Chirpy sites or spawn the bundle, so
// without times those go first.
import Sequencer from '@jest/test-sequencer'

const weight = (path) =>
  /\/__tests__\/chirpy\//.test(path) ? 2 : /\/__tests__\/(e2e|jekyll)\//.test(path) ? 1 : 0

export default class SlowFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests)
    if (sorted.some((test) => test.duration != null)) return sorted
    return sorted.sort((a, b) => weight(b.path) - weight(a.path))
  }
}
