#!/usr/bin/env node
// First: an older Node would otherwise fail loading the rest, with a megabyte of minified source.
import '../core/stop-on-old-node.js'

// Node reads a file's source map as it loads it: the CLI loads after this line (dist/cli-main.js.map).
process.setSourceMapsEnabled(true)
// Not awaited: this file is read before the maps are on, and its frame would close every async stack trace.
void import('./start.js')
