#!/usr/bin/env node
import { runCli } from './command-line.js'

process.exitCode = await runCli(process.argv.slice(2), process.env, {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
})
