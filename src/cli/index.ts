#!/usr/bin/env node
// First: an older Node would otherwise fail loading the rest, with a megabyte of minified source.
import '../core/stop-on-old-node.js'

// Loaded after the check, as the action's entry does (src/action/index.ts).
await import('./start.js')
