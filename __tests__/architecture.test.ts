import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, posix } from 'node:path'
import ts from 'typescript'

/**
 * The layers of src/: each stage may import the core and the stages before it, never a later one, and
 * no folders import each other in a circle. `refresh` rewrites earlier posts through the publisher;
 * `entry` is the pipeline, its steps and what runs it (the action, the CLI). Imports are read with TypeScript's own scanner: static, dynamic, type-only and re-exports alike.
 */
const STAGES = [
  'core',
  'settings',
  'source',
  'enrich',
  'digest',
  'publish',
  'refresh',
  'report',
  'entry',
] as const
type Stage = (typeof STAGES)[number]

/** Files at the top of src/ wait for a folder; until then, this says which layer each belongs to. */
const TOP_LEVEL: Record<string, Stage> = {
  'log.ts': 'core',
  'types.d.ts': 'core',
  'version.ts': 'core',
  'zod.ts': 'core',
  'cli.ts': 'entry',
  'command-line.ts': 'entry',
  'index.ts': 'entry',
  'main.ts': 'entry',
  'model-summaries.ts': 'entry',
  'node-version.ts': 'entry',
  'pipeline.ts': 'entry',
  'stages.ts': 'entry',
  'stop-on-old-node.ts': 'entry',
}

/**
 * Today's imports against the layers, each `importer -> imported` (paths under src/). The move into
 * src/core/ and the stage folders removes them; this list then empties, and the test keeps it empty.
 * A listed import that no longer exists fails the test too, so that the list only ever shrinks.
 */
const ALLOWED_FOR_NOW = new Set<string>([
  // The PathKind type is declared where the settings use it; it belongs beside pathKind() in core/.
  'core/path-kind.ts -> settings/environment.ts',
  // The settings check the digest's field names and languages: that vocabulary belongs in core/.
  'settings/settings.ts -> digest/fields.ts',
  // The report reads the pipeline's result types, which belong in core/ (or the report's own folder).
  'report/outputs.ts -> pipeline.ts',
  'report/summary.ts -> model-summaries.ts',
  'report/summary.ts -> pipeline.ts',
])

const SRC = join(process.cwd(), 'src')
const sources = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.ts'))
  .map((path) => path.split('\\').join('/'))
  .sort()

function stageOf(path: string): Stage {
  const folder = path.split('/')[0]!
  if (!path.includes('/')) {
    const stage = TOP_LEVEL[path]
    if (stage === undefined) throw new Error(`src/${path} is in no layer: add it to TOP_LEVEL`)
    return stage
  }
  if (!(STAGES as readonly string[]).includes(folder)) throw new Error(`src/${folder}/ is no stage`)
  return folder as Stage
}

/** The folder a file lives in, or the file itself at the top of src/ (where each is its own unit). */
const unitOf = (path: string) => (path.includes('/') ? path.split('/')[0]! : path)

/** Every relative import of `path`, as paths under src/. */
function importsOf(path: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(SRC, path), 'utf8'), true, true)
  return importedFiles
    .map((file) => file.fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => posix.join(dirname(path), specifier).replace(/\.js$/, '.ts'))
}

const imports = sources.flatMap((importer) => importsOf(importer).map((imported) => ({ importer, imported })))
const edge = ({ importer, imported }: { importer: string; imported: string }) => `${importer} -> ${imported}`

describe('the layers of src/', () => {
  it('reads every import and resolves it to a file of src/', () => {
    expect(sources.length).toBeGreaterThan(50)
    expect(imports.length).toBeGreaterThan(100)
    expect(imports.filter(({ imported }) => !sources.includes(imported)).map(edge)).toEqual([])
  })

  it('import nothing from a later stage, beyond the list of what the move removes', () => {
    const backwards = imports
      .filter(
        ({ importer, imported }) => STAGES.indexOf(stageOf(importer)) < STAGES.indexOf(stageOf(imported)),
      )
      .map(edge)
    expect(backwards.filter((line) => !ALLOWED_FOR_NOW.has(line))).toEqual([])
    expect([...ALLOWED_FOR_NOW].filter((line) => !backwards.includes(line))).toEqual([])
  })

  it('have no import cycle between folders', () => {
    const graph = new Map<string, Set<string>>()
    for (const { importer, imported } of imports) {
      const [from, to] = [unitOf(importer), unitOf(imported)]
      // An allowed import goes backwards, so it closes any circle it is part of: listed once is enough.
      if (from === to || ALLOWED_FOR_NOW.has(edge({ importer, imported }))) continue
      graph.set(from, (graph.get(from) ?? new Set()).add(to))
    }
    expect(cyclesOf(graph)).toEqual([])
  })
})

/** The strongly connected groups of more than one unit (Tarjan's algorithm), each sorted. */
function cyclesOf(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const cycles: string[][] = []
  const visit = (unit: string) => {
    index.set(unit, index.size)
    low.set(unit, index.get(unit)!)
    stack.push(unit)
    for (const next of graph.get(unit) ?? []) {
      if (!index.has(next)) {
        visit(next)
        low.set(unit, Math.min(low.get(unit)!, low.get(next)!))
      } else if (stack.includes(next)) {
        low.set(unit, Math.min(low.get(unit)!, index.get(next)!))
      }
    }
    if (low.get(unit) !== index.get(unit)) return
    const group: string[] = []
    for (let member = stack.pop()!; ; member = stack.pop()!) {
      group.push(member)
      if (member === unit) break
    }
    if (group.length > 1) cycles.push(group.sort())
  }
  for (const unit of graph.keys()) if (!index.has(unit)) visit(unit)
  return cycles
}
