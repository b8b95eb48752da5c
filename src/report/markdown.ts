/** The diff report as GitHub Markdown: the PR comment body, the job summary and the CLI's `--format markdown`. */
import type { DiffReport, PrivilegeWidening, RowChange, RowFix, ServiceReport } from '../diff/report.js'
import { code, fenced, htmlCode, linkTarget, md } from './escape.js'
import { headline, selfWaiverLine } from './headline.js'
import { MarkdownWriter, OverBudget } from './markdown-writer.js'
import { shownUnitName, templateName } from './unit-name.js'

/**
 * Detail levels, from most to least: `full`; `no-dropins` leaves out the ready-to-paste drop-ins;
 * `no-regressions` also the regressions table; `compact` also the items of every table and list
 * beyond the first 20. (Below `compact`, short-form.ts keeps only what must never be lost.)
 */
export type Detail = 'full' | 'no-dropins' | 'no-regressions' | 'compact'
export const DETAIL_LEVELS: readonly Detail[] = ['full', 'no-dropins', 'no-regressions', 'compact']

export interface MarkdownOptions {
  /** Links lines to files: `(path, line) => url`; plain text when absent. */
  readonly link?: (path: string, line: number | null) => string | null
  /** Links a commit: `sha => url`; plain text when absent. */
  readonly commitLink?: (sha: string) => string
  /** How much detail (default `full`); less to fit a size limit. */
  readonly detail?: Detail
  /** A line appended when detail was dropped (where the rest is). */
  readonly trimmedNote?: string
}

/** Items of each table and list a `compact` report keeps. */
export const COMPACT_ROWS = 20

/** A drop-in longer than this is not shown inline (the JSON report has it). */
const DROPIN_SHOWN_MAX = 4000

/** Characters of a waiver's reason shown in a table cell; the JSON report keeps all of it. */
const REASON_SHOWN_MAX = 200

function limit<T>(items: readonly T[], options: MarkdownOptions): { shown: readonly T[]; hidden: number } {
  if (options.detail !== 'compact' || items.length <= COMPACT_ROWS) return { shown: items, hidden: 0 }
  return { shown: items.slice(0, COMPACT_ROWS), hidden: items.length - COMPACT_ROWS }
}

const fmt = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : x.toFixed(1))
const signed = (x: number | null): string => (x === null ? '—' : x > 0 ? `+${x.toFixed(1)}` : x.toFixed(1))

/** The verdict and, under a failing one, the mark of waivers the pull request adds. */
export function verdictLines(report: DiffReport): string[] {
  const mark = selfWaiverLine(report)
  return mark ? [headline(report), '', mark, ''] : [headline(report), '']
}

/** The failures' one-line messages as list items, the first `max` of them, then a count. */
export function failureItems(report: DiffReport, max: number): string[] {
  const shown = report.failures.slice(0, max).map((f) => `- ${md(f.message)}`)
  const hidden = report.failures.length - shown.length
  return hidden > 0 ? [...shown, `- … and ${hidden} more.`] : shown
}

/** What was reviewed — the head commit (a later push makes the report stale) and the commit it was compared with — and by what. */
export function footer(report: DiffReport, options: Pick<MarkdownOptions, 'commitLink'> = {}): string {
  const commit = (sha: string | null): string => {
    if (sha === null) return 'the work tree'
    const label = code(sha.slice(0, 12))
    return options.commitLink ? `[${label}](${linkTarget(options.commitLink(sha))})` : label
  }
  const reviewed =
    report.head.rev !== null || report.base.rev !== null
      ? `Reviewed ${commit(report.head.rev)}, compared with ${commit(report.base.rev)} · `
      : ''
  return `<sub>${reviewed}Scores as <code>systemd-analyze security</code> of systemd ${md(report.systemdVersion)} computes them${rangeNote(report)} · systemd-exposure ${md(report.tool.version)}</sub>`
}

/** With a fleet range: scores are the oldest version's, the capability gate checked each version. */
function rangeNote(report: DiffReport): string {
  const t = report.systemdTarget
  if (!t) return ''
  return ` (the oldest of the range ${md(t.text)}); capabilities checked on systemd ${md(`${t.versions.slice(0, -1).join(', ')} and ${t.versions.at(-1)}`)}`
}

export function renderMarkdown(report: DiffReport, options: MarkdownOptions = {}): string {
  const out = new MarkdownWriter()
  render(report, options, out)
  return out.text()
}

/** The Markdown if it is at most `budget` UTF-16 units long, else null (found out early). */
export function renderWithin(report: DiffReport, options: MarkdownOptions, budget: number): string | null {
  const out = new MarkdownWriter(budget)
  try {
    render(report, options, out)
  } catch (e) {
    if (e instanceof OverBudget) return null
    throw e
  }
  return out.text()
}

function render(report: DiffReport, options: MarkdownOptions, out: MarkdownWriter): void {
  out.push(...verdictLines(report))
  const detail = options.detail ?? 'full'
  const list = <T>(title: string, items: readonly T[], item: (x: T) => string): void => {
    if (items.length === 0) return
    const { shown, hidden } = limit(items, options)
    out.push(`### ${title}`, '')
    for (const x of shown) out.push(item(x))
    if (hidden > 0) out.push(`- … and ${hidden} more.`)
    out.push('')
  }
  if (report.services.length > 0) {
    const services = limit(report.services, options)
    servicesTable(out, services.shown, report.systemdVersion)
    const templates = services.shown.filter((s) => templateName(s, report.systemdVersion) !== null)
    if (templates.length > 0)
      out.push(
        `<sub>${templates.map((s) => `${code(templateName(s, report.systemdVersion)!)} is analysed as ${code(s.unit)}, the instance systemd-analyze uses for a template.`).join(' ')}</sub>`,
        '',
      )
    out.push('')
    if (services.hidden > 0) out.push(`… and ${services.hidden} more services.`, '')
  }
  // Outside the units' block: a pull request's merge result can fail while its change shows no
  // unit. One failure is said in full by the headline; a list repeats it only when there are more.
  if (report.failures.length > 1) {
    out.push('### Why it fails', '', ...failureItems(report, detail === 'compact' ? COMPACT_ROWS : Infinity), '')
  }
  if (report.services.length > 0) {
    const widened = limit(
      report.services.flatMap((s) => s.capabilities.widened.map((w) => ({ s, w }))),
      options,
    )
    if (widened.shown.length > 0) {
      out.push('### Privileges widened', '')
      widenedTable(out, widened.shown, options)
      out.push('')
    }
    if (widened.hidden > 0) out.push(`… and ${widened.hidden} more widenings.`, '')
    const regressions = report.services.flatMap((s) => s.regressions.map((r) => ({ s, r })))
    if (regressions.length > 0 && (detail === 'no-regressions' || detail === 'compact')) {
      out.push(
        `${regressions.length} setting${regressions.length === 1 ? '' : 's'} got worse (details left out for size).`,
        '',
      )
    } else if (regressions.length > 0) {
      out.push('### Regressions', '')
      regressionsTable(out, regressions, options)
      out.push('')
    }
    // Improvements, briefly: one line per service, the rows that got better and what they gave back.
    const improved = report.services.filter((s) => s.improvements.length > 0)
    if (improved.length > 0 && detail !== 'compact') {
      out.push(
        `**Improved:** ${improved.map((s) => `${code(s.unit)} ${s.improvements.map((r) => `${code(r.id)}${rowGain(r)}`).join(', ')}`).join('; ')}`,
        '',
      )
    }
    const advised = report.services.filter((s) => s.recommendation !== null)
    if (advised.length > 0) {
      out.push('### Recommended hardening', '')
      adviceTable(out, limit(advised, options).shown)
      out.push('')
      if (detail === 'full') for (const s of advised) out.push(...dropinBlock(s))
    }
    list(
      'Units that could not be assessed',
      assessmentErrors(report.services),
      (e) => `- ${code(e.path)}${e.base ? ' (base)' : ''}: ${md(e.why)}`,
    )
    list(
      'Warnings',
      report.services.flatMap((s) => s.warnings.map((w) => ({ s, w }))),
      ({ s, w }) => `- ${code(`${w.file}:${w.line}`)} (${code(s.unit)}): ${md(w.message)}`,
    )
    list(
      'Advice that could not be computed',
      report.services.filter((s) => s.adviceError !== undefined),
      (s) =>
        `- ${code(s.path)} (${code(s.unit)}): ${md(s.adviceError!)}. A bug in systemd-exposure: please report it; the scores and the verdict above do not depend on it.`,
    )
  }
  list('Changed files not reviewed as units', report.skipped, (f) => `- ${code(f.path)}: ${md(f.reason)}`)
  if (options.trimmedNote && detail !== 'full') out.push(options.trimmedNote, '')
  out.push(footer(report, options))
}

/** Why a side of a unit could not be assessed: an unreadable side still scored (a build template, conservatively) says so too. */
function assessmentErrors(services: readonly ServiceReport[]): { path: string; base: boolean; why: string }[] {
  const out: { path: string; base: boolean; why: string }[] = []
  for (const s of services) {
    const after = s.errors.after ?? s.unreadable.after
    const before = s.errors.before ?? s.unreadable.before
    if (after) out.push({ path: s.path, base: false, why: after })
    if (before) out.push({ path: s.basePath ?? s.path, base: true, why: before })
  }
  return out
}

function servicesTable(out: MarkdownWriter, services: readonly ServiceReport[], version: string): void {
  out.table(
    ['Service', 'Change', 'Before', 'After', 'Δ', 'Verdict'],
    services,
    (s) => [
      code(shownUnitName(s, version)) + (s.status === 'renamed' && s.basePath ? ` (from ${code(s.basePath)})` : ''),
      s.status,
      fmt(s.before?.exposure),
      fmt(s.after?.exposure),
      signed(s.delta),
      s.after
        ? s.after.verdict
        : s.assumedUnitFile !== null
          ? 'drop-ins only (unit file not here)'
          : s.errors.after
            ? 'not loadable'
            : '—',
    ],
    ['l', 'l', 'r', 'r', 'r', 'l'],
  )
}

export const LEVEL: Record<PrivilegeWidening['level'], string> = {
  held: 'held at start',
  reachable: 'reachable',
  command: 'elevated command',
}

/** The unit column, left out when every row is of the one unit the services table names. */
function unitColumn<T extends { s: ServiceReport }>(
  items: readonly T[],
  title: string,
): { header: string[]; cell: (item: T) => string[] } {
  const one = new Set(items.map((x) => x.s)).size === 1
  return one ? { header: [], cell: () => [] } : { header: [title], cell: (x) => [code(x.s.unit)] }
}

function widenedTable(
  out: MarkdownWriter,
  items: readonly { s: ServiceReport; w: PrivilegeWidening }[],
  options: MarkdownOptions,
): void {
  const unit = unitColumn(items, 'Unit')
  out.table([...unit.header, 'Level', 'What', 'Cause', 'Line', 'Accepted'], items, (x) => [
    ...unit.cell(x),
    LEVEL[x.w.level],
    md(x.w.what),
    md(x.w.cause),
    where(x.w.file, x.w.line, x.w.removedLine, options),
    acceptedText(x.w),
  ])
}

function regressionsTable(
  out: MarkdownWriter,
  items: readonly { s: ServiceReport; r: RowChange }[],
  options: MarkdownOptions,
): void {
  // In systemd-analyze security's own terms: the row's text and the exposure it adds.
  const unit = unitColumn(items, 'Service')
  out.table([...unit.header, 'Setting', 'systemd-analyze says', 'Exposure', 'Line', 'Fix'], items, (x) => [
    ...unit.cell(x),
    code(x.r.id),
    x.r.description === null ? '—' : md(x.r.description),
    `${x.r.exposureBefore === null ? '—' : x.r.exposureBefore.toFixed(1)} → ${x.r.exposureAfter === null ? '—' : x.r.exposureAfter.toFixed(1)}`,
    where(x.r.file, x.r.line, x.r.removedLine, options),
    fixText(x.r.fix ?? null, x.r),
  ])
}

/** What a row that got better gives back, in the EXPOSURE column's terms (" −0.3"). */
function rowGain(r: RowChange): string {
  const gain = (r.exposureBefore ?? 0) - (r.exposureAfter ?? 0)
  return gain > 0 ? ` −${gain.toFixed(1)}` : ''
}

function adviceTable(out: MarkdownWriter, advised: readonly ServiceReport[]): void {
  out.table(['Service', 'Now', 'Phases (cumulative predicted exposure)', 'With the drop-in'], advised, (s) => [
    code(s.unit),
    fmt(s.after?.exposure),
    s.recommendation!.phases.map((p) => `${md(p.name)} → ${p.exposure.toFixed(1)} (${md(p.risk)} risk)`).join('<br>'),
    `${s.recommendation!.predicted.toFixed(1)}`,
  ])
}

/** The ready-to-paste drop-in, folded; one too long to paste from a comment is left to the JSON report. */
function dropinBlock(s: ServiceReport): string[] {
  const r = s.recommendation!
  const summary = `<details><summary>${htmlCode(r.dropin.path)} for ${htmlCode(s.unit)} (${fmt(s.after?.exposure)} → ${r.predicted.toFixed(1)})</summary>`
  const body =
    r.dropin.content.length <= DROPIN_SHOWN_MAX
      ? fenced(r.dropin.content, 'ini')
      : `The drop-in has ${r.dropin.content.split('\n').length} lines: too long to show here; the JSON report has it.`
  return [summary, '', body, '', '</details>', '']
}

export function acceptedText(w: PrivilegeWidening): string {
  if (w.accepted.length === 0) return '**no**'
  const reasons = [...new Set(w.accepted.map((a) => a.reason))].map((r) => md(r, REASON_SHOWN_MAX)).join('; ')
  const added = w.accepted.some((a) => a.addedInChange) ? ' (waiver added by this change)' : ''
  if (w.unaccepted.length > 0)
    return `partly: ${reasons}${added}; **not** ${w.unaccepted.map((u) => code(u)).join(', ')}`
  return `yes: ${reasons}${added}`
}

/**
 * The fix in words: which lines to delete, or the setting to write — a list setting written in a
 * drop-in needs an empty assignment first to replace, not extend, what the unit has.
 */
export function fixText(fix: RowFix | null, r: RowChange): string {
  if (!fix) return '—'
  if (fix.kind === 'remove') {
    const lines = fix.remove.map((l) => (l.file === r.file ? `line ${l.line}` : code(`${l.file}:${l.line}`)))
    return `remove ${lines.join(', ')}`
  }
  const reset = fix.lines.length > 1 && /^[A-Za-z]+=$/.test(fix.lines[0]!) ? fix.lines[0]! : null
  const values = reset === null ? fix.lines : fix.lines.slice(1)
  const verb = fix.kind === 'narrow' ? 'narrow to' : r.removedLine ? 'restore' : 'set back to'
  const written = values.length === 0 ? `${code(fix.lines[0]!)} (empty)` : values.map((l) => code(l)).join(' ')
  const after = reset !== null ? ` after an empty ${code(reset)}` : ''
  return `${verb} ${written}${after}`
}

function where(file: string | null, line: number | null, removed: boolean, options: MarkdownOptions): string {
  if (file === null) return '—'
  const at = line !== null ? `:${line}` : ''
  const url = removed ? null : (options.link?.(file, line) ?? null)
  // A linked line shows its file's name only (the link has the path): tables stay narrow.
  if (url) return `[${code(`${file.slice(file.lastIndexOf('/') + 1)}${at}`)}](${linkTarget(url)})`
  return code(`${file}${at}`) + (removed ? ' (removed)' : '')
}
