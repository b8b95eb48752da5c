/** Reports too large for GitHub keep what a reviewer must see (red team A05, A06). */
import { describe, expect, it } from 'vitest'
import { jobSummary, SUMMARY_LIMIT_BYTES } from '../../src/action/job-summary.js'
import type { DiffReport } from '../../src/diff/report.js'
import { commentBody, COMMENT_LIMIT } from '../../src/report/comment.js'
import { cut } from '../../src/report/fit.js'
import { review, TIGHT_UNIT } from '../helpers/review.js'

const SELF_WAIVED = TIGHT_UNIT(
  '# systemd-exposure: allow ALL -- temporary, tracked in the ops board\nAmbientCapabilities=CAP_SYS_ADMIN\nCapabilityBoundingSet=CAP_SYS_ADMIN\n',
)
const MARK = 'It passes because this pull request adds a waiver for CAP_SYS_ADMIN at `units/api.service:9`.'
const link = (f: string, l: number | null) => `https://github.com/o/r/blob/x/${f}#L${l}`

/** `n` copies of the report's first unit under other names, each failing (a fleet-wide change). */
function fleet(r: DiffReport, n: number, name: (i: number) => string): DiffReport {
  const s = r.services[0]!
  const services = Array.from({ length: n }, (_, i) => ({
    ...s,
    unit: `${name(i)}.service`,
    path: `${name(i)}/x.service`,
  }))
  const failures = services.map((x) => ({
    kind: 'capability-widening' as const,
    unit: x.unit,
    path: x.path,
    message: `${x.unit} now holds CAP_KILL at start (AmbientCapabilities=, ${x.path}:9)`,
  }))
  return { ...r, verdict: 'fail', services, failures }
}

describe('size limits', () => {
  it('an error that echoes a huge value is clipped: the comment keeps every section and the self-waiver mark', () => {
    const r = review(
      { 'units/api.service': TIGHT_UNIT() },
      {
        'units/api.service': SELF_WAIVED,
        'units/zz-wip.service': `[Service]\nExecStart=todo/${'&'.repeat(300_000)}\n`,
      },
    )
    expect(r.verdict).toBe('pass')
    const { body, trimmed } = commentBody(r, 'k', { link, previous: null, summaryUrl: null })
    expect(trimmed).toBe(false)
    expect(body.length).toBeLessThan(20_000)
    expect(body).toContain(MARK)
    expect(body).toContain('(waiver added by this change)')
    expect(body).toMatch(/### Units that could not be assessed\n\n- `units\/zz-wip\.service`: .*…/)
    const summary = jobSummary(r, { link })
    expect(summary.complete).toBe(true)
    expect(Buffer.byteLength(summary.markdown)).toBeLessThan(20_000)
  })

  it('a comment over the limit even in compact form keeps the verdict, the mark and the failures (as many as fit, then a count)', () => {
    // Names of invisible characters, shown as escapes (\u{200b}): even 20 rows of each table are too much.
    const r = fleet(
      review({ 'units/api.service': TIGHT_UNIT() }, { 'units/api.service': SELF_WAIVED }),
      3000,
      (i) => `${'\u200b'.repeat(290)}${i}`,
    )
    const { body, trimmed } = commentBody(r, 'k', {
      link,
      previous: null,
      summaryUrl: 'https://github.com/o/r/actions/runs/1',
      summaryComplete: false,
    })
    expect(trimmed).toBe(true)
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(body.length).toBeGreaterThan(COMMENT_LIMIT / 2)
    expect(body).not.toContain('| Service |')
    expect(body).toMatch(
      /^<!-- systemd-exposure:comment k -->\n<!-- systemd-exposure:state fail head=a{40} -->\n❌ \*\*systemd-exposure: fail\*\* — 3000 gate failures: /,
    )
    expect(body).toContain(
      '⚠️ This pull request accepts its own widening: it adds a waiver for CAP_SYS_ADMIN at `units/api.service:9`.',
    )
    const failures = body
      .slice(body.indexOf('### Why it fails\n\n') + 18)
      .split('\n\n')[0]!
      .split('\n')
    const shown = failures.length - 1
    expect(shown).toBeGreaterThanOrEqual(5)
    // Each message clipped (its first 200 characters shown, escaped for Markdown), then a count.
    for (const f of failures.slice(0, -1)) expect(f.startsWith(`- ${'\\\\u\\{200b\\}'.repeat(200)}…`)).toBe(true)
    expect(body).toContain(`- … and ${3000 - shown} more.`)
    // The summary was cut too: the comment does not claim it has everything.
    expect(body).toContain(
      "the [job summary](https://github.com/o/r/actions/runs/1) has more, and the JSON report (the step's `report-path` output) all of it.",
    )
  })

  it('the job summary is measured in bytes (UTF-8), as GitHub limits it, and says where the rest is', () => {
    // Under 1 MiB in UTF-16 units, far over it in bytes: CJK names take three bytes a character.
    const r = fleet(
      review({ 'units/api.service': TIGHT_UNIT() }, { 'units/api.service': SELF_WAIVED }),
      700,
      (i) => `${'界'.repeat(280)}${i}`,
    )
    const full = jobSummary({ ...r, services: r.services.slice(0, 1), failures: r.failures.slice(0, 1) }, { link })
    expect(full.complete).toBe(true)
    const summary = jobSummary(r, { link })
    expect(summary.complete).toBe(false)
    expect(Buffer.byteLength(summary.markdown)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
    expect(summary.markdown).toContain("the JSON report (the step's `report-path` output) has all of it")
    expect(summary.markdown).not.toMatch(/\/tmp|RUNNER_TEMP|\.json/)
    expect(summary.markdown).toContain('⚠️ This pull request accepts its own widening')
  })

  it('cuts at a character boundary, in characters or bytes', () => {
    expect(cut('a😀b', { max: 2, unit: 'characters' })).toBe('a')
    expect(cut('a😀b', { max: 3, unit: 'characters' })).toBe('a😀')
    expect(cut('a界b', { max: 3, unit: 'bytes' })).toBe('a')
    expect(cut('a界b', { max: 4, unit: 'bytes' })).toBe('a界')
  })
})
