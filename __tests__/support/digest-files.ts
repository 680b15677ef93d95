import type { FileChange } from '../../src/core/changes.js'
import { runDigest } from '../../src/pipeline/run.js'
import type { RawInputs } from '../../src/settings/inputs.js'
import { parseSettings } from '../../src/settings/settings.js'
import { createHuggingFaceSource } from '../../src/source/huggingface.js'
import type { PaperSource } from '../../src/source/source.js'
import { createMemoryLog } from './memory-log.js'
import type { TestClock } from './test-clock.js'
import { recordingPublisher } from './recording-publisher.js'

/**
 * The files src/'s pipeline writes for `inputs` in files mode on an empty blog, asking the Hugging Face
 * stand-in at `hfUrl`; `byDay` hides the source's periods (`week=`, `month=`), so that every day is asked
 * with `date=`, as a daily run asks.
 */
export async function digestFiles(
  inputs: RawInputs,
  { hfUrl, clock, byDay }: { hfUrl: string; clock: TestClock; byDay: boolean },
): Promise<{ files: FileChange[]; warnings: string[] }> {
  const { publisher, published } = recordingPublisher()
  const client = createHuggingFaceSource({ baseUrl: hfUrl, userAgent: 'test', clock })
  const source: PaperSource = byDay ? { fetchDay: (day) => client.fetchDay(day) } : client
  const settings = parseSettings({ mode: 'files', ...inputs }, { clock, workspace: '/unused' })
  const log = createMemoryLog()
  await runDigest(settings, { source, publisher, log, clock })
  return { files: published.flatMap((changes) => changes.files), warnings: log.warnings }
}
