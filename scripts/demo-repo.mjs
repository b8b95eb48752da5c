// The bundled example as a pull request: a git repository built from examples/demo/ (a
// realistic service, hardened in one commit, widened in the next) and the bundled CLI's review of
// the last two commits. Used by `npm run demo` and `npm run picture`.
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '..')

/** `systemd-exposure diff --format FORMAT` of the demo pull request: its output, exit status and commits. */
export function reviewDemo(format = 'comment') {
  const examples = join(ROOT, 'examples', 'demo')
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
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'dist', 'cli.js'), 'diff', '--format', format, '--base', hardened, '--head', widened],
      {
        cwd: repo,
        encoding: 'utf8',
      },
    )
    return { hardened, widened, output: r.stdout, stderr: r.stderr, status: r.status }
  } finally {
    rmSync(repo, { recursive: true, force: true })
  }
}
