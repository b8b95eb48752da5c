/**
 * The comment and the summary for hostile pull-request text, rendered by cmark-gfm as GitHub
 * renders them: every link stays in the repository, no text GitHub's filters read pings, refers
 * or links, and the tables keep their rows.
 */
import { describe, expect, it } from 'vitest'
import { commentBody } from '../../src/report/comment.js'
import { renderMarkdown } from '../../src/report/markdown.js'
import {
  CMARK_AVAILABLE,
  CMARK_MISSING,
  CMARK_REQUIRED,
  filteredText,
  GITHUB_TEXT_PATTERNS,
  renderGfm,
} from '../helpers/cmark.js'
import { review, TIGHT_UNIT } from '../helpers/review.js'

if (!CMARK_AVAILABLE && !CMARK_REQUIRED) console.warn(CMARK_MISSING)

const REPO = 'https://github.com/octo/units/'
/** Links as a careless caller would make them: the path not encoded at all. */
const link = (file: string, line: number | null) => `${REPO}blob/${'a'.repeat(40)}/${file}${line ? `#L${line}` : ''}`

const PING =
  '@octo/security-team @alice #1 GH-7 octo/units#3 user@evil.example www.evil.example https://evil.example/x :white_check_mark: $\\huge{OK}$ ~~struck~~ _em_ **bold** `x` <b>b</b> <!-- c -->'
const DIRS = [
  'p1/x)**APPROVED by security**(',
  'p2/x)(www.evil.example',
  'p3/see www.evil.example and user@evil.example',
  'p4/_approved_ by @octo/security-team #123 GH-7 owner/repo#9',
  'p5/a|b`c<img src=x>](javascript:alert(1))',
  'p6/\u202eevil\u202c\u200b\u2028line\u2029sep\u0085nel\x1b[31m',
  'p7/$\\color{green}{ok}$ :white_check_mark: ~~struck~~',
  'p8/<!-- x',
]

function hostileReport() {
  const base: Record<string, string> = { 'q/cmd.service': TIGHT_UNIT(), 'q/gone.service': TIGHT_UNIT() }
  const head: Record<string, string | null> = {
    'q/cmd.service': TIGHT_UNIT(
      `ExecStartPre=+/usr/bin/notify ${PING}\n# systemd-exposure: allow ALL -- approved by ${PING}\n`,
    ),
    'q/broken.service': `[Service]\nExecStart=approval@evil.example ${PING}\n`,
    'q/gone.service': null,
  }
  DIRS.forEach((d, i) => {
    base[`${d}/api${i}.service`] = TIGHT_UNIT()
    head[`${d}/api${i}.service`] = TIGHT_UNIT('AmbientCapabilities=CAP_KILL\nCapabilityBoundingSet=CAP_KILL\n')
  })
  return review(base, head, { recommend: true })
}

describe.skipIf(!CMARK_AVAILABLE && !CMARK_REQUIRED)('hostile pull-request text, rendered as GitHub renders it', () => {
  const report = hostileReport()
  const bodies = {
    summary: renderMarkdown(report, { link }),
    comment: commentBody(report, 'k', { link, previous: null, summaryUrl: `${REPO}actions/runs/1 (x)` }).body,
  }

  for (const [name, markdown] of Object.entries(bodies)) {
    it(`${name}: links only into the repository, none ended early`, () => {
      const html = renderGfm(markdown)
      const hrefs = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]!)
      expect(hrefs.length).toBeGreaterThan(0)
      for (const href of hrefs) {
        expect(href.startsWith(REPO), href).toBe(true)
        expect(href, 'a link target keeps the whole path').toMatch(/^[^()\s<>]*$/)
      }
      // Each line link is to the unit's own file: the whole directory name is in it.
      expect(hrefs.some((h) => h.includes('p1/x%29%2A%2AAPPROVED%20by%20security%2A%2A%28/api0.service#L'))).toBe(true)
    })

    it(`${name}: no text GitHub's filters read pings, refers, links or shows an emoji`, () => {
      const text = filteredText(renderGfm(markdown))
      for (const [what, pattern] of Object.entries(GITHUB_TEXT_PATTERNS)) expect(text, what).not.toMatch(pattern)
      // The text is still there for a reader: inside code, or with invisible word joiners.
      expect(renderGfm(markdown)).toContain('octo/security-team')
    })

    it(`${name}: no HTML, emphasis or math from the pull request; every row of every table`, () => {
      const html = renderGfm(markdown)
      // (The comment's own hidden markers come first.)
      expect(html.replace(/^(<!-- systemd-exposure:[^>]*-->\n)+/, '')).not.toMatch(
        /<img|<b>|<script|<em>|<del>|<!--|\$\\huge/,
      )
      // Only the tool's own bold: the verdict and "no" in the Accepted column.
      for (const m of html.matchAll(/<strong>([\s\S]*?)<\/strong>/g))
        expect(m[1]).toMatch(/^(systemd-exposure: (pass|fail)|no|not)$/)
      const services = report.services.length
      const widened = report.services.reduce((n, s) => n + s.capabilities.widened.length, 0)
      const rows = [...html.matchAll(/<tr>/g)].length
      // Header rows included: services, widenings (and, in the summary, regressions and advice).
      expect(rows).toBeGreaterThanOrEqual(services + 1 + widened + 1)
      const cellsPerRow = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[dh]/g)].length)
      for (const n of cellsPerRow) expect([4, 6]).toContain(n)
    })
  }
})
