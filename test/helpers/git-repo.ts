/** Real git repositories for tests: write files, commit, get the commit id. */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** A file's content, a symbolic link (`{ link: '../foo.service' }`), or null to delete it. */
export type FileSpec = string | Uint8Array | { readonly link: string } | null

export interface TestRepo {
  readonly dir: string
  git(...args: string[]): string
  /** Writes (string/bytes), links or deletes (null) files, then commits; returns the commit id. */
  commit(files: Record<string, FileSpec>, message?: string): string
  write(files: Record<string, FileSpec>): void
  cleanup(): void
}

export function makeRepo(): TestRepo {
  const dir = mkdtempSync(join(tmpdir(), 'sdx-test-repo-'))
  const git = (...args: string[]): string =>
    execFileSync('git', ['-C', dir, ...args], {
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@t.invalid',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@t.invalid',
      },
    }).trim()
  git('init', '-q', '-b', 'main')
  const write = (files: Record<string, FileSpec>): void => {
    for (const [p, content] of Object.entries(files)) {
      const full = join(dir, p)
      rmSync(full, { force: true, recursive: true })
      if (content === null) continue
      mkdirSync(dirname(full), { recursive: true })
      if (typeof content === 'object' && 'link' in content) symlinkSync(content.link, full)
      else writeFileSync(full, content)
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
