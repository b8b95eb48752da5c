/**
 * The Markdown the action posts, as whole documents: the sticky comment and the job summary for
 * the reviews a team meets most (a widening, a waiver the change adds, a regression with its
 * fix, a template unit, an improvement, a hostile file name). A change to the wording or layout
 * shows up here as a diff of the golden file; review it, then `npx vitest run -u` to accept.
 */
import { describe, expect, it } from 'vitest'
import type { DiffReport } from '../../src/diff/report.js'
import { commentBody } from '../../src/report/comment.js'
import { renderMarkdown } from '../../src/report/markdown.js'
import { review, TIGHT_UNIT } from '../helpers/review.js'

const WEB = `[Unit]
Description=web front end

[Service]
ExecStart=/usr/bin/web --port 8080
User=web
NoNewPrivileges=yes
PrivateTmp=yes
ProtectSystem=strict
ProtectHome=yes
CapabilityBoundingSet=
RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX
SystemCallFilter=@system-service
`

/** Reviewed as the action reviews: with recommendations and fixes. */
const reviewed = (base: Record<string, string>, changes: Record<string, string | null>): DiffReport =>
  review(base, changes, { recommend: true })

const SCENARIOS: Record<string, () => DiffReport> = {
  widening: () =>
    reviewed(
      { 'units/web.service': WEB },
      {
        'units/web.service': WEB.replace(
          'CapabilityBoundingSet=\n',
          'CapabilityBoundingSet=CAP_NET_BIND_SERVICE CAP_SYS_ADMIN\nAmbientCapabilities=CAP_NET_BIND_SERVICE\n',
        ),
      },
    ),
  'new-waiver': () =>
    reviewed(
      { 'units/web.service': WEB },
      {
        'units/web.service': WEB.replace(
          'CapabilityBoundingSet=\n',
          '# systemd-exposure: allow CAP_NET_BIND_SERVICE -- listens on port 443\nAmbientCapabilities=CAP_NET_BIND_SERVICE\nCapabilityBoundingSet=CAP_NET_BIND_SERVICE\n',
        ),
      },
    ),
  'regression-with-fix': () =>
    reviewed(
      { 'units/web.service': WEB },
      { 'units/web.service': WEB.replace('PrivateTmp=yes\nProtectSystem=strict\n', '') },
    ),
  'template-unit': () =>
    reviewed(
      { 'units/worker@.service': TIGHT_UNIT('ProtectHome=yes\n') },
      {
        'units/worker@.service': TIGHT_UNIT(
          'ProtectHome=no\nAmbientCapabilities=CAP_KILL\nCapabilityBoundingSet=CAP_KILL\n',
        ),
      },
    ),
  improvement: () =>
    reviewed({ 'units/web.service': WEB.replace('ProtectHome=yes\n', '') }, { 'units/web.service': WEB }),
  'hostile-name': () =>
    reviewed(
      {},
      {
        'units/<img src=x onerror=alert(1)> @everyone `x` [a](http:evil) |/__init__\\x2d.service': TIGHT_UNIT(
          'AmbientCapabilities=CAP_SYS_ADMIN\nCapabilityBoundingSet=CAP_SYS_ADMIN\n',
        ),
      },
    ),
}

describe.each(Object.entries(SCENARIOS))('%s', (name, make) => {
  const report = make()

  it('is the review the scenario means', () => {
    expect(report.services.length).toBe(1)
  })

  it('comment', async () => {
    const { body } = commentBody(report, '0123456789ab', {
      previous: null,
      summaryUrl: 'https://github.com/o/r/actions/runs/1',
    })
    await expect(body).toMatchFileSnapshot(`golden/${name}.comment.md`)
  })

  it('job summary', async () => {
    await expect(renderMarkdown(report)).toMatchFileSnapshot(`golden/${name}.summary.md`)
  })
})
