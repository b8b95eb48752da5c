#!/usr/bin/env node
// npm run demo: the main job on a bundled example. Reviews the demo pull request
// (scripts/demo-repo.mjs) with the bundled CLI and prints the comment the action would post on it
// and the exit code the gate would give.
import { reviewDemo } from './demo-repo.mjs'

const r = reviewDemo('comment')
console.log(
  `# Demo: the pull request that changes ${r.hardened.slice(0, 7)} (hardened) into ${r.widened.slice(0, 7)} (widened)\n`,
)
process.stdout.write(r.output)
if (r.stderr) process.stderr.write(r.stderr)
console.log(
  `\n(the check would exit with status ${r.status}: ${r.status === 0 ? 'pass' : r.status === 1 ? 'gate failed' : 'error'})`,
)
