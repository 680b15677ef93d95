#!/usr/bin/env node
// First, before anything else loads: an older Node would otherwise fail while loading the bundle, with
// a TypeError and a megabyte of minified source instead of a word about the version.
import './stop-on-old-node.js'
import { runCli } from './run.js'
import { mapStacksToSources } from '../core/source-mapped-stacks.js'
import { exitWhenOutputCloses } from '../core/closed-output.js'

mapStacksToSources()
// A reader that stops early (`hf-daily-papers --help | head -1`) has what it wanted: nothing went wrong.
exitWhenOutputCloses(0)
// Not a top-level await: the bundle defines the modules it imports on demand (the model layer, openai)
// after this line, and they must be defined by the time they are imported.
void runCli(process.argv.slice(2), process.env, {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
}).then((code) => {
  process.exitCode = code
})
