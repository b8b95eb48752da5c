/**
 * End to end: which files changed comes from git (with a checkout) or from the two commits'
 * trees (without), never from GitHub's lists alone — a comparison may leave its file list out
 * (red team A34), and a pull request's own list is of its newest head, not necessarily the one
 * the event is about (A35).
 */
import { existsSync, rmSync } from 'node:fs'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DIST, prFiles, shallowCheckout, treeContents } from '../helpers/action-run.js'
import { UNIT, openPullRequest, runOn, type TestPullRequest } from '../helpers/pull-request.js'

let pr: TestPullRequest | undefined
afterEach(async () => {
  await pr?.cleanup()
  pr = undefined
})
beforeAll(() => {
  if (!existsSync(DIST)) throw new Error('dist/index.js is missing: run npm run bundle')
})

const WIDE = UNIT('AmbientCapabilities=CAP_SYS_ADMIN\nCapabilityBoundingSet=CAP_SYS_ADMIN\n')

const failsOnTheWidening = (r: Awaited<ReturnType<typeof runOn>>) => {
  expect(r.code).toBe(1)
  expect(r.outputs).toMatchObject({ verdict: 'fail', 'capabilities-widened': '1' })
  expect(r.stdout).toMatch(/::error::systemd-exposure: api\.service now holds CAP_SYS_ADMIN at start/)
}

describe.each(['head', 'none'] as const)('with checkout: %s', (checkout) => {
  const source = checkout === 'none' ? 'the two trees list them' : 'git lists them'

  it('a comparison without a file list is not "nothing changed"', async () => {
    pr = await openPullRequest({ 'units/api.service': UNIT() }, { 'units/api.service': WIDE }, { checkout })
    pr.server.state.addComparison({ base: pr.base, head: pr.head, mergeBase: pr.mergeBase, omitFiles: true })
    const r = await runOn(pr)
    failsOnTheWidening(r)
    expect(r.stdout).toContain(`systemd-exposure: 1 files changed, as ${source} (GitHub's comparison listed no files)`)
    expect(pr.server.count('pulls/list-files')).toBe(0)
    pr.server.assertNoViolations()
  })

  it("a run for an older head is not judged by the pull request's newer file list", async () => {
    // The head the event is about widens api.service among 300 other files (GitHub's comparison
    // lists the first 300); the pull request has moved on to a head that undoes the widening.
    const docs: Record<string, string> = {}
    for (let i = 0; i < 300; i++) docs[`docs/p${String(i).padStart(3, '0')}.md`] = `${i}\n`
    pr = await openPullRequest({ 'units/api.service': UNIT() }, { ...docs, 'units/api.service': WIDE }, { checkout })
    const eventHead = pr.head
    pr.server.state.addComparison({
      base: pr.base,
      head: eventHead,
      mergeBase: pr.mergeBase,
      files: prFiles(pr.origin, pr.base, eventHead),
    })
    const newer = pr.origin.commit({ 'units/api.service': UNIT() }, 'undo')
    const pull = pr.server.state.pulls.get(7)!
    pull.fields.head.sha = newer
    pull.files = prFiles(pr.origin, pr.base, newer)
    for (const [p, c] of Object.entries(treeContents(pr.origin, newer))) pr.server.state.setFile(newer, p, c)

    const r = await runOn(pr)
    failsOnTheWidening(r)
    expect(r.stdout).toContain(
      `systemd-exposure: 301 files changed, as ${source} (GitHub's comparison listed only its first 300 files)`,
    )
    expect(pr.server.count('pulls/list-files')).toBe(0)
    pr.server.assertNoViolations()
  })
})

it('a rename with edits that GitHub lists is paired without a checkout too', async () => {
  pr = await openPullRequest(
    { 'old/api.service': WIDE },
    { 'old/api.service': null, 'new/api.service': `${WIDE}PrivateTmp=yes\n` },
    { checkout: 'none' },
  )
  const r = await runOn(pr)
  expect(r.code).toBe(0)
  expect(r.outputs).toMatchObject({ verdict: 'pass', 'services-changed': '1', 'capabilities-widened': '0' })
  expect(r.stdout).toMatch(/api\.service: [0-9.]+ → [0-9.]+ \(renamed\)/)
  // The checkout reads it the same way.
  rmSync(pr.workspace, { recursive: true, force: true })
  pr.workspace = shallowCheckout(pr.origin, pr.head)
  const fromGit = await runOn(pr)
  expect(fromGit.stdout).toMatch(/api\.service: [0-9.]+ → [0-9.]+ \(renamed\)/)
})
