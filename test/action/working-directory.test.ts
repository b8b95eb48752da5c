/** The working-directory input: a directory that is no checkout fails the step naming the fix. */
import { rmSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { TOKEN, prFiles, prPayload, runBundledAction, shallowCheckout, treeContents } from '../helpers/action-run.js'
import { makeRepo } from '../helpers/git-repo.js'
import { startGitHubServer } from '../support/github-server.js'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const UNIT = '[Service]\nExecStart=/usr/bin/api\nUser=api\n'

describe('working-directory', () => {
  it('that is not a checkout fails the step, saying what to set; the default without a checkout reads the API', async () => {
    const origin = makeRepo()
    cleanups.push(() => origin.cleanup())
    const base = origin.commit({ 'units/api.service': UNIT })
    const head = origin.commit({ 'units/api.service': `${UNIT}PrivateTmp=yes\n` })
    const workspace = shallowCheckout(origin, head)
    cleanups.push(() => rmSync(workspace, { recursive: true, force: true }))
    const server = await startGitHubServer({
      owner: 'octo',
      repo: 'units',
      token: TOKEN,
      pulls: [
        {
          number: 7,
          base: { sha: base },
          head: { sha: head },
          mergeBase: { sha: base, behindBy: 0 },
          files: prFiles(origin, base, head),
        },
      ],
    })
    cleanups.push(() => server.close())
    for (const sha of [base, head])
      for (const [p, c] of Object.entries(treeContents(origin, sha))) server.state.setFile(sha, p, c)
    const run = (inputs: Record<string, string>) =>
      runBundledAction({
        workspace,
        apiUrl: server.url,
        event: 'pull_request',
        payload: prPayload(7, base, head),
        inputs: { comment: 'off', ...inputs },
      })

    const wrong = await run({ 'working-directory': 'src/checkout' })
    expect(wrong.code).toBe(1)
    expect(wrong.stdout).toContain(
      `::error::working-directory 'src/checkout' is not a git checkout (${workspace}/src/checkout): set it to where actions/checkout put the repository (its 'path' input), relative to the workspace, or leave it out`,
    )
    expect(server.requests).toEqual([])

    expect((await run({ 'working-directory': './' })).code).toBe(0)
    server.assertNoViolations()
  })
})
