import { readFileSync } from 'node:fs'
import { SourceMap, type SourceMapPayload } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** A bundled file's map and where it lies, which its `sources` are relative to. */
interface BundleMap {
  map: SourceMap
  url: URL
}

/**
 * Makes every stack trace name the src/… line of each frame in a bundled file (dist/…js with its map
 * beside it) instead of a column of the minified bundle. Node's own support (--enable-source-maps,
 * process.setSourceMapsEnabled) reads the map of every module as it loads, which held the action's
 * first request back by about 8 ms; here a map is read only when a stack through its file is formatted,
 * so a run that formats no stack pays nothing.
 */
export function mapStacksToSources(): void {
  const maps = new Map<string, BundleMap | undefined>()
  const mapOf = (file: string) => {
    if (!maps.has(file)) maps.set(file, readBundleMap(file))
    return maps.get(file)
  }
  Error.prepareStackTrace = (error, sites) =>
    [errorLine(error), ...sites.map((site) => sourceFrame(site, mapOf))].join('\n    at ')
}

/** The frame as V8 writes it, its bundle location replaced by the source's when the map knows it. */
function sourceFrame(site: NodeJS.CallSite, mapOf: (file: string) => BundleMap | undefined): string {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- V8's CallSite has its own, which @types/node leaves out
  const frame = site.toString()
  const [file, line, column] = [site.getFileName(), site.getLineNumber(), site.getColumnNumber()]
  if (!file || line === null || column === null) return frame
  const bundle = mapOf(file)
  const entry = bundle?.map.findEntry(line - 1, column - 1)
  if (bundle === undefined || entry === undefined || !('originalSource' in entry)) return frame
  const source = fileURLToPath(new URL(entry.originalSource, bundle.url))
  return frame.replace(
    `${file}:${line}:${column}`,
    `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`,
  )
}

/** `file.map` beside a bundled file (a path or file: URL), or undefined when it has none. */
function readBundleMap(file: string): BundleMap | undefined {
  if (!/\.js$/.test(file) || !(file.startsWith('file:') || file.startsWith('/'))) return undefined
  const url = new URL(`${file.startsWith('file:') ? file : pathToFileURL(file).href}.map`)
  try {
    return { map: new SourceMap(JSON.parse(readFileSync(url, 'utf8')) as SourceMapPayload), url }
  } catch {
    return undefined
  }
}

/** `Name: message`, as V8 starts a stack; never throws, whatever was thrown. */
function errorLine(error: Error): string {
  try {
    return Error.prototype.toString.call(error)
  } catch {
    return '<error>'
  }
}
