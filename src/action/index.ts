// First: an older Node would otherwise fail loading the rest, with an error about a module it lacks.
import '../core/stop-on-old-node.js'

// Loaded after the check, as a file of its own. Stack traces name src/ lines with Node's own source maps,
// when asked for (NODE_OPTIONS=--enable-source-maps): reading the map costs every run ~8 ms of CPU.
await import('./main.js')
