/**
 * Escaping for text that comes from a pull request (unit names, paths, values, reasons): it must
 * render as the literal text in GitHub Markdown and HTML, in table cells, and ping no one.
 */
const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Literal text in Markdown (inline, table cells included). */
export function md(text: string): string {
  // Backslash escapes first: the entities added afterwards contain '#' and must stay intact.
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, (c) => `\\${c}`)
    .replace(/[&<>"']/g, (c) => HTML[c]!)
    .replace(/@/g, '&#64;')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\u0000-\u001f\u007f]/g, '')
}

/** Literal text as inline code (HTML <code>, so backticks and pipes in it are harmless). */
export function code(text: string): string {
  const body = text
    .replace(/[&<>"']/g, (c) => HTML[c]!)
    .replace(/\|/g, '&#124;')
    .replace(/@/g, '&#64;')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\u0000-\u001f\u007f]/g, '')
  return `<code>${body}</code>`
}

/** Text for a fenced code block: no fence can be closed from inside. */
export function fenced(text: string, info = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${info}\n${text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')}\n${fence}`
}
