/**
 * The action in this process, through ActionPorts: what each input refuses, which events it
 * reviews, the annotations it hands the runner, and the sticky comment trimmed to GitHub's limit.
 * Real git repositories and the local GitHub API server (every request and response checked
 * against GitHub's OpenAPI description); the end-to-end tests of the bundled action
 * (e2e.test.ts, events.test.ts) see the same runs as workflow commands.
 */
import { basename, dirname } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ANNOTATIONS_PER_LEVEL, type Annotation } from '../../src/action/annotations.js'
import { actionPorts } from '../../src/action/ports.js'
import { OPTIONS } from '../../src/options/option-table.js'
import { COMMENT_LIMIT } from '../../src/report/comment.js'
import { md, SHOWN_MAX } from '../../src/report/escape.js'
import { runInProcess, runInProcessOn } from '../helpers/in-process.js'
import { UNIT, commentsOn, openPullRequest, type TestPullRequest } from '../helpers/pull-request.js'

/** A value each input refuses. */
const REFUSED: Readonly<Record<string, string>> = {
  'systemd-version': '249',
  paths: 'units/**\n!',
  'fail-on-capability-widening': 'maybe',
  'fail-on-new-waiver': 'sometimes',
  'max-exposure': 'high',
  'max-exposure-increase': '0.25',
  'fail-on-regression': 'nope',
  'fail-on-invalid-unit': '2',
  'fail-on-unreadable-unit': 'enabled',
  'allow-capabilities': 'CAP_KILL\nCAP_NOPE',
  'template-suffixes': 'notify',
  'template-placeholders': '@user@',
  comment: 'sticky',
  'review-comments': 'both',
  'sarif-file': '../outside.sarif',
}

/** Inputs that take any text: nothing to refuse when the run starts. */
const ANY_TEXT: Readonly<Record<string, string>> = {
  'github-token': 'GitHub refuses a wrong token, and the run says so',
  'working-directory': 'one that is no checkout fails the step once the run looks (working-directory.test.ts)',
}

describe('settings: a bad value of any input fails the step before anything else, naming the input', () => {
  const inputs = Object.values(OPTIONS)
    .map((o) => o.input)
    .filter((i): i is string => i !== null)

  it('has a refused value for every input that can refuse one', () => {
    expect(inputs.filter((i) => !(i in REFUSED) && !(i in ANY_TEXT))).toEqual([])
    expect(Object.keys(REFUSED).filter((i) => !inputs.includes(i))).toEqual([])
  })

  it('each refusal is the only thing the run does: the message names the input and echoes the value', async () => {
    for (const [input, value] of Object.entries(REFUSED)) {
      const r = await runInProcess({
        workspace: '/nonexistent',
        event: 'push',
        payload: {},
        inputs: { [input]: value },
      })
      expect(r.failed, input).toHaveLength(1)
      expect(r.failed[0], input).toMatch(new RegExp(`^input '${input}' must `))
      const echoed = input === 'allow-capabilities' ? 'CAP_NOPE' : input === 'paths' ? '!' : value
      expect(r.failed[0], input).toContain(`'${echoed}'`)
      expect([r.log.length, r.gitHubClients, Object.keys(r.outputs), r.annotations, r.report], input).toEqual([
        1,
        0,
        [],
        [],
        null,
      ])
    }
  })
})

describe('events', () => {
  let pr: TestPullRequest
  beforeAll(async () => {
    pr = await openPullRequest(
      { 'units/api.service': UNIT() },
      { 'units/api.service': UNIT('AmbientCapabilities=CAP_NET_RAW\nCapabilityBoundingSet=CAP_NET_RAW\n') },
    )
  })
  afterAll(() => pr.cleanup())

  it('pull_request and pull_request_target review the pull request and comment on it', async () => {
    const r = await runInProcessOn(pr)
    expect(r.outputs['verdict']).toBe('fail')
    expect(r.failed).toEqual([expect.stringMatching(/api\.service now holds CAP_NET_RAW/)])
    expect([r.report!.base.rev, r.report!.head.rev]).toEqual([pr.mergeBase, pr.head])
    expect(commentsOn(pr)).toHaveLength(1)

    // pull_request_target runs on the base branch: GITHUB_SHA is its tip, not a merge commit.
    const target = await runInProcessOn(pr, { event: 'pull_request_target', env: { GITHUB_SHA: pr.base } })
    expect(target.outputs['verdict']).toBe('fail')
    expect(target.report!.head.rev).toBe(pr.head)
    expect(commentsOn(pr)).toHaveLength(1) // edited, not added
    pr.server.assertNoViolations()
  })

  it('push and merge_group compare their two commits, with no request to GitHub', async () => {
    const before = pr.server.requests.length
    const push = await runInProcessOn(pr, { event: 'push', payload: { before: pr.base, after: pr.head } })
    const queued = await runInProcessOn(pr, {
      event: 'merge_group',
      payload: { merge_group: { base_sha: pr.base, head_sha: pr.head } },
    })
    for (const r of [push, queued]) {
      expect(r.outputs['verdict']).toBe('fail')
      expect([r.report!.base.rev, r.report!.head.rev]).toEqual([pr.base, pr.head])
      expect(r.failed).toHaveLength(1)
    }
    expect(push.log.map((l) => l.message)).toContain(
      `systemd-exposure: comparing ${pr.base} (the branch before the push) with ${pr.head}`,
    )
    expect(pr.server.requests.length).toBe(before)
  })

  it('workflow_dispatch and an event about none of them have nothing to compare: a notice, the step passes', async () => {
    for (const [event, payload] of [
      ['workflow_dispatch', { inputs: {} }],
      ['release', { action: 'published', release: { tag_name: 'v1' } }],
    ] as const) {
      const r = await runInProcessOn(pr, { event, payload })
      expect(r.log, event).toEqual([
        {
          level: 'notice',
          message: `systemd-exposure has nothing to compare on this ${event} event (it is not about a pull request, a merge group or a push), so it does nothing.`,
        },
      ])
      expect([r.outputs, r.gitHubClients], event).toEqual([{}, 0])
    }
  })

  it('a payload it cannot review fails the step with the reason, and asks GitHub nothing', async () => {
    const before = pr.server.requests.length
    const cases: [string, object, string][] = [
      ['merge_group', { merge_group: { head_sha: pr.head } }, 'the merge_group payload has no base_sha and head_sha'],
      ['push', { ref: 'refs/heads/main' }, 'the push payload has no before and after commits'],
      [
        'pull_request',
        { pull_request: { base: { sha: pr.base }, head: { sha: pr.head } } },
        'the pull_request payload has a pull request without a number',
      ],
    ]
    for (const [event, payload, why] of cases) {
      const r = await runInProcessOn(pr, { event, payload })
      expect(r.failed, event).toEqual([`systemd-exposure cannot review this ${event} event: ${why}.`])
      expect([r.outputs, r.gitHubClients], event).toEqual([{}, 0])
    }
    expect(pr.server.requests.length).toBe(before)
  })
})

describe('annotations', () => {
  let pr: TestPullRequest | undefined
  afterEach(async () => {
    await pr?.cleanup()
    pr = undefined
    vi.restoreAllMocks()
  })

  /** What the real port writes for each annotation: the workflow commands the runner reads. */
  function asRunnerReadsThem(annotations: readonly Annotation[]): string[] {
    const written: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk))
      return true
    })
    const port = actionPorts()
    for (const a of annotations) port.annotate(a)
    vi.restoreAllMocks()
    return written
      .join('')
      .split(/\r?\n/)
      .filter((l) => l !== '')
  }

  it('sit on the file and line, under the checkout directory; at most 10 of a level, the rest counted', async () => {
    const base: Record<string, string> = {}
    const head: Record<string, string> = {}
    for (let i = 0; i < ANNOTATIONS_PER_LEVEL + 2; i++) {
      base[`units/s${i}.service`] = UNIT('PrivateNetwork=yes\n')
      head[`units/s${i}.service`] = UNIT(
        'PrivateNetwork=no\nAmbientCapabilities=CAP_KILL\nCapabilityBoundingSet=CAP_KILL\n',
      )
    }
    // A capability the workflow accepts is a notice.
    base['units/ok.service'] = UNIT()
    head['units/ok.service'] = UNIT(
      'AmbientCapabilities=CAP_NET_BIND_SERVICE\nCapabilityBoundingSet=CAP_NET_BIND_SERVICE\n',
    )
    pr = await openPullRequest(base, head)
    // The checkout in a directory of the workspace, as actions/checkout's `path` puts it.
    const r = await runInProcessOn(pr, {
      inputs: { 'working-directory': basename(pr.workspace), 'allow-capabilities': 'ok.service:CAP_NET_BIND_SERVICE' },
      env: { GITHUB_WORKSPACE: dirname(pr.workspace) },
    })
    const dir = basename(pr.workspace)
    const levels = (level: string) => r.annotations.filter((a) => a.level === level)
    expect(levels('error')).toHaveLength(ANNOTATIONS_PER_LEVEL)
    expect(levels('warning')).toHaveLength(ANNOTATIONS_PER_LEVEL)
    expect(levels('notice')).toEqual([
      {
        level: 'notice',
        file: `${dir}/units/ok.service`,
        line: 9,
        title: 'ok.service now holds CAP_NET_BIND_SERVICE at start',
        message: expect.stringMatching(/\(accepted: .*ok\.service:CAP_NET_BIND_SERVICE/),
      },
    ])
    expect(levels('error')[0]).toMatchObject({ file: `${dir}/units/s0.service`, line: 10 })
    expect(levels('warning')).toContainEqual(
      expect.objectContaining({
        file: `${dir}/units/s0.service`,
        line: 9,
        title: 's0.service: PrivateNetwork= got worse',
      }),
    )
    // Every finding on a line of head: the widenings nothing accepts, the accepted one, the regressions.
    const findings = r.report!.services.flatMap((s) => [
      ...s.capabilities.widened.filter((w) => w.line !== null && !w.removedLine),
      ...s.regressions.filter((x) => x.line !== null && !x.removedLine),
    ])
    expect(findings.length).toBeGreaterThan(2 * ANNOTATIONS_PER_LEVEL + 1)
    expect(r.log).toContainEqual({
      level: 'notice',
      message: `${findings.length - r.annotations.length} more findings are in the job summary (GitHub shows 10 annotations of each kind per step).`,
    })
    const commands = asRunnerReadsThem(r.annotations)
    expect(commands).toHaveLength(r.annotations.length)
    expect(commands[0]).toBe(
      `::error title=s0.service now holds CAP_KILL at start,file=${dir}/units/s0.service,line=10::${r.annotations[0]!.message}`,
    )
  })

  it('quote hostile pull-request text clipped, and as one workflow command each that carries nothing else', async () => {
    // (%% is a literal % in a unit file: %0A reaches the annotation as it would a URL decoder.)
    const hostile = `/usr/bin/api %%0A::set-output name=verdict::pass,line=1::error::forged ${'x'.repeat(3 * SHOWN_MAX)}`
    pr = await openPullRequest(
      { 'units/api.service': UNIT() },
      { 'units/api.service': UNIT(`ExecStartPre=+/bin/sh -c "${hostile}"\n`) },
    )
    const r = await runInProcessOn(pr)
    expect(r.outputs['verdict']).toBe('fail')
    expect(r.annotations.length).toBeGreaterThan(0)
    for (const a of r.annotations) {
      expect(a.file).toBe('units/api.service')
      expect(a.title.length).toBeLessThanOrEqual(SHOWN_MAX)
      expect(a.message.length).toBeLessThanOrEqual(2 * SHOWN_MAX)
    }
    expect(r.annotations.some((a) => `${a.title} ${a.message}`.includes('::set-output'))).toBe(true)
    const commands = asRunnerReadsThem(r.annotations)
    // One line each, every one the annotation's own command: the quoted text starts none.
    expect(commands).toHaveLength(r.annotations.length)
    for (const [i, line] of commands.entries())
      expect(line.startsWith(`::${r.annotations[i]!.level} title=`), line).toBe(true)
    // The runner decodes %25, %3A and %2C in properties: the title reads as written, nothing more.
    expect(commands[0]).toMatch(
      / title=api\.service runs ExecStartPre=\+\/bin\/sh -c "\/usr\/bin\/api %25%250A%3A%3Aset-output name=verdict%3A%3Apass%2Cline=1%3A%3Aerror%3A%3Aforged x+…x+" with full privileges \(\+ prefix\)%3A uid 0 and all 41 capabilities%2C outside the sandbox,file=units\/api\.service,line=9::/,
    )
  })
})

describe('the sticky comment within 65,536 characters', () => {
  let pr: TestPullRequest | undefined
  afterEach(async () => {
    await pr?.cleanup()
    pr = undefined
  })

  it('keeps the verdict and the regressions when everything else must go; the job summary has the rest', async () => {
    const HARDENED =
      'PrivateNetwork=yes\nProtectSystem=strict\nProtectHome=yes\nPrivateTmp=yes\nPrivateDevices=yes\nProtectKernelTunables=yes\nProtectControlGroups=yes\nRestrictRealtime=yes\n'
    const base: Record<string, string> = {}
    const head: Record<string, string> = {}
    for (let i = 0; i < 150; i++) {
      const name = `fleet/svc-${String(i).padStart(3, '0')}.service`
      base[name] = UNIT(HARDENED)
      head[name] = UNIT()
    }
    pr = await openPullRequest(base, head)
    const r = await runInProcessOn(pr, { inputs: { 'fail-on-regression': 'true' } })
    expect(r.outputs['verdict']).toBe('fail')
    const failures = r.report!.failures
    expect(failures).toHaveLength(150)
    expect(failures.every((f) => f.kind === 'regression')).toBe(true)

    const [comment] = commentsOn(pr)
    const body = comment!.body
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(body).toContain("Some detail was left out to fit GitHub's comment limit")
    expect(body).toContain(`❌ **systemd-exposure: fail** — 150 gate failures: ${md(failures[0]!.message)} …`)
    // Every regression is still there: by its failure message, or counted after the last one shown.
    const shown = failures.filter((f) => body.includes(md(f.message)))
    expect(shown.length).toBeGreaterThan(0)
    expect(shown.length === failures.length || body.includes(`… and ${failures.length - shown.length} more.`)).toBe(
      true,
    )
    expect(failures[0]!.message).toMatch(/regressed on .*PrivateNetwork=/)
    // The rows themselves are counted where their table was left out.
    const rows = r.report!.services.reduce((n, s) => n + s.regressions.length, 0)
    expect(body).toContain(`${rows} settings got worse`)
    expect(r.summary!.length).toBeGreaterThan(body.length)
    expect(r.summary).toContain(md(failures[149]!.message))
    pr.server.assertNoViolations()
  })
})
