// Jest's node environment, made cheaper in two ways that change nothing a test sees.
//
// The test file's global object is an ordinary one. Jest's own puts a Proxy behind the global that vm
// contextifies, so every read of a global (`String`, `Object`, `JSON`) in src/ and its packages goes through
// an interceptor and a proxy trap, ~30 times slower than a plain read: markdownlint's micromark calls
// `String.fromCharCode` per character and ran 70% slower in a test than outside. vm.constants.DONT_CONTEXTIFY
// gives the new context an ordinary global; everything else is jest's.
//
// Every module, CommonJS (undici, yaml, graphql, jest's expect) or ES (src/ as ts-jest compiled it, zod,
// micromark), is compiled anew for every test file, each file having its own module registry. A worker
// runs many files: the V8 code cache of a module's first compile, kept for the worker's life, spares the
// others the parse (V8 checks that the source is the same).
import vm from 'node:vm'
import NodeEnvironment from 'jest-environment-node'

export default class PlainGlobalEnvironment extends NodeEnvironment {
  constructor(config, context) {
    // NodeEnvironment creates its context in its constructor, with vm.createContext read at the call.
    const createContext = vm.createContext
    vm.createContext = () => createContext(vm.constants.DONT_CONTEXTIFY)
    try {
      super(config, context)
    } finally {
      vm.createContext = createContext
    }
  }
}

/** Module's name → the source compiled and its V8 code cache. */
const codeCache = new Map()
/** The code cache of the module's first compile in this worker, if its source is the same. */
function cachedCode(name, code) {
  const known = codeCache.get(name)
  return known?.code === code ? known.cachedData : undefined
}

// jest-runtime compiles a CommonJS module with vm.compileFunction and an ES module with
// `new vm.SourceTextModule`, each read at the call.
const compileFunction = vm.compileFunction
vm.compileFunction = (code, params, options = {}) => {
  if (options.filename === undefined || options.cachedData !== undefined) {
    return compileFunction(code, params, options)
  }
  const cachedData = cachedCode(options.filename, code)
  const compiled = compileFunction(code, params, {
    ...options,
    cachedData,
    produceCachedData: cachedData === undefined,
  })
  if (compiled.cachedData !== undefined)
    codeCache.set(options.filename, { code, cachedData: compiled.cachedData })
  return compiled
}

const SourceTextModule = vm.SourceTextModule
vm.SourceTextModule = class CachedSourceTextModule extends SourceTextModule {
  constructor(code, options = {}) {
    const name = options.cachedData === undefined ? options.identifier : undefined
    const cachedData = name === undefined ? undefined : cachedCode(`esm:${name}`, code)
    super(code, cachedData === undefined ? options : { ...options, cachedData })
    // V8 makes a module's code cache only before it is evaluated: right after it is built.
    if (name !== undefined && cachedData === undefined)
      codeCache.set(`esm:${name}`, { code, cachedData: this.createCachedData() })
  }
}
