/**
 * A report's Markdown within a size limit: the most detail that fits (markdown.ts's levels), else
 * the short form with as many failure messages as fit, else — text that escapes to more than the
 * limit even so — the short form cut at a character boundary. GitHub counts a comment in
 * characters and a job summary in bytes (UTF-8), so the limit says which it is.
 */
import type { DiffReport } from '../diff/report.js'
import { COMPACT_ROWS, DETAIL_LEVELS, renderWithin, type Detail, type MarkdownOptions } from './markdown.js'
import { renderShort } from './short-form.js'

export interface SizeLimit {
  readonly max: number
  /** `characters`: UTF-16 units, never fewer than the code points GitHub counts. */
  readonly unit: 'characters' | 'bytes'
}

export interface Fitted {
  readonly markdown: string
  /** How much was kept: a detail level, the short form, or the short form cut. */
  readonly detail: Detail | 'short' | 'cut'
}

/** Failure messages the short form tries to keep, most first. */
const SHORT_FAILURES = [COMPACT_ROWS, 10, 5, 1, 0]

export function sizeOf(text: string, unit: SizeLimit['unit']): number {
  return unit === 'bytes' ? Buffer.byteLength(text, 'utf8') : text.length
}

export interface FitOptions extends Pick<MarkdownOptions, 'link' | 'commitLink'> {
  /** Said when detail was left out for the limit. */
  readonly note: string
  readonly limit: SizeLimit
  /**
   * A softer limit for the full report, which a reader should take in at a glance: above it the
   * ready-to-paste drop-ins are left out (and `foldedNote` says where they are) even when the
   * whole would fit `limit`.
   */
  readonly glance?: { readonly max: number; readonly foldedNote: string }
}

export function fitMarkdown(report: DiffReport, options: FitOptions): Fitted {
  const { note, limit, glance, ...links } = options
  const fits = (text: string, max = limit.max): boolean => sizeOf(text, limit.unit) <= max
  let folded = false
  for (const detail of DETAIL_LEVELS) {
    // UTF-16 units never exceed characters or bytes: over the limit in them is over it in both.
    const trimmedNote = folded && detail === 'no-dropins' ? glance!.foldedNote : note
    const markdown = renderWithin(report, { ...links, detail, trimmedNote }, limit.max)
    if (markdown !== null && fits(markdown)) {
      if (detail === 'full' && glance && !fits(markdown, glance.max)) {
        folded = true
        continue
      }
      return { markdown, detail }
    }
  }
  for (const failures of SHORT_FAILURES) {
    const markdown = renderShort(report, { ...links, failures, note })
    if (fits(markdown)) return { markdown, detail: 'short' }
  }
  return { markdown: cut(renderShort(report, { ...links, failures: 0, note }), limit), detail: 'cut' }
}

/** The longest beginning of `text` within the limit that ends at a character (code point) boundary. */
export function cut(text: string, limit: SizeLimit): string {
  let size = 0
  let end = 0
  for (const c of text) {
    size += sizeOf(c, limit.unit)
    if (size > limit.max) break
    end += c.length
  }
  return text.slice(0, end)
}
