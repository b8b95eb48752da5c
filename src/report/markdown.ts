/** The diff report as GitHub Markdown: the PR comment body and the CLI's `--format markdown`. */
import { markdownTable } from 'markdown-table'
import type { DiffReport, PrivilegeWidening, RowFix, ServiceReport } from '../diff/report.js'
import { code, fenced, htmlCode, linkTarget, md } from './escape.js'
import { headline, selfWaiverLine } from './headline.js'


/**
 * Detail levels, from most to least: `full`; `no-dropins` leaves out the ready-to-paste drop-ins;
 * `no-regressions` also the regressions table; `compact` also table rows beyond the first 20.
 */
export type Detail = 'full' | 'no-dropins' | 'no-regressions' | 'compact'
export const DETAIL_LEVELS: readonly Detail[] = ['full', 'no-dropins', 'no-regressions', 'compact']

export interface MarkdownOptions {
  /** Links lines to files: `(path, line) => url`; plain text when absent. */
  readonly link?: (path: string, line: number | null) => string | null
  /**
   * How much detail: `full`; `no-regressions` drops the regressions table; `compact` also keeps
   * only the first rows of each table. Used to fit a comment under GitHub's size limit.
   */
  readonly detail?: Detail
  /** A line appended when detail was dropped (e.g. where the full report is). */
  readonly trimmedNote?: string
}

const COMPACT_ROWS = 20

function limit<T>(items: readonly T[], options: MarkdownOptions): { shown: readonly T[]; hidden: number } {
  if (options.detail !== 'compact' || items.length <= COMPACT_ROWS) return { shown: items, hidden: 0 }
  return { shown: items.slice(0, COMPACT_ROWS), hidden: items.length - COMPACT_ROWS }
}

const fmt = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : x.toFixed(1))
const signed = (x: number | null): string => (x === null ? '—' : x > 0 ? `+${x.toFixed(1)}` : x.toFixed(1))

export function renderMarkdown(report: DiffReport, options: MarkdownOptions = {}): string {
  const mark = selfWaiverLine(report)
  const out: string[] = mark ? [headline(report), '', mark, ''] : [headline(report), '']
  const detail = options.detail ?? 'full'
  if (report.services.length > 0) {
    const services = limit(report.services, options)
    out.push(servicesTable(services.shown), '')
    if (services.hidden > 0) out.push(`… and ${services.hidden} more services.`, '')
    const failures = report.failures
    if (failures.length > 0) {
      out.push('### Why it fails', '', ...failures.map((f) => `- ${md(f.message)}`), '')
    }
    const allWidened = report.services.flatMap((s) => s.capabilities.widened.map((w) => ({ s, w })))
    const widened = limit(allWidened, options)
    if (widened.shown.length > 0) out.push('### Privileges widened', '', widenedTable(widened.shown, options), '')
    if (widened.hidden > 0) out.push(`… and ${widened.hidden} more widenings.`, '')
    const regressions = report.services.flatMap((s) => s.regressions.map((r) => ({ s, r })))
    if (regressions.length > 0 && (detail === 'no-regressions' || detail === 'compact')) {
      out.push(`${regressions.length} setting${regressions.length === 1 ? '' : 's'} got worse (details left out for size).`, '')
    } else if (regressions.length > 0) {
      out.push(
        '### Regressions',
        '',
        table([
          ['Service', 'Setting', 'Before', 'After', 'Line', 'Fix'],
          ...regressions.map(({ s, r }) => [
            code(s.unit),
            code(r.id),
            r.before === null ? '—' : `${r.before}/${r.range}`,
            `${r.after}/${r.range}`,
            where(r.file, r.line, r.removedLine, options),
            fixText(r.fix ?? null),
          ]),
        ]),
        '',
      )
    }
    const advised = report.services.filter((s) => s.recommendation !== null)
    if (advised.length > 0) {
      out.push('### Recommended hardening', '')
      out.push(
        table([
          ['Service', 'Now', 'Phases (cumulative predicted exposure)', 'With the drop-in'],
          ...limit(advised, options).shown.map((s) => [
            code(s.unit),
            fmt(s.after?.exposure),
            s.recommendation!.phases.map((p) => `${md(p.name)} → ${p.exposure.toFixed(1)} (${md(p.risk)} risk)`).join('<br>'),
            `${s.recommendation!.predicted.toFixed(1)}`,
        ]),
        ]),
        '',
      )
      if (detail === 'full') {
        for (const s of advised) {
          const r = s.recommendation!
          out.push(
            `<details><summary>${htmlCode(r.dropin.path)} for ${htmlCode(s.unit)} (${fmt(s.after?.exposure)} → ${r.predicted.toFixed(1)})</summary>`,
            '',
            fenced(r.dropin.content, 'ini'),
            '',
            '</details>',
            '',
          )
        }
      }
    }
    const errors = report.services.filter((s) => s.errors.after !== null || s.errors.before !== null || s.unreadable.after !== null || s.unreadable.before !== null)
    if (errors.length > 0) {
      out.push('### Units that could not be assessed', '')
      for (const s of errors) {
        // An unreadable side that was still scored (a build template, conservatively) says why.
        const after = s.errors.after ?? s.unreadable.after
        const before = s.errors.before ?? s.unreadable.before
        if (after) out.push(`- ${code(s.path)}: ${md(after)}`)
        if (before) out.push(`- ${code(s.basePath ?? s.path)} (base): ${md(before)}`)
      }
      out.push('')
    }
  }
  if (report.skipped.length > 0) {
    const skipped = limit(report.skipped, options)
    out.push('### Changed files not reviewed as units', '', ...skipped.shown.map((f) => `- ${code(f.path)}: ${md(f.reason)}`))
    if (skipped.hidden > 0) out.push(`- … and ${skipped.hidden} more.`)
    out.push('')
  }
  if (options.trimmedNote && detail !== 'full') out.push(options.trimmedNote, '')
  out.push(`<sub>Scores as <code>systemd-analyze security</code> of systemd ${md(report.systemdVersion)} computes them · systemd-exposure ${md(report.tool.version)}</sub>`)
  return out.join('\n') + '\n'
}

function servicesTable(services: readonly ServiceReport[]): string {
  return table(
    [
      ['Service', 'Change', 'Before', 'After', 'Δ', 'Verdict'],
      ...services.map((s) => [
        code(s.unit) + (s.status === 'renamed' && s.basePath ? ` (from ${code(s.basePath)})` : ''),
        s.status,
        fmt(s.before?.exposure),
        fmt(s.after?.exposure),
        signed(s.delta),
        s.after ? s.after.verdict : s.errors.after ? 'not loadable' : '—',
      ]),
    ],
    ['l', 'l', 'r', 'r', 'r', 'l'],
  )
}

const LEVEL: Record<PrivilegeWidening['level'], string> = { held: 'held at start', reachable: 'reachable', command: 'elevated command' }

function widenedTable(items: readonly { s: ServiceReport; w: PrivilegeWidening }[], options: MarkdownOptions): string {
  return table([
    ['Unit', 'Level', 'What', 'Cause', 'Line', 'Accepted'],
    ...items.map(({ s, w }) => [
      code(s.unit),
      LEVEL[w.level],
      md(w.what),
      md(w.cause),
      where(w.file, w.line, w.removedLine, options),
      acceptedText(w),
    ]),
  ])
}

function acceptedText(w: PrivilegeWidening): string {
  if (w.accepted.length === 0) return '**no**'
  const reasons = [...new Set(w.accepted.map((a) => a.reason))].map((r) => md(r, REASON_SHOWN_MAX)).join('; ')
  const added = w.accepted.some((a) => a.addedInChange) ? ' (waiver added by this change)' : ''
  if (w.unaccepted.length > 0) return `partly: ${reasons}${added}; **not** ${w.unaccepted.map((u) => code(u)).join(', ')}`
  return `yes: ${reasons}${added}`
}

function fixText(fix: RowFix | null): string {
  if (!fix) return '—'
  if (fix.kind === 'remove') return `remove ${fix.remove.map((l) => code(`${l.file}:${l.line}`)).join(', ')}`
  return `${fix.kind}: ${fix.lines.map((l) => code(l)).join(' ')}`
}

function where(file: string | null, line: number | null, removed: boolean, options: MarkdownOptions): string {
  if (file === null) return '—'
  const label = code(`${file}${line !== null ? `:${line}` : ''}`) + (removed ? ' (removed)' : '')
  const url = removed ? null : options.link?.(file, line) ?? null
  return url ? `[${label}](${linkTarget(url)})` : label
}

/**
 * A GitHub table, its columns not padded to a common width: one long cell (a waiver's reason
 * is free text from the pull request) would otherwise pad every row of the table.
 */
function table(rows: readonly (readonly string[])[], align?: readonly ('l' | 'r')[]): string {
  return markdownTable(rows, { alignDelimiters: false, ...(align ? { align } : {}) })
}

/** Characters of a waiver's reason shown in a table cell; the JSON report keeps all of it. */
const REASON_SHOWN_MAX = 200
