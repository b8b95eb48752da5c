/**
 * Escaping for text that comes from a pull request (unit names, paths, values, reasons): it must
 * render as the literal text in GitHub Markdown and HTML, in table cells, and ping no one.
 */
const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Bidirectional overrides and isolates: they can make a name read as something else. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g

/**
 * Bytes of a path that are not UTF-8 (kept as lone surrogates, src/git/path-bytes.ts) shown as
 * `\xNN`; any other lone surrogate as `\u{…}`: both would otherwise reach GitHub as U+FFFD.
 */
function loneSurrogates(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => {
    const n = c.charCodeAt(0)
    return n >= 0xdc80 && n <= 0xdcff ? `\\x${(n - 0xdc00).toString(16).padStart(2, '0')}` : `\\u{${n.toString(16)}}`
  })
}

/** Control characters as C escapes (`\n`, `\x1b`): a file name can hold any of them. */
function controls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) =>
    c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  )
}

/** Literal text in Markdown (inline, table cells included). */
export function md(text: string): string {
  // Backslash escapes first: the entities added afterwards contain '#' and must stay intact.
  return loneSurrogates(text)
    // (':' too: GitHub turns a bare https://… into a link.)
    .replace(/[\\`*_{}[\]()#+\-.!|~:]/g, (c) => `\\${c}`)
    .replace(/[&<>"']/g, (c) => HTML[c]!)
    .replace(/@/g, '&#64;')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(BIDI, '')
}

/**
 * Literal text as inline code. An HTML <code> element (so backticks and pipes in it are
 * harmless); GitHub still parses Markdown between its tags, so every character that could start
 * a link, an image, emphasis or an autolink (`[`, `!`, `*`, the `:` of `://`, …) is written as a
 * character reference. (`_` stays: it emphasises only whole words, and names are full of it.)
 */
export function code(text: string): string {
  // Names and paths are shown as they are: a newline or a byte that is not text, escaped.
  const body = controls(loneSurrogates(text))
    .replace(BIDI, '')
    .replace(/[&<>"'|@\\`*[\]()#!~]|:(?=\/\/)/g, (c) => HTML[c] ?? `&#${c.charCodeAt(0)};`)
  return `<code>${body}</code>`
}

/** Text for a fenced code block: no fence can be closed from inside. */
export function fenced(text: string, info = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${info}\n${text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')}\n${fence}`
}
