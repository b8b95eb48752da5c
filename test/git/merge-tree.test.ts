/**
 * git's merge of a pull request's head into its base in a shallow checkout (GitRepo.mergeTree):
 * the tree `git merge` makes, though the checkout's history stops at the merge base.
 */
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { afterEach, expect, it } from 'vitest'
import { GitRepo } from '../../src/git/git.js'
import { shallowCheckout } from '../helpers/action-run.js'
import { makeRepo, type TestRepo } from '../helpers/git-repo.js'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

/** main and feature off a base with two earlier commits; feature merged into main in origin. */
function branches(
  main: Record<string, string>,
  feature: Record<string, string>,
): { origin: TestRepo; mergeBase: string; base: string; head: string } {
  const origin = makeRepo()
  cleanups.push(() => origin.cleanup())
  origin.commit({ 'a.txt': '1\n' }, 'old')
  const mergeBase = origin.commit({ 'u/x.service': '[Service]\nExecStart=/x\nUser=x\n\n\n\nRestart=always\n' }, 'base')
  origin.git('checkout', '-q', '-b', 'feature')
  const head = origin.commit(feature, 'feature')
  origin.git('checkout', '-q', 'main')
  const base = origin.commit(main, 'main')
  return { origin, mergeBase, base, head }
}

/** A checkout as the action gets it: shallow, with just the three commits fetched. */
function shallow(origin: TestRepo, ...shas: string[]): GitRepo {
  const ws = shallowCheckout(origin, shas[0]!)
  cleanups.push(() => rmSync(ws, { recursive: true, force: true }))
  const repo = new GitRepo(ws)
  repo.fetchCommits(shas.slice(1))
  return repo
}

it('builds the tree git merge builds, from a history cut at the merge base', () => {
  const { origin, mergeBase, base, head } = branches(
    { 'u/x.service': '[Service]\nExecStart=/x\nUser=x\n\n\n\nRestart=no\n' },
    {
      'u/x.service.d/a.conf': '[Service]\nUser=root\n',
      'u/x.service': '[Service]\nExecStart=/x --v\nUser=x\n\n\n\nRestart=always\n',
    },
  )
  origin.git('merge', '-q', '--no-edit', 'feature')
  const merged = origin.git('rev-parse', 'HEAD^{tree}')
  const repo = shallow(origin, base, head, mergeBase)
  expect(repo.isShallow()).toBe(true)
  expect(repo.mergeTree(mergeBase, base, head)).toEqual({ tree: merged })
  // Parents from the commit object, though the shallow history ends at the commit.
  expect(repo.parents(head)).toEqual([mergeBase])
  expect(() =>
    execFileSync('git', ['-C', repo.dir, 'rev-parse', '--verify', `${head}^1`], { stdio: 'ignore' }),
  ).toThrow()
})

it('names the conflicting paths', () => {
  const { origin, mergeBase, base, head } = branches(
    { 'u/x.service': '[Service]\nExecStart=/y\nUser=x\n\n\n\nRestart=always\n' },
    { 'u/x.service': '[Service]\nExecStart=/z\nUser=x\n\n\n\nRestart=always\n' },
  )
  const repo = shallow(origin, base, head, mergeBase)
  expect(repo.mergeTree(mergeBase, base, head)).toEqual({ conflicts: ['u/x.service'] })
})
