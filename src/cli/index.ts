#!/usr/bin/env node
// First, before anything else loads: an older Node would otherwise fail while loading the rest, with a
// TypeError and a megabyte of minified source instead of a word about the version.
import '../core/stop-on-old-node.js'

// Node reads a file's source map as it loads the file, once maps are enabled: the CLI loads after this
// line, so that its stack traces name src/… lines (dist/cli-main.js.map).
process.setSourceMapsEnabled(true)
// Not awaited: this file is read before the maps are on, and its frame would close every async stack trace.
void import('./start.js')
