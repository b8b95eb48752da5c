/**
 * Inline review comments: each widening and each regression whose responsible line is one a
 * review comment may sit on (a line of the pull request's diff, in head) becomes a comment on
 * that line — what got worse and by how much, in the sticky comment's words (the row's text and
 * the exposure it adds, as `systemd-analyze security` prints them), and the fix: a ```suggestion
 * block when replacing or deleting that one line is exactly the engine-checked fix, else the fix
 * in words. Everything else — removed lines, lines outside the hunks, units without a line —
 * stays in the sticky comment. Pure: the lines come from the patches (action/patch-lines.ts).
 */
import { newWaiverAcceptances } from '../diff/new-waivers.js'
import type { DiffReport, PrivilegeWidening, RowChange, RowFix, ServiceReport } from '../diff/report.js'
import { visible } from '../text/visible.js'
import { code, fenced, md } from './escape.js'
import { acceptedText, fixText, LEVEL } from './markdown.js'
import { shownUnitName } from './unit-name.js'

/** A right-side line of the diff: its text in head and whether the pull request added it. */
export interface DiffLine {
  readonly text: string
  readonly added: boolean
}

/** The lines review comments may sit on, by repository path, then line number in head. */
export type CommentableLines = ReadonlyMap<string, ReadonlyMap<number, DiffLine>>

export interface PlannedComment {
  readonly path: string
  readonly line: number
  readonly body: string
  /** A one-click fix is offered. */
  readonly suggestion: boolean
}

type Item =
  | { readonly kind: 'widening'; readonly s: ServiceReport; readonly w: PrivilegeWidening }
  | { readonly kind: 'regression'; readonly s: ServiceReport; readonly r: RowChange }

/** The hidden first line of every review comment of this action (one key per workflow, job and `paths`). */
export const reviewMarker = (key: string): string => `<!-- systemd-exposure:review ${key} -->`

/** The marker of a comment that said a finding which has since gone: left as it is by later runs. */
export const settledMarker = (key: string): string => `<!-- systemd-exposure:review ${key} settled -->`

/** The paths that have a finding on a line of head: the only files whose patches are needed. */
export function pathsWithFindings(report: DiffReport): Set<string> {
  return new Set([...lineItems(report).keys()].map((k) => k.slice(0, k.lastIndexOf('\0'))))
}

/** How many lines of head have a finding (each would get a comment, were it in the diff). */
export function findingLines(report: DiffReport): number {
  return lineItems(report).size
}

/** What a widening, regression or fix is shown for: findings on a line of head, by `path\0line`. */
function lineItems(report: DiffReport): Map<string, Item[]> {
  const byLine = new Map<string, Item[]>()
  const add = (file: string | null, line: number | null, removed: boolean, item: Item): void => {
    if (file === null || line === null || removed) return
    const k = `${file}\0${line}`
    byLine.set(k, [...(byLine.get(k) ?? []), item])
  }
  for (const s of report.services) {
    for (const w of s.capabilities.widened) {
      // Accepted by a waiver the base already had or by the allow-list: nothing for the author to do.
      if (w.unaccepted.length === 0 && newWaiverAcceptances(w).length === 0) continue
      add(w.file, w.line, w.removedLine, { kind: 'widening', s, w })
    }
    for (const r of s.regressions) add(r.file, r.line, r.removedLine, { kind: 'regression', s, r })
  }
  return byLine
}

/** The review comments for a report, on the lines of `lines` only, in the report's order. */
export function plannedComments(report: DiffReport, lines: CommentableLines, key: string): PlannedComment[] {
  const out: PlannedComment[] = []
  for (const [k, items] of lineItems(report)) {
    const path = k.slice(0, k.lastIndexOf('\0'))
    const line = Number(k.slice(k.lastIndexOf('\0') + 1))
    const here = lines.get(path)?.get(line)
    if (!here) continue
    const replacement = suggestion(items, path, line, lines.get(path)!)
    out.push({ path, line, body: commentText(report, key, items, line, replacement), suggestion: replacement !== null })
  }
  return out
}

function commentText(
  report: DiffReport,
  key: string,
  items: readonly Item[],
  line: number,
  replacement: string | null,
): string {
  // One paragraph per finding.
  const out = [
    reviewMarker(key),
    items
      .map((x) => (x.kind === 'widening' ? wideningText(report, x.s, x.w) : regressionText(report, x.s, x.r, line)))
      .join('\n\n'),
  ]
  if (replacement !== null) {
    // GitHub heads the block "Suggested change" with its one-click button; empty, it deletes the line.
    out.push('', replacement === '' ? '```suggestion\n```' : fenced(replacement, 'suggestion'))
  }
  return out.join('\n') + '\n'
}

function unitText(report: DiffReport, s: ServiceReport): string {
  const score =
    s.before && s.after
      ? ` (${s.before.exposure.toFixed(1)} → ${s.after.exposure.toFixed(1)} ${md(s.after.verdict)})`
      : s.after
        ? ` (${s.after.exposure.toFixed(1)} ${md(s.after.verdict)})`
        : ''
  return `${code(shownUnitName(s, report.systemdVersion))}${score}`
}

function wideningText(report: DiffReport, s: ServiceReport, w: PrivilegeWidening): string {
  const gate =
    w.unaccepted.length > 0
      ? report.gate.failOnCapabilityWidening
        ? ' **This fails the check.**'
        : ''
      : ` Accepted: ${acceptedText(w)}.`
  return `**Privilege widened** (${LEVEL[w.level]}) in ${unitText(report, s)}: ${md(w.what)} — ${md(w.cause)}.${gate}`
}

function regressionText(report: DiffReport, s: ServiceReport, r: RowChange, line: number): string {
  const says = r.description === null ? '' : ` — systemd-analyze security says: ${md(r.description)}`
  const exposure = `exposure ${r.exposureBefore === null ? '—' : r.exposureBefore.toFixed(1)} → ${r.exposureAfter === null ? '—' : r.exposureAfter.toFixed(1)}`
  const fix = r.fix
    ? ` Fix: ${fixText(r.fix, r).replace(new RegExp(`^remove line ${line}$`), 'remove this line')}.`
    : ''
  return `**${code(r.id)} got worse** in ${unitText(report, s)}${says} (${exposure}).${fix}`
}

/** A build template or a template unit's file: its text is not what the engine read. */
const UNIT_TEXT_FILE = /\.(service|socket|mount|swap|conf)$/

/**
 * The text that replaces the commented line ('' deletes it), when that alone is the fix the
 * engine checked for every regression on the line, and a widening on it is undone with them; null
 * otherwise. Never where the edit could break the unit: a line continued from the one before or
 * onto the next (a backslash), a build template or template unit, a value with specifiers or
 * with characters a reader cannot see.
 */
function suggestion(
  items: readonly Item[],
  path: string,
  line: number,
  lines: ReadonlyMap<number, DiffLine>,
): string | null {
  const name = path.slice(path.lastIndexOf('/') + 1)
  const dir = path.slice(0, path.lastIndexOf('/') + 1)
  if (!UNIT_TEXT_FILE.test(name) || path.includes('@')) return null
  if (dir.split('/').some((d) => /\.(in|j2|jinja|jinja2|tmpl)$/.test(d))) return null
  const here = lines.get(line)!
  const before = line === 1 ? '' : lines.get(line - 1)?.text
  if (before === undefined || /\\\s*$/.test(before) || /\\\s*$/.test(here.text)) return null
  const key = /^(\s*)([A-Za-z][A-Za-z0-9]*)\s*=/.exec(here.text)
  if (!key) return null
  const replacements = new Set<string>()
  for (const x of items) {
    if (x.kind === 'widening') continue
    const fix = x.r.fix
    if (!fix || fix.verified !== true) return null
    const r = replacementFor(fix, path, line, key[2]!)
    if (r === null) return null
    replacements.add(r === '' ? '' : `${key[1]}${r}`)
  }
  // A widening alone on a line has no checked fix; two fixes that disagree are no one edit.
  if (replacements.size !== 1) return null
  const text = [...replacements][0]!
  return text.includes('%') || visible(text) !== text ? null : text
}

function replacementFor(fix: RowFix, path: string, line: number, key: string): string | null {
  if (fix.kind === 'remove') {
    const only = fix.remove.length === 1 ? fix.remove[0]! : null
    return only && only.file === path && only.line === line && only.text.startsWith(`${key}=`) ? '' : null
  }
  // One line for a setting that is not a list (a list's fix resets it first: no one-line edit).
  const one = fix.lines.length === 1 ? fix.lines[0]! : null
  return one !== null && one.startsWith(`${key}=`) && one !== `${key}=` ? one : null
}

/** The body an earlier comment of the action gets once its finding has gone. */
export function settledBody(key: string, oldBody: string, head: string): string {
  // The old comment's first line after the marker: the action's own words, escaped when written.
  const said =
    oldBody
      .split('\n')
      .slice(1)
      .find((l) => l.trim() !== '') ?? ''
  return `${settledMarker(key)}\n✅ **No longer applies** as of ${code(head.slice(0, 12))}: systemd-exposure finds nothing on this line now.\n\n<details><summary>What this comment said</summary>\n\n${said}\n\n</details>\n`
}
