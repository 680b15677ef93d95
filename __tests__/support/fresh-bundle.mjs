// The end-to-end project's globalSetup: its tests run the bundle (dist/), so a bundle built from other
// sources than today's is rebuilt first with `npm run bundle`, and the run says so in one line.
import { spawnSync } from 'node:child_process'
import { distIsCurrent } from '../../scripts/dist-stamp.mjs'

export default function freshBundle() {
  const root = process.cwd()
  if (distIsCurrent(root)) return
  process.stderr.write(
    'dist/ is older than src/ or the build: running npm run bundle before the end-to-end tests\n',
  )
  const build = spawnSync('npm', ['run', '--silent', 'bundle'], { cwd: root, encoding: 'utf8' })
  if (build.status !== 0 || !distIsCurrent(root)) {
    throw new Error(
      `npm run bundle failed, so the end-to-end tests cannot run:\n${build.stdout}${build.stderr}`,
    )
  }
}
