// First: an older Node would otherwise fail loading the rest, with an error about a module it lacks.
import '../core/stop-on-old-node.js'

// Node reads a file's source map as it loads it: the action loads after this line (dist/action.js.map).
process.setSourceMapsEnabled(true)
// Not awaited: this file is read before the maps are on, and its frame would close every async stack trace.
void import('./main.js')
