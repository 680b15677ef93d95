// Jest's node environment, with the test file's global object an ordinary one. Jest's own puts a Proxy
// behind the global that vm contextifies, so every read of a global (`String`, `Object`, `JSON`) in src/
// and its packages goes through an interceptor and a proxy trap, ~30 times slower than a plain read:
// markdownlint's micromark calls `String.fromCharCode` per character and ran 70% slower in a test than
// outside. vm.constants.DONT_CONTEXTIFY gives the new context an ordinary global; everything else is jest's.
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
