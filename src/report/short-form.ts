/**
 * The shortest Markdown form of a report, for when even the `compact` detail level is over a size
 * limit (hundreds of units, or text that escapes long): only what must never be lost — the
 * verdict, the mark of waivers the pull request adds for its own widenings, each failure's
 * one-line message (the first `failures`, then a count) — and a note saying where the rest is.
 */
import type { DiffReport } from '../diff/report.js'
import { failureItems, footer, verdictLines, type MarkdownOptions } from './markdown.js'

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

export function renderShort(
  report: DiffReport,
  options: Pick<MarkdownOptions, 'commitLink'> & { readonly failures: number; readonly note: string },
): string {
  const out = verdictLines(report)
  if (report.failures.length > 0) out.push('### Why it fails', '', ...failureItems(report, options.failures), '')
  const s = report.summary
  out.push(
    `${plural(s.servicesChanged, 'unit')} changed, ${plural(s.capabilitiesWidened, 'privilege')} widened and not accepted, ${plural(report.failures.length, 'gate failure')}. ${options.note}`,
    '',
    footer(report, options),
  )
  return out.join('\n') + '\n'
}
