/**
 * The pure heart of the review: two snapshots and the files that changed between them in, the
 * versioned report out. No git, no file system, no network.
 */
import { assessUnitFile, type AssessResult } from '../engine.js'
import { formatExposure } from '../model/exposure.js'
import { VERSION_TRAITS, type SystemdVersion } from '../model/versions.js'
import type { FileChange } from '../git/git.js'
import { basename } from '../unit/source.js'
import { affectedServices, loadedName, DEFAULT_FILTER, type AffectedService, type PathFilter } from './affected.js'
import { exposureRef, rowChanges } from './compare.js'
import { privilegeWidenings, profileOf, summarize } from './capabilities.js'
import { recommendUnitFile, suggestRegressionFix } from '../recommend/recommend.js'
import { gateFailures, type GateSettings } from './gate.js'
import { REPORT_SCHEMA_VERSION, type DiffReport, type ServiceReport } from './report.js'
import type { Snapshot } from './snapshot.js'
import { findWaivers, type AllowEntry, type Waiver } from './waivers.js'
import type { LoadedService } from '../unit/load.js'

export interface DiffSettings {
  readonly version: SystemdVersion
  /** Add hardening recommendations and regression fixes (default on; at most RECOMMEND_LIMIT services). */
  readonly recommend?: boolean
  readonly gate: GateSettings
  readonly filter?: PathFilter
  readonly allow?: readonly AllowEntry[]
  readonly toolVersion?: string
}

export function diffSnapshots(base: Snapshot, head: Snapshot, changes: readonly FileChange[], settings: DiffSettings): DiffReport {
  const traits = VERSION_TRAITS[settings.version]
  const affected = affectedServices(base, head, changes, traits, settings.filter ?? DEFAULT_FILTER)
  // Recommendations re-run the engine several times per service: keep huge changes fast.
  const recommend = (settings.recommend ?? true) && affected.length <= RECOMMEND_LIMIT
  const services = affected.map((a) => compareService(a, base, head, settings, recommend))
  const failures = gateFailures(services, settings.gate)
  const after = services.map((s) => s.after?.exposure).filter((x): x is number => x !== undefined)
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'systemd-exposure', version: settings.toolVersion ?? '0.0.0' },
    systemdVersion: settings.version,
    base: { rev: base.rev },
    head: { rev: head.rev },
    verdict: failures.length > 0 ? 'fail' : 'pass',
    failures,
    summary: {
      servicesChanged: services.length,
      capabilitiesWidened: services.reduce((n, s) => n + new Set(s.capabilities.widened.flatMap((w) => w.unaccepted)).size, 0),
      regressions: services.reduce((n, s) => n + s.regressions.length, 0),
      maxExposureAfter: after.length > 0 ? Math.max(...after) : null,
    },
    services,
  }
}

/** Above this many affected services the report carries no recommendations. */
export const RECOMMEND_LIMIT = 50

function compareService(a: AffectedService, base: Snapshot, head: Snapshot, settings: DiffSettings, recommend: boolean): ServiceReport {
  const traits = VERSION_TRAITS[settings.version]
  const options = { version: settings.version }
  const before: AssessResult | null = a.basePath ? assessUnitFile(base.source, a.basePath, options) : null
  const after: AssessResult | null = a.headPath ? assessUnitFile(head.source, a.headPath, options) : null
  const path = a.headPath ?? a.basePath!
  const unit = (after?.unit ?? before?.unit) || loadedName(path, traits) || basename(path)

  const warnings: { file: string; line: number; message: string }[] = []
  const waivers = after?.ok ? waiversOf(after.service, head, warnings) : []
  const baseWaivers = before?.ok ? waiversOf(before.service, base, []) : []
  for (const d of after?.diagnostics ?? []) warnings.push({ file: d.file, line: d.line, message: d.message })

  const rows = after?.ok ? rowChanges(before?.ok ? before : null, after) : { regressions: [], improvements: [] }
  const regressions =
    recommend && before?.ok && after?.ok
      ? rows.regressions.map((r) => {
          const fix = suggestRegressionFix({ base: before.service, head: after.service, rowId: r.id, version: settings.version })
          return { ...r, fix: fix ? { kind: fix.kind, lines: fix.lines, remove: fix.remove, reason: fix.reason } : null }
        })
      : rows.regressions
  let recommendation: ServiceReport['recommendation'] = null
  if (recommend && after?.ok && a.headPath) {
    const rec = recommendUnitFile(head.source, a.headPath, { version: settings.version })
    if (rec.ok && rec.phases.length > 0) {
      recommendation = {
        phases: rec.phases.map((p) => ({
          name: p.name,
          risk: p.risk,
          directives: p.directives.map((d) => `${d.directive}=${d.value}`),
          exposure: p.exposure,
          verdict: p.verdict,
        })),
        predicted: rec.predicted,
        dropin: rec.dropin,
      }
    }
  }
  const beforeSide = before?.ok ? { svc: before.service, profile: profileOf(before.service, traits) } : null
  const afterSide = after?.ok ? { svc: after.service, profile: profileOf(after.service, traits) } : null
  const caps = {
    before: beforeSide ? summarize(beforeSide.profile) : null,
    after: afterSide ? summarize(afterSide.profile) : null,
    widened: afterSide
      ? privilegeWidenings(beforeSide, afterSide, {
          waivers,
          baseWaivers,
          allow: settings.allow ?? [],
          unitNames: [unit, basename(path)],
        })
      : [],
  }
  const b = exposureRef(before)
  const h = exposureRef(after)
  return {
    unit,
    status: a.status,
    path,
    basePath: a.basePath,
    before: b,
    after: h,
    delta: b && h && before?.ok && after?.ok ? Number(formatSigned(after.exposure - before.exposure)) : null,
    capabilities: caps,
    regressions,
    improvements: rows.improvements,
    errors: {
      before: before && !before.ok ? before.error : null,
      after: after && !after.ok ? after.error : null,
    },
    warnings,
    changedFiles: a.causes,
    recommendation,
  }
}

/** Waivers in a loaded unit's files (problems with them become warnings). */
function waiversOf(svc: LoadedService, side: Snapshot, warnings: { file: string; line: number; message: string }[]): Waiver[] {
  const waivers: Waiver[] = []
  for (const f of [svc.fragmentPath, ...svc.dropInPaths]) {
    const bytes = side.source.read(f)
    if (!bytes) continue
    const found = findWaivers(f, bytes)
    // Loops, not push(...x): a unit file can hold any number of comment lines.
    for (const w of found.waivers) waivers.push(w)
    for (const p of found.problems) warnings.push(p)
  }
  return waivers
}

const formatSigned = (tenths: number): string => (tenths < 0 ? '-' : '') + formatExposure(Math.abs(tenths))
