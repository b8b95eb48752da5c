#!/usr/bin/env node
// npm run demo: the main job on a bundled example. Builds a git repository from
// examples/demo/ (a realistic service, hardened in one commit, widened in the next), runs
// `systemd-exposure diff --format comment` between the two commits with the bundled CLI, and
// prints the comment the action would post on the pull request and the exit code the gate would give.
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const examples = join(root, 'examples', 'demo')
const repo = mkdtempSync(join(tmpdir(), 'systemd-exposure-demo-'))
const git = (...args) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim()

try {
  git('init', '-q', '-b', 'main')
  const commits = []
  for (const step of readdirSync(examples).sort()) {
    rmSync(join(repo, 'deploy'), { recursive: true, force: true })
    cpSync(join(examples, step), repo, { recursive: true })
    git('add', '-A')
    git('-c', 'user.name=Demo', '-c', 'user.email=demo@example.invalid', 'commit', '-q', '-m', step)
    commits.push(git('rev-parse', 'HEAD'))
  }
  const [, hardened, widened] = commits
  console.log(`# Demo: the pull request that changes ${hardened.slice(0, 7)} (hardened) into ${widened.slice(0, 7)} (widened)\n`)
  const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'diff', '--format', 'comment', '--base', hardened, '--head', widened], {
    cwd: repo,
    encoding: 'utf8',
  })
  process.stdout.write(r.stdout)
  if (r.stderr) process.stderr.write(r.stderr)
  console.log(`\n(the check would exit with status ${r.status}: ${r.status === 0 ? 'pass' : r.status === 1 ? 'gate failed' : 'error'})`)
} finally {
  rmSync(repo, { recursive: true, force: true })
}
