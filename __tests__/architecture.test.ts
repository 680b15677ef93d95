import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, posix } from 'node:path'
import ts from 'typescript'

/**
 * The layers of src/: each stage may import the core and the stages before it, never a later one, and
 * no folders, and no files, import each other in a circle. `refresh` rewrites earlier posts through the
 * publisher; `entry` is what runs the pipeline (the action, the CLI). Imports are read with TypeScript's
 * own scanner: static, dynamic, type-only and re-exports alike.
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
  'pipeline',
  'entry',
] as const
type Stage = (typeof STAGES)[number]

/** The folders that run the pipeline: the action and the CLI, neither importing the other. */
const ENTRY_FOLDERS = ['action', 'cli']

/** Files at the top of src/ and the layer each belongs to: none today, a new one must be given one. */
const TOP_LEVEL: Record<string, Stage> = {}

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
  if (ENTRY_FOLDERS.includes(folder)) return 'entry'
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

  it('import nothing from a later stage', () => {
    const backwards = imports
      .filter(
        ({ importer, imported }) => STAGES.indexOf(stageOf(importer)) < STAGES.indexOf(stageOf(imported)),
      )
      .map(edge)
    expect(backwards).toEqual([])
  })

  it('let neither entry import the other', () => {
    const across = imports
      .filter(({ importer }) => ENTRY_FOLDERS.includes(unitOf(importer)))
      .filter(({ imported }) => ENTRY_FOLDERS.includes(unitOf(imported)))
      .filter(({ importer, imported }) => unitOf(importer) !== unitOf(imported))
      .map(edge)
    expect(across).toEqual([])
  })

  it('have no import cycle between folders', () => {
    // The search finds a cycle where there is one, and only the units in it.
    const known = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a', 'd'])],
    ])
    expect(cyclesOf(known)).toEqual([['a', 'b', 'c']])

    const graph = new Map<string, Set<string>>()
    for (const { importer, imported } of imports) {
      const [from, to] = [unitOf(importer), unitOf(imported)]
      if (from === to) continue
      graph.set(from, (graph.get(from) ?? new Set()).add(to))
    }
    expect(cyclesOf(graph)).toEqual([])
  })

  it('have no import cycle between files, type-only imports included', () => {
    const graph = new Map<string, Set<string>>()
    for (const { importer, imported } of imports) {
      graph.set(importer, (graph.get(importer) ?? new Set()).add(imported))
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
