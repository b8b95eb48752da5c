/**
 * The report as a flat list of findings, for the formats that file them one by one in someone
 * else's tool (SARIF for code scanning, GitLab Code Quality): each widening, each regression,
 * each unit that could not be read or loaded, each widening only a pull request's merge result
 * shows, and each gate failure no finding above stands for.
 * Every finding has a stable rule (rules.ts), says whether it fails the gate, where it is, and a
 * fingerprint that does not depend on line numbers, so a finding keeps its identity when lines
 * above it move.
 */
import { createHash } from 'node:crypto'
import { wideningMessage } from '../diff/gate.js'
import { newWaiverAcceptances } from '../diff/new-waivers.js'
import type {
  Acceptance,
  DiffReport,
  MergeWidening,
  PrivilegeWidening,
  RowChange,
  ServiceReport,
} from '../diff/report.js'
import { clip, visible } from '../text/visible.js'
import { SHOWN_MAX } from './escape.js'
import { type FindingRule, ruleForFailure, ruleForLevel, ruleForRow, RULES_FOR_UNITS } from './rules.js'

export interface Finding {
  readonly rule: FindingRule
  /** This finding is one the verdict fails on. */
  readonly gating: boolean
  readonly unit: string
  /** The repository file to point at (in head; in base for a removed unit or line). */
  readonly file: string
  /** The line, when one line is responsible (null: the file as a whole). */
  readonly line: number | null
  /** One sentence, PR text made visible and clipped. */
  readonly message: string
  /** What accepts it (waivers and allow-list entries), when it is accepted. */
  readonly acceptedBy: readonly Acceptance[]
  /** Accepted only by a waiver the change itself adds. */
  readonly acceptedByOwnWaiver: boolean
  /** sha-256 of what identifies the finding apart from where it is. */
  readonly fingerprint: string
}

const MESSAGE_MAX = 2 * SHOWN_MAX

const say = (text: string): string => clip(visible(text), MESSAGE_MAX)

function fingerprint(...parts: readonly (string | number | boolean | null)[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex')
}

/**
 * A repository path as the tool that reads the findings knows it: below `prefix`, where the
 * reviewed repository sits in the one it scans (the action's working-directory; '' or '.': none).
 */
export function underPrefix(file: string, prefix = ''): string {
  const p = prefix.replace(/^\.\/?$/, '').replace(/\/+$/, '')
  return p === '' ? file : `${p}/${file}`
}

export function findings(report: DiffReport): Finding[] {
  const out: Finding[] = []
  for (const s of report.services) {
    for (const w of s.capabilities.widened) out.push(wideningFinding(report, s, w))
    for (const r of s.regressions) out.push(regressionFinding(report, s, r))
    out.push(...unitFindings(report, s))
  }
  // A pull request's merge result: widenings its own change does not show (diff/merge-check.ts).
  const merge = report.comparisons?.mergeResult
  if (merge?.checked) for (const m of merge.widened) out.push(mergeWideningFinding(report, m))
  // Gate failures that no finding above stands for: thresholds on a unit's whole score.
  for (const f of report.failures) {
    if (f.kind !== 'max-exposure' && f.kind !== 'exposure-increase') continue
    out.push({
      rule: ruleForFailure(f.kind),
      gating: true,
      unit: f.unit,
      file: f.path,
      line: null,
      message: say(f.message),
      acceptedBy: [],
      acceptedByOwnWaiver: false,
      fingerprint: fingerprint(f.kind, f.path, f.unit),
    })
  }
  return out
}

function wideningFinding(report: DiffReport, s: ServiceReport, w: PrivilegeWidening): Finding {
  const own = newWaiverAcceptances(w).length > 0
  const gating = w.unaccepted.length > 0 ? report.gate.failOnCapabilityWidening : own && report.gate.failOnNewWaiver
  // A removed line is a line of base: in head the finding belongs to the unit's file.
  const onLine = w.file !== null && w.line !== null && !w.removedLine
  return {
    rule: ruleForLevel(w.level),
    gating,
    unit: s.unit,
    file: onLine ? w.file : s.path,
    line: onLine ? w.line : null,
    message: say(`${wideningMessage(s.unit, w)}: ${w.cause}`),
    acceptedBy: w.unaccepted.length === 0 ? w.accepted : [],
    acceptedByOwnWaiver: w.unaccepted.length === 0 && own,
    fingerprint: fingerprint(
      w.level,
      s.path,
      s.unit,
      [...w.capabilities].sort().join(' '),
      w.root,
      w.command?.directive ?? null,
      w.command?.text ?? null,
    ),
  }
}

/**
 * A privilege the merge result widens and the change does not show. Its line is the merge
 * result's — the commit code scanning files a pull request's results under (`refs/pull/N/merge`)
 * — and the unit's file when the cause is a removed line.
 */
function mergeWideningFinding(report: DiffReport, m: MergeWidening): Finding {
  const w = m.widening
  const onLine = w.file !== null && w.line !== null && !w.removedLine
  return {
    rule: ruleForLevel(w.level),
    gating: report.gate.failOnCapabilityWidening,
    unit: m.unit,
    file: onLine ? w.file : m.path,
    line: onLine ? w.line : null,
    message: say(
      `${wideningMessage(m.unit, w)} once merged, which the pull request's own change does not show: ${w.cause}`,
    ),
    acceptedBy: [],
    acceptedByOwnWaiver: false,
    fingerprint: fingerprint('merge', w.level, m.path, m.unit, [...m.privileges].sort().join(' ')),
  }
}

function regressionFinding(report: DiffReport, s: ServiceReport, r: RowChange): Finding {
  const onLine = r.file !== null && r.line !== null && !r.removedLine
  const worse = r.before === null ? `now ${r.after}/${r.range}` : `${r.before}/${r.range} → ${r.after}/${r.range}`
  return {
    rule: ruleForRow(r.id),
    gating: report.gate.failOnRegression,
    unit: s.unit,
    file: onLine ? r.file : s.path,
    line: onLine ? r.line : null,
    message: say(
      `${s.unit}: ${r.id} got worse (badness ${worse}): ${r.description ?? r.id}${r.removedLine && r.file !== null ? ` (${r.file}:${r.line} removed)` : ''}`,
    ),
    acceptedBy: [],
    acceptedByOwnWaiver: false,
    fingerprint: fingerprint('row', s.path, s.unit, r.id),
  }
}

/** A unit head cannot read in full, or that systemd would refuse. */
function unitFindings(report: DiffReport, s: ServiceReport): Finding[] {
  if (s.status === 'removed') return []
  const out: Finding[] = []
  const base = { unit: s.unit, file: s.path, line: null, acceptedBy: [], acceptedByOwnWaiver: false }
  if (s.unreadable.after !== null) {
    out.push({
      ...base,
      rule: RULES_FOR_UNITS.unreadable,
      gating: report.gate.failOnUnreadableUnit,
      message: say(`${s.unit} cannot be assessed: ${s.unreadable.after}`),
      fingerprint: fingerprint('unreadable', s.path, s.unit),
    })
  } else if (s.errors.after !== null) {
    out.push({
      ...base,
      rule: RULES_FOR_UNITS.invalid,
      gating: report.gate.failOnInvalidUnit,
      message: say(`${s.unit} does not load: ${s.errors.after}`),
      fingerprint: fingerprint('invalid', s.path, s.unit),
    })
  }
  return out
}
