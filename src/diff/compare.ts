/** One affected service, base against head: scores, rows that moved, capabilities that widened. */
import type { AssessResult, ServiceAssessment } from '../engine.js'
import { ASSESSORS } from '../model/assessors.js'
import { formatExposure } from '../model/exposure.js'
import type { LoadedService } from '../unit/load.js'
import { capabilityCeiling, capabilityNames, type Ceiling } from './capabilities.js'
import type { ExposureRef, RowChange, WidenedCapability } from './report.js'
import { blame, type LineRef } from './trace.js'
import type { AllowEntry, Waiver } from './waivers.js'

const READS = new Map(ASSESSORS.map((a) => [a.id, a.reads]))

export const exposureRef = (a: AssessResult | null): ExposureRef | null =>
  a && a.ok ? { exposure: Number(formatExposure(a.exposure)), verdict: a.verdict } : null

/** Rows whose badness moved between two scored sides (rows not applicable on a side are skipped). */
export function rowChanges(base: ServiceAssessment | null, head: ServiceAssessment): { regressions: RowChange[]; improvements: RowChange[] } {
  const regressions: RowChange[] = []
  const improvements: RowChange[] = []
  const before = new Map(base?.rows.map((r) => [r.id, r]) ?? [])
  // Rows in systemd's built-in order, so the report is stable.
  for (const a of ASSESSORS) {
    const h = head.rows.find((r) => r.id === a.id)!
    const b = before.get(a.id)
    if (h.badness === null || (base && (!b || b.badness === null))) continue
    const was = b?.badness ?? 0
    if (h.badness === was) continue
    const line = blame(base?.service ?? null, head.service, READS.get(a.id) ?? [])
    const change: RowChange = {
      id: a.id,
      before: base ? was : null,
      after: h.badness,
      range: h.range,
      description: h.description,
      file: line?.file ?? null,
      line: line?.line ?? null,
      removedLine: line?.removed ?? false,
    }
    if (h.badness > was) regressions.push(change)
    else improvements.push(change)
  }
  return { regressions, improvements }
}

const BOUNDING_KEYS = ['CapabilityBoundingSet', 'PrivateDevices', 'ProtectKernelModules', 'ProtectKernelLogs', 'ProtectClock']
const IDENTITY_KEYS = ['User', 'DynamicUser', 'NoNewPrivileges']
const EXEC_KEYS = ['ExecCondition', 'ExecStartPre', 'ExecStart', 'ExecStartPost', 'ExecReload', 'ExecStop', 'ExecStopPre', 'ExecStopPost', 'PermissionsStartOnly']

/** Capabilities in head's ceiling that base's lacked, each with its cause and line. */
export function widenedCapabilities(
  base: LoadedService | null,
  head: LoadedService,
  waivers: readonly Waiver[],
  allow: readonly AllowEntry[],
): { added: string[]; removed: string[]; widened: WidenedCapability[] } {
  const after = capabilityCeiling(head.state)
  const before: Ceiling | null = base ? capabilityCeiling(base.state) : null
  const beforeCaps = before?.caps ?? 0n
  const added = after.caps & ~beforeCaps
  const removed = beforeCaps & ~after.caps
  const cause = explain(base, before, head, after)
  const widened = capabilityNames(added).map((cap): WidenedCapability => {
    const waiver = waivers.find((w) => w.capabilities.includes(cap))
    const allowed = allow.find((e) => e.capability === cap && (e.unit === null || e.unit === head.unit))
    const accepted = waiver
      ? { reason: waiver.reason, by: 'waiver' as const, file: waiver.file, line: waiver.line }
      : allowed
        ? { reason: `allowed by configuration (${allowed.unit ? `${allowed.unit}:` : ''}${cap})`, by: 'allow-list' as const }
        : null
    return {
      capability: cap,
      cause: cause.text,
      file: cause.line?.file ?? null,
      line: cause.line?.line ?? null,
      removedLine: cause.line?.removed ?? false,
      accepted,
    }
  })
  return { added: capabilityNames(added), removed: capabilityNames(removed), widened }
}

function explain(
  base: LoadedService | null,
  before: Ceiling | null,
  head: LoadedService,
  after: Ceiling,
): { text: string; line: LineRef | null } {
  if (!base || !before) {
    const line = blame(null, head, [...IDENTITY_KEYS, ...BOUNDING_KEYS, 'AmbientCapabilities', ...EXEC_KEYS])
    return { text: `new service: ${describeCeiling(after)}`, line }
  }
  if (after.reason === 'full-privilege-exec' && before.reason !== 'full-privilege-exec') {
    const line = blame(base, head, EXEC_KEYS)
    return { text: 'a command now runs with full privileges (+, ! or !! prefix, or PermissionsStartOnly=yes)', line }
  }
  if (after.reason === 'bounding-set' && before.reason === 'ambient') {
    const line = blame(base, head, IDENTITY_KEYS)
    const why = after.runsAsRoot ? 'the service now runs as root' : 'NoNewPrivileges= no longer stops privilege gain'
    return { text: `${why}, so its whole bounding set is reachable`, line }
  }
  if (after.reason === 'bounding-set') {
    return { text: 'the capability bounding set grew', line: blame(base, head, BOUNDING_KEYS) }
  }
  return {
    text: 'new ambient capabilities',
    line: blame(base, head, ['AmbientCapabilities']) ?? blame(base, head, ['CapabilityBoundingSet']),
  }
}

function describeCeiling(c: Ceiling): string {
  if (c.reason === 'full-privilege-exec') return 'a command runs with full privileges'
  if (c.reason === 'ambient') return 'ambient capabilities'
  return c.runsAsRoot ? 'runs as root with this bounding set' : 'can gain privileges (no NoNewPrivileges=) up to this bounding set'
}
