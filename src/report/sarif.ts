/**
 * The review as SARIF 2.1.0, for GitHub code scanning (`github/codeql-action/upload-sarif`) and
 * other dashboards. One result per finding (findings.ts). A widening that is accepted is still a
 * result, with a suppression (`inSource` for a waiver comment, `external` for the workflow's
 * allow-list), so a dashboard shows what was agreed and by whom. Levels: `error` for what fails
 * the gate; otherwise `warning` for a widening or a regression of a heavy row, `note` for the
 * rest. Locations are relative to the repository root (`%SRCROOT%`), bytes percent-encoded.
 */
import type { DiffReport } from '../diff/report.js'
import { encodePath } from '../git/path-bytes.js'
import { type Finding, findings, underPrefix } from './findings.js'
import type { FindingRule } from './rules.js'

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json'

/** The key of our fingerprints in `partialFingerprints`; bump the version if what goes in changes. */
export const FINGERPRINT_KEY = 'systemdExposureFinding/v1'

export interface SarifOptions {
  /** Where the repository that `diff` read sits within the repository code scanning knows (the action's working-directory). */
  readonly pathPrefix?: string
}

/** A repository path as a relative URI reference: every byte outside RFC 3986's unreserved set and `/` escaped. */
export function pathUri(path: string): string {
  let out = ''
  for (const byte of encodePath(path)) {
    const c = String.fromCharCode(byte)
    out += /[A-Za-z0-9\-._~/]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

function level(f: Finding): 'error' | 'warning' | 'note' {
  if (f.gating) return 'error'
  if (f.acceptedBy.length > 0 && !f.acceptedByOwnWaiver) return 'note'
  return f.rule.severity >= 5.0 ? 'warning' : 'note'
}

function ruleEntry(rule: FindingRule): Record<string, unknown> {
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.help },
    help: { text: `${rule.help}\n\n${rule.helpUri}` },
    helpUri: rule.helpUri,
    properties: {
      tags: ['security', 'systemd'],
      precision: 'very-high',
      'security-severity': rule.severity.toFixed(1),
    },
  }
}

function suppressions(f: Finding): Record<string, unknown>[] | undefined {
  // A waiver the pull request adds for itself is for a reviewer to agree with: not suppressed.
  if (f.acceptedBy.length === 0 || f.acceptedByOwnWaiver) return undefined
  const seen = new Set<string>()
  const out: Record<string, unknown>[] = []
  for (const a of f.acceptedBy) {
    const justification = a.by === 'waiver' ? `waiver at ${a.file ?? '?'}:${a.line ?? 0}: ${a.reason}` : a.reason
    if (seen.has(justification)) continue
    seen.add(justification)
    out.push({ kind: a.by === 'waiver' ? 'inSource' : 'external', status: 'accepted', justification })
  }
  return out
}

function withSuppressions(f: Finding): { suppressions?: Record<string, unknown>[] } {
  const s = suppressions(f)
  return s ? { suppressions: s } : {}
}

export function renderSarif(report: DiffReport, options: SarifOptions = {}): string {
  const all = findings(report)
  const rules: FindingRule[] = []
  const ruleIndex = new Map<string, number>()
  for (const f of all) {
    if (ruleIndex.has(f.rule.id)) continue
    ruleIndex.set(f.rule.id, rules.length)
    rules.push(f.rule)
  }
  const results = all.map((f) => ({
    ruleId: f.rule.id,
    ruleIndex: ruleIndex.get(f.rule.id),
    level: level(f),
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathUri(underPrefix(f.file, options.pathPrefix)), uriBaseId: '%SRCROOT%' },
          // A finding about a whole file points at its first line: code scanning wants a region.
          region: { startLine: f.line ?? 1 },
        },
        logicalLocations: [{ name: f.unit, kind: 'module' }],
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    ...withSuppressions(f),
    properties: { unit: f.unit, gating: f.gating },
  }))
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            semanticVersion: report.tool.version,
            version: report.tool.version,
            rules: rules.map(ruleEntry),
          },
        },
        automationDetails: { id: 'systemd-exposure/' },
        results,
        // The commits compared (versionControlProvenance would need the repository's URI, which
        // the report does not know).
        properties: {
          systemdVersion: report.systemdVersion,
          ...(report.systemdTarget ? { systemdTarget: report.systemdTarget } : {}),
          verdict: report.verdict,
          base: report.base.rev,
          head: report.head.rev,
        },
      },
    ],
  }
  return JSON.stringify(log, null, 2) + '\n'
}
