#!/usr/bin/env node
import { runCli } from './cli/main.js'
import { tuneV8ForShortRuns } from './cli/v8-tuning.js'

tuneV8ForShortRuns()
void runCli(process.argv.slice(2)).then((status) => {
  process.exitCode = status
})
