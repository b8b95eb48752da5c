#!/usr/bin/env node
import { runCli } from './cli/main.js'
import { tuneV8ForShortRuns } from './cli/v8-tuning.js'

// Measured for `score` (see v8-tuning.ts); the other commands keep V8's defaults.
if (process.argv[2] === 'score') tuneV8ForShortRuns()
void runCli(process.argv.slice(2)).then((status) => {
  process.exitCode = status
})
