#!/usr/bin/env node
// The systemd-exposure CLI: runs cli.cjs (built from src/cli.ts by scripts/bundle.mjs).
import module from 'node:module'

module.enableCompileCache?.()
module.createRequire(import.meta.url)('./cli.cjs')
