/**
 * The review as a GitLab Code Quality report: the JSON array the merge-request widget reads
 * (`artifacts: reports: codequality:`), one issue per finding (findings.ts) with GitLab's fields —
 * `description`, `check_name`, `fingerprint` (unique per issue: GitLab shows one issue per
 * fingerprint), `severity` (`info` … `blocker`) and `location.path` / `location.lines.begin`.
 * Code Quality has no notion of an accepted issue, so a widening accepted by a waiver the base
 * already had, or by the allow-list, is left out; one accepted only by a waiver the change adds
 * stays in, for the reviewer to agree with.
 */
import type { DiffReport } from '../diff/report.js'
import { visible } from '../text/visible.js'
import { type Finding, findings, underPrefix } from './findings.js'

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker'

export interface CodeQualityIssue {
  readonly type: 'issue'
  readonly description: string
  readonly check_name: string
  readonly fingerprint: string
  readonly severity: CodeQualitySeverity
  readonly categories: readonly string[]
  readonly location: { readonly path: string; readonly lines: { readonly begin: number } }
}

function severity(f: Finding): CodeQualitySeverity {
  if (f.gating) return f.rule.severity >= 7.0 ? 'critical' : 'major'
  if (f.rule.severity >= 7.0) return 'major'
  return f.rule.severity >= 5.0 ? 'minor' : 'info'
}

export function codeQualityIssues(
  report: DiffReport,
  options: { readonly pathPrefix?: string } = {},
): CodeQualityIssue[] {
  return findings(report)
    .filter((f) => f.acceptedBy.length === 0 || f.acceptedByOwnWaiver)
    .map((f) => ({
      type: 'issue',
      description: f.acceptedByOwnWaiver ? `${f.message} (accepted only by a waiver this change adds)` : f.message,
      check_name: f.rule.id,
      fingerprint: f.fingerprint,
      severity: severity(f),
      categories: ['Security'],
      // A path GitLab can show: bytes that are not UTF-8 escaped (\xNN) like everywhere else.
      location: { path: visible(underPrefix(f.file, options.pathPrefix)), lines: { begin: f.line ?? 1 } },
    }))
}

export function renderCodeQuality(report: DiffReport, options: { readonly pathPrefix?: string } = {}): string {
  return JSON.stringify(codeQualityIssues(report, options), null, 2) + '\n'
}
