/** Real git repositories for tests: write files, commit, get the commit id. */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export interface TestRepo {
  readonly dir: string
  git(...args: string[]): string
  /** Writes (string/bytes) or deletes (null) files, then commits; returns the commit id. */
  commit(files: Record<string, string | Uint8Array | null>, message?: string): string
  write(files: Record<string, string | Uint8Array | null>): void
  cleanup(): void
}

export function makeRepo(): TestRepo {
  const dir = mkdtempSync(join(tmpdir(), 'sdx-test-repo-'))
  const git = (...args: string[]): string =>
    execFileSync('git', ['-C', dir, ...args], {
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t.invalid' },
    }).trim()
  git('init', '-q', '-b', 'main')
  const write = (files: Record<string, string | Uint8Array | null>): void => {
    for (const [p, content] of Object.entries(files)) {
      const full = join(dir, p)
      if (content === null) rmSync(full, { force: true })
      else {
        mkdirSync(dirname(full), { recursive: true })
        writeFileSync(full, content)
      }
    }
  }
  return {
    dir,
    git,
    write,
    commit(files, message = 'change') {
      write(files)
      git('add', '-A')
      git('commit', '-q', '--allow-empty', '-m', message)
      return git('rev-parse', 'HEAD')
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  }
}
