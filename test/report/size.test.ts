/**
 * A reviewer reads the comment in ten seconds: for the bundled demo and for a one-line widening,
 * the whole comment (marker and all) stays under 4,000 characters, with detail folded.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { commentBody } from '../../src/report/comment.js'
import { review } from '../helpers/review.js'

const DEMO = new URL('../../examples/demo/', import.meta.url).pathname

function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else files[relative(dir, p)] = readFileSync(p, 'utf8')
    }
  }
  walk(dir)
  return files
}

/** The comment as the action posts it, with links as the action makes them. */
const posted = (report: Parameters<typeof commentBody>[0]): string =>
  commentBody(report, 'a1b2c3d4e5f6', {
    previous: null,
    summaryUrl: 'https://github.com/octo/units/actions/runs/4242',
    link: (file, line) => `https://github.com/octo/units/blob/${'a'.repeat(40)}/${file}${line ? `#L${line}` : ''}`,
    commitLink: (sha) => `https://github.com/octo/units/commit/${sha}`,
  }).body

describe('the size of the comment', () => {
  it('is under 4,000 characters for the bundled demo', () => {
    const [hardened, widened] = ['2-hardened', '3-widened'].map((s) => tree(join(DEMO, s)))
    const changes: Record<string, string | null> = { ...widened }
    for (const p of Object.keys(hardened!)) if (!(p in widened!)) changes[p] = null
    const report = review(hardened!, changes, { recommend: true })
    expect(report.verdict).toBe('fail')
    const body = posted(report)
    expect(body.length).toBeLessThan(4000)
    // The regressions stay; the drop-in, folded anyway, is one click away in the job summary.
    expect(body).toContain('### Regressions')
    expect(body).not.toContain('```ini')
    expect(body).toContain(
      'The ready-to-paste drop-ins are in the [job summary](https://github.com/octo/units/actions/runs/4242).',
    )
  })

  it('is under 4,000 characters for a one-line widening', () => {
    const unit = (extra = '') =>
      `[Unit]\nDescription=api\n\n[Service]\nExecStart=/usr/bin/api\nUser=api\nNoNewPrivileges=yes\n${extra}`
    const report = review(
      { 'units/api.service': unit() },
      { 'units/api.service': unit('AmbientCapabilities=CAP_NET_ADMIN\n') },
      { recommend: true },
    )
    expect(report.verdict).toBe('fail')
    const body = posted(report)
    expect(body.length).toBeLessThan(4000)
    expect(body).toContain('### Privileges widened')
  })
})
