#!/usr/bin/env node
// npm run picture: docs/demo-comment.png, the comment the action posts on the demo pull request
// (scripts/demo-repo.mjs) as GitHub shows it — rendered by cmark-gfm, GitHub's Markdown parser,
// with GitHub's Markdown styles (github-markdown-css), inside a comment frame, screenshotted by
// headless Chromium. Needs Debian's `cmark-gfm` and `chromium` packages (or CHROMIUM=path).
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { reviewDemo, ROOT } from './demo-repo.mjs'

const out = join(ROOT, 'docs', 'demo-comment.png')
const review = reviewDemo('comment')
if (review.status !== 1)
  throw new Error(`the demo should fail the gate, got exit status ${review.status}: ${review.stderr}`)
// The options GitHub's own renderer runs with (its later passes, mentions and emoji, change nothing here).
const html = execFileSync(
  'cmark-gfm',
  ['--unsafe', '-e', 'table', '-e', 'autolink', '-e', 'strikethrough', '-e', 'tagfilter'],
  {
    input: review.output,
    encoding: 'utf8',
  },
)
const css = readFileSync(join(ROOT, 'node_modules', 'github-markdown-css', 'github-markdown-light.css'), 'utf8')
const page = `<!doctype html><html><head><meta charset="utf-8"><style>${css}
body { margin: 0; padding: 16px; background: #fff; font-family: -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
.frame { width: 860px; border: 1px solid #d0d7de; border-radius: 6px; }
.who { background: #f6f8fa; border-bottom: 1px solid #d0d7de; padding: 8px 16px; font-size: 14px; color: #57606a; border-radius: 6px 6px 0 0; }
.who b { color: #1f2328; }
.markdown-body { padding: 16px; font-size: 14px; }
</style></head><body><div class="frame"><div class="who"><b>github-actions</b> bot commented</div>
<div class="markdown-body">${html}</div></div></body></html>`

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' })
try {
  const tab = await browser.newPage({ viewport: { width: 900, height: 600 }, deviceScaleFactor: 1 })
  await tab.setContent(page)
  await tab.locator('.frame').screenshot({ path: out })
} finally {
  await browser.close()
}
console.log(`wrote ${out} (${review.output.length} characters of Markdown)`)
