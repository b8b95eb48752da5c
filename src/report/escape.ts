/**
 * Escaping for text that comes from a pull request (unit names, paths, values, commands, reasons)
 * in GitHub Markdown: it must render as the literal text, keep tables and links whole, and ping,
 * reference or link nothing.
 *
 * GitHub renders Markdown with cmark-gfm (its autolink extension links `www.…`, `https://…` and
 * e-mail addresses — even written with `\@` or `&#64;`, since it works on the text after escapes
 * are read), then runs filters on the HTML's text nodes: @mentions (users and teams), issue
 * references (`#1`, `GH-1`, `owner/repo#1`), emoji shortcodes. A backslash or a character
 * reference cannot stop those filters: they see the decoded text (github/cmark-gfm#181,
 * github/markup#1168, openjdk/skara#1548). Two things do:
 *  - text inside `<code>` (and `<pre>`, `<a>`) is skipped by every filter, and cmark-gfm's
 *    autolinks do not look into a Markdown code span: names and paths are code spans (`code()`);
 *  - in prose (`md()`), an invisible WORD JOINER (U+2060) after `@`, `#` and `:`, inside `www.`
 *    and `GH-`, so no filter's pattern matches, as dependabot, renovate and others do with a
 *    zero-width space; the word joiner also keeps the text from breaking across lines there.
 * Every piece of text is clipped (src/text/visible.ts) before it is escaped, so one value cannot
 * fill a comment, and invisible characters are shown as escapes.
 */
import { clip, visible } from '../text/visible.js'

/** Code points of one piece of pull-request text shown (the JSON report keeps all of it). */
export const SHOWN_MAX = 300

const WJ = '\u2060'

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * ASCII punctuation (CommonMark lets a backslash escape each), but what HTML needs as entities
 * and `$`: GitHub's math does not honour `\$`; its documentation wraps a literal `$` in a span.
 */
const PUNCTUATION = /[!#%()*+,\-./:;=?@[\\\]^_`{|}~]/g

/** Literal text in Markdown, inline (table cells included): no syntax, link, mention or reference. */
export function md(text: string, max = SHOWN_MAX): string {
  return visible(clip(text, max))
    .replace(PUNCTUATION, (c) => `\\${c}${c === '@' || c === '#' || c === ':' ? WJ : ''}`)
    .replace(/[&<>"']/g, (c) => HTML[c]!)
    .replace(/\$/g, () => '<span>$</span>')
    .replace(/(www)(\\\.)/gi, `$1${WJ}$2`)
    .replace(/(?<![A-Za-z0-9_])(gh)(\\-)/gi, `$1${WJ}$2`)
}

/**
 * Literal text as inline code: Markdown code spans, which nothing inside is parsed in — no link,
 * autolink, mention, reference, emphasis or HTML — and which a link's text cannot end. Only a
 * `|` would end a table cell (GFM splits rows before anything else, code spans included), so it
 * is written between code spans as `\|`, which reads as `|` in a table and outside one.
 */
export function code(text: string, max = SHOWN_MAX): string {
  // Names and paths are shown as they are: a newline or a byte that is not text, escaped.
  const shown = visible(clip(text, max))
  if (shown === '') return codeSpan('')
  return shown
    .split('|')
    .map((part) => (part === '' ? '' : codeSpan(part)))
    .join('\\|')
}

function codeSpan(text: string): string {
  // A fence longer than any run of backticks inside; a space on both sides when the text begins
  // or ends with a backtick or a space (CommonMark strips one space from each side).
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  const pad = /^[` ]|[` ]$/.test(text) && text.trim() !== '' ? ' ' : ''
  return text === '' ? '` `' : `${fence}${pad}${text}${pad}${fence}`
}

/**
 * Literal text as inline code inside raw HTML (a `<details>` block, where Markdown is not parsed):
 * an HTML `<code>` element, which GitHub's mention and reference filters skip.
 */
export function htmlCode(text: string, max = SHOWN_MAX): string {
  return `<code>${visible(clip(text, max)).replace(/[&<>"']/g, (c) => HTML[c]!)}</code>`
}

/**
 * A link destination: every character outside a URL's plain set percent-encoded (UTF-8), so
 * neither a `)`, a space nor a `<` can end the link or start another construct.
 */
export function linkTarget(url: string): string {
  return url.replace(/[^A-Za-z0-9\-._~:/?#=&%+,;@]/gu, (c) =>
    [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  )
}

/** Text for a fenced code block: no fence can be closed from inside. */
export function fenced(text: string, info = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${info}\n${text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')}\n${fence}`
}
