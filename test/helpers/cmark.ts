/**
 * GitHub's Markdown parser, cmark-gfm (Debian/Ubuntu package `cmark-gfm`), with the extensions
 * GitHub enables, and what GitHub's later filters would find in its HTML. Tests that need it skip
 * when it is not installed, saying so — unless SDX_REQUIRE_CMARK=1 (CI), where they fail.
 */
import { spawnSync } from 'node:child_process'

export const CMARK_AVAILABLE = spawnSync('cmark-gfm', ['--version'], { stdio: 'ignore' }).status === 0
export const CMARK_REQUIRED = process.env['SDX_REQUIRE_CMARK'] === '1'
export const CMARK_MISSING =
  'cmark-gfm is not installed: the tests that render Markdown as GitHub does are skipped (apt-get install cmark-gfm; SDX_REQUIRE_CMARK=1 makes them fail instead)'

export function renderGfm(markdown: string): string {
  const r = spawnSync(
    'cmark-gfm',
    ['--unsafe', '-e', 'table', '-e', 'autolink', '-e', 'strikethrough', '-e', 'tagfilter'],
    { input: markdown, encoding: 'utf8', maxBuffer: 1 << 28 },
  )
  if (r.status !== 0) throw new Error(`cmark-gfm failed: ${r.stderr}`)
  return r.stdout
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' }

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES[e] ?? m),
  )
}

/**
 * The text GitHub's filters read: text nodes outside `<code>`, `<pre>` and `<a>` (which the
 * mention, reference and emoji filters skip), entities decoded.
 */
export function filteredText(html: string): string {
  return decode(
    html
      .replace(/<(code|pre|a)\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<[^>]+>/g, ' '),
  )
}

/** What GitHub would turn into a ping, a reference, an emoji or a link in text of its filters. */
export const GITHUB_TEXT_PATTERNS: Readonly<Record<string, RegExp>> = {
  mention: /(?:^|[^A-Za-z0-9_`])@[A-Za-z0-9]/,
  'issue reference': /(?:^|[^A-Za-z0-9_&])#[0-9]/,
  'GH- reference': /(?:^|[^A-Za-z0-9_])GH-[0-9]/i,
  'emoji shortcode': /:[a-z0-9_+-]+:/,
  'bare link': /www\.|[a-z]+:\/\//i,
}
