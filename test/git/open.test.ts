/**
 * "No checkout" and "git failed" are different answers: the action falls back to GitHub's API
 * only for the first; the second is an error that names what git said.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { openRepository } from '../../src/action/sources.js'
import { GitError, GitRepo } from '../../src/git/git.js'
import { makeRepo } from '../helpers/git-repo.js'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sdx-open-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

it('opens the repository a subdirectory is in, and remembers its top level', () => {
  const repo = makeRepo()
  cleanups.push(() => repo.cleanup())
  repo.commit({ 'units/a.service': '[Service]\nExecStart=/a\n' })
  const opened = GitRepo.open(join(repo.dir, 'units'))
  expect(opened).not.toBeNull()
  expect(opened!.topLevel()).toBe(repo.git('rev-parse', '--show-toplevel'))
})

it('says there is no repository for a directory outside any, and for a missing directory', () => {
  const dir = tempDir()
  mkdirSync(join(dir, 'plain'))
  expect(GitRepo.open(join(dir, 'plain'))).toBeNull()
  expect(openRepository(join(dir, 'plain'))).toBeNull()
  expect(openRepository(join(dir, 'missing'))).toBeNull()
})

it('reports a git that cannot run as an error, not as "no checkout"', () => {
  const repo = makeRepo()
  cleanups.push(() => repo.cleanup())
  const path = process.env['PATH']
  process.env['PATH'] = tempDir()
  try {
    expect(() => openRepository(repo.dir)).toThrow(GitError)
    expect(() => openRepository(repo.dir)).toThrow(/git rev-parse failed: .*ENOENT/)
  } finally {
    process.env['PATH'] = path
  }
})
