/**
 * The pure heart of the review: two snapshots and the files that changed between them in, the
 * versioned report out. No git, no file system, no network.
 */
import { assessLoaded, type AssessResult } from '../engine.js'
import type { FileChange } from '../git/git.js'
import { formatExposure } from '../model/exposure.js'
import { VERSION_TRAITS, type SystemdTarget, type SystemdVersion, type VersionTraits } from '../model/versions.js'
import { recommendAssessed, suggestRegressionFix } from '../recommend/recommend.js'
import type { LoadedService } from '../service/load.js'
import { errorMessage } from '../text/error-message.js'
import { basename } from '../unit/source.js'
import { affectedUnits, loadedName, DEFAULT_FILTER, type AffectedUnit, type PathFilter } from './affected.js'
import type { BuildSettings } from './build-view.js'
import { privilegeWidenings, profileOf, summarize, type Acceptor } from './capabilities.js'
import { exposureRef, rowChanges } from './compare.js'
import type { ForeignUnit } from './foreign-units.js'
import { gateFailures, type GateSettings } from './gate.js'
import type { UnitLoad } from './load-unit.js'
import { REPORT_SCHEMA_VERSION, type DiffReport, type PrivilegeWidening, type ServiceReport } from './report.js'
import { rootLocation } from './rootfs.js'
import type { Snapshot } from './snapshot.js'
import { mergeVersionWidenings } from './version-range.js'
import { findWaivers, type AllowEntry, type Waiver } from './waivers.js'

export interface DiffSettings {
  readonly version: SystemdVersion
  /** The systemd range the fleet runs, for the recommendations (default: `version` alone). */
  readonly target?: SystemdTarget
  /** Add hardening recommendations and regression fixes (default on; at most RECOMMEND_LIMIT services). */
  readonly recommend?: boolean
  readonly gate: GateSettings
  readonly filter?: PathFilter
  readonly allow?: readonly AllowEntry[]
  readonly toolVersion?: string
  /**
   * Suffixes of build templates of unit files: `foo.service.in` is the unit `foo.service`
   * (default `['.in']`; `.notify`, `.simple`, … for projects that keep variants side by side).
   */
  readonly templateSuffixes?: readonly string[]
  /** Placeholder values for build templates, over the defaults (`{ user: 'app' }` for `@user@`). */
  readonly templatePlaceholders?: Readonly<Record<string, string>>
}

export const DEFAULT_TEMPLATE_SUFFIXES: readonly string[] = ['.in', '.j2', '.jinja', '.jinja2', '.tmpl']

export function diffSnapshots(
  base: Snapshot,
  head: Snapshot,
  changes: readonly FileChange[],
  settings: DiffSettings,
): DiffReport {
  const traits = VERSION_TRAITS[settings.version]
  const build: BuildSettings = {
    suffixes: settings.templateSuffixes ?? DEFAULT_TEMPLATE_SUFFIXES,
    placeholders: settings.templatePlaceholders ?? {},
  }
  const {
    units: affected,
    foreign,
    skipped,
  } = affectedUnits(base, head, changes, traits, build, settings.filter ?? DEFAULT_FILTER)
  // Recommendations re-run the engine several times per service: keep huge changes fast.
  const recommend = (settings.recommend ?? true) && affected.length <= RECOMMEND_LIMIT
  const scored = [
    ...affected.map((a) => compareUnit(a, settings, recommend)),
    ...foreign.map((f) => compareForeignUnit(f, settings)),
  ]
  const versions = gateVersions(settings)
  const services =
    versions.length > 1
      ? widenedOnEveryVersion(scored, versions, (v) => {
          const other = affectedUnits(base, head, changes, VERSION_TRAITS[v], build, settings.filter ?? DEFAULT_FILTER)
          return [
            ...other.units.map((a) => ({
              path: (a.head ?? a.base)!.ref.file,
              widened: (unit: string) => widenedOn(a, v, settings, unit),
            })),
            ...other.foreign.map((f) => ({
              path: f.dir,
              widened: () => compareForeignUnit(f, { ...settings, version: v }).capabilities.widened,
            })),
          ]
        })
      : scored
  const failures = gateFailures(services, settings.gate)
  const after = services.map((s) => s.after?.exposure).filter((x): x is number => x !== undefined)
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'systemd-exposure', version: settings.toolVersion ?? '0.0.0' },
    systemdVersion: settings.version,
    ...(versions.length > 1 ? { systemdTarget: { text: settings.target!.text, versions } } : {}),
    base: { rev: base.rev },
    head: { rev: head.rev },
    verdict: failures.length > 0 ? 'fail' : 'pass',
    gate: settings.gate,
    failures,
    summary: {
      servicesChanged: services.length,
      capabilitiesWidened: services.reduce(
        (n, s) => n + new Set(s.capabilities.widened.flatMap((w) => w.unaccepted)).size,
        0,
      ),
      regressions: services.reduce((n, s) => n + s.regressions.length, 0),
      maxExposureAfter: after.length > 0 ? Math.max(...after) : null,
      unreadable: services.filter((s) => s.status !== 'removed' && s.unreadable.after !== null).length,
    },
    services,
    skipped,
  }
}

/** The versions the capability gate checks: the scored one, then the target's other supported versions. */
function gateVersions(settings: DiffSettings): SystemdVersion[] {
  return [settings.version, ...(settings.target?.versions ?? []).filter((v) => v !== settings.version)]
}

/** A unit as another version loads it: its file, and its widenings there (named as the scored report names it). */
interface OtherVersionUnit {
  readonly path: string
  readonly widened: (unit: string) => readonly PrivilegeWidening[]
}

/**
 * The scored services with the widenings of every version of the range merged in
 * (version-range.ts). Each other version loads the change again — its reading of the lines is
 * what differs — and evaluates only privileges: no score, no advice. A unit is matched by its
 * file (and its place among the units of that file); one another version does not load as a
 * unit is judged on the versions that do.
 */
function widenedOnEveryVersion(
  scored: readonly ServiceReport[],
  versions: readonly SystemdVersion[],
  unitsOn: (version: SystemdVersion) => readonly OtherVersionUnit[],
): ServiceReport[] {
  const nth = (items: readonly { path: string }[]): string[] => {
    const seen = new Map<string, number>()
    return items.map((x) => {
      const n = seen.get(x.path) ?? 0
      seen.set(x.path, n + 1)
      return `${x.path}\0${n}`
    })
  }
  const keys = nth(scored)
  const perVersion = versions.slice(1).map((version) => {
    const units = unitsOn(version)
    const byKey = new Map(nth(units).map((k, i) => [k, units[i]!]))
    return { version, byKey }
  })
  return scored.map((s, i) => {
    const found = [{ version: versions[0]!, widened: s.capabilities.widened }]
    for (const { version, byKey } of perVersion) {
      const other = byKey.get(keys[i]!)
      if (other) found.push({ version, widened: other.widened(s.unit) })
    }
    return { ...s, capabilities: { ...s.capabilities, widened: mergeVersionWidenings(found) } }
  })
}

/**
 * The gate's part of compareUnit on another version: the unit's privilege widenings there, with
 * the same waivers and allow-list names (`unit`: the name the scored report uses, so an
 * allow-list entry for a template's instance applies on every version alike).
 */
function widenedOn(
  a: AffectedUnit,
  version: SystemdVersion,
  settings: DiffSettings,
  unit: string,
): PrivilegeWidening[] {
  const traits = VERSION_TRAITS[version]
  const ref = (a.head ?? a.base)!.ref
  const file = originOf(a)
  const head = a.head?.result.ok ? a.head.result : null
  const base = a.base?.result.ok ? a.base.result : null
  const acceptor = {
    waivers: head && a.head ? waiversOf(head, a.head, file, []) : [],
    baseWaivers: base && a.base ? waiversOf(base, a.base, file, []) : [],
    allow: settings.allow ?? [],
    unitNames: [unit, basename(ref.loadPath), basename(ref.file)],
  }
  return widenedInEveryReading(a, traits, acceptor).map((w) => (w.file === null ? w : { ...w, file: file(w.file) }))
}

/** Findings name the repository's files: a build template, not the file it generates. */
function originOf(a: AffectedUnit): (f: string) => string {
  return (f) => {
    const fromHead = a.head ? a.head.ref.view.origin(f) : f
    return fromHead !== f || !a.base ? fromHead : a.base.ref.view.origin(f)
  }
}

/** Above this many affected services the report carries no recommendations. */
export const RECOMMEND_LIMIT = 50

function assess(load: UnitLoad | null, version: SystemdVersion): AssessResult | null {
  if (load === null) return null
  const r = load.result
  if (r.ok) return assessLoaded(r, load.ref.loadPath, { version })
  return { ok: false, path: load.ref.loadPath, unit: r.unit, error: r.error, diagnostics: r.diagnostics }
}

function compareUnit(a: AffectedUnit, settings: DiffSettings, recommend: boolean): ServiceReport {
  const traits = VERSION_TRAITS[settings.version]
  const before = assess(a.base, settings.version)
  const after = assess(a.head, settings.version)
  const ref = (a.head ?? a.base)!.ref
  const unit = (after?.unit ?? before?.unit) || loadedName(ref.loadPath, traits)
  const file = originOf(a)
  const fileOf = <T extends { readonly file: string | null }>(x: T): T =>
    x.file === null ? x : { ...x, file: file(x.file) }

  const warnings: { file: string; line: number; message: string }[] = []
  const waivers = after?.ok && a.head ? waiversOf(after.service, a.head, file, warnings) : []
  const baseWaivers = before?.ok && a.base ? waiversOf(before.service, a.base, file, []) : []
  for (const n of a.head?.templateNotes ?? []) warnings.push(n)
  for (const d of after?.diagnostics ?? []) warnings.push({ file: file(d.file), line: d.line, message: d.message })

  const rows = after?.ok ? rowChanges(before?.ok ? before : null, after) : { regressions: [], improvements: [] }
  let adviceError: string | undefined
  const advice = <T>(compute: () => T): T | null => adviceOrNull(compute, (e) => (adviceError ??= errorMessage(e)))
  const regressions =
    recommend && before?.ok && after?.ok
      ? rows.regressions.map((r) => {
          const fix = advice(() =>
            suggestRegressionFix({ base: before, head: after, rowId: r.id, version: settings.version }),
          )
          return {
            ...r,
            fix: fix
              ? {
                  kind: fix.kind,
                  lines: fix.lines,
                  remove: fix.remove.map((l) => ({ ...l, file: file(l.file) })),
                  reason: fix.reason,
                  verified: fix.verified,
                }
              : null,
          }
        })
      : rows.regressions
  let recommendation: ServiceReport['recommendation'] = null
  if (recommend && after?.ok && a.head) {
    const rec = advice(() =>
      // The head as scored above, read where it was (its root file system's search path).
      recommendAssessed(a.head!.ref.view.source, after, {
        version: settings.version,
        ...(settings.target ? { fleet: settings.target } : {}),
        location: rootLocation(a.head!.ref.loadPath),
      }),
    )
    if (rec?.ok && rec.phases.length > 0) {
      recommendation = {
        // Phases with deferred lines only change no score: the drop-in shows them.
        phases: rec.phases
          .filter((p) => p.directives.length > 0)
          .map((p) => ({
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
  const acceptor = {
    waivers,
    baseWaivers,
    allow: settings.allow ?? [],
    unitNames: [unit, basename(ref.loadPath), basename(ref.file)],
  }
  const caps = {
    before: before?.ok ? summarize(profileOf(before.service, traits)) : null,
    after: after?.ok ? summarize(profileOf(after.service, traits)) : null,
    widened: widenedInEveryReading(a, traits, acceptor),
  }
  const b = exposureRef(before)
  const h = exposureRef(after)
  return {
    unit,
    status: a.status,
    path: ref.file,
    basePath: a.base?.ref.file ?? null,
    before: b,
    after: h,
    delta: b && h && before?.ok && after?.ok ? Number(formatSigned(after.exposure - before.exposure)) : null,
    capabilities: { ...caps, widened: caps.widened.map(fileOf) },
    regressions: regressions.map(fileOf),
    improvements: rows.improvements.map(fileOf),
    errors: {
      before: before && !before.ok ? before.error : null,
      after: after && !after.ok ? after.error : null,
    },
    unreadable: { before: a.base?.unreadable ?? null, after: a.head?.unreadable ?? null },
    warnings,
    changedFiles: a.causes,
    recommendation,
    assumedUnitFile: null,
    ...(adviceError !== undefined ? { adviceError } : {}),
  }
}

/**
 * Privilege widenings under systemd's reading of both sides and under each other reading a side
 * has (load-unit.ts: lenient, drop-in directory links resolved, enabled aliases, build options),
 * each compared with the same reading of base (else base's own): a finding only another reading
 * shows says when it holds. A base no reading loads is no baseline (systemd refuses it: it ran
 * nothing). Build options are the same build's on both sides: a reading of head is compared with
 * each reading of base that decides alike what both templates decide (an option base lacks is
 * its {% else %}), and what any of them shows counts.
 */
function widenedInEveryReading(a: AffectedUnit, traits: VersionTraits, acceptor: Acceptor): PrivilegeWidening[] {
  interface Reading {
    kind: string
    svc: LoadedService
    assumption: string | null
    choices: ReadonlyMap<string, string> | null
  }
  const readings = (load: UnitLoad | null): Reading[] => {
    const out: Reading[] = []
    // The scored reading takes every build option's first branch.
    if (load?.result.ok)
      out.push({
        kind: 'strict',
        svc: load.result,
        assumption: null,
        choices: new Map(load.templateChoices.map((c) => [c.key, c.options[0]!])),
      })
    for (const alt of load?.alternatives ?? []) {
      const choices = alt.choices
        ? new Map(load!.templateChoices.map((c) => [c.key, alt.choices!.get(c.key) ?? c.options[0]!]))
        : null
      out.push({ kind: alt.kind, svc: alt.result, assumption: alt.assumption, choices })
    }
    return out
  }
  const base = readings(a.base)
  const head = readings(a.head)
  const baseOptions = new Map((a.base?.templateChoices ?? []).map((c) => [c.key, c.options]))
  const alike = (h: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean =>
    [...b].every(([key, option]) => {
      const wanted = h.get(key)
      if (wanted === undefined) return true
      return (
        option ===
        (baseOptions.get(key)?.includes(wanted) ? wanted : key.startsWith('if:') ? 'else' : baseOptions.get(key)?.[0])
      )
    })
  const byKind = (kind: string): Reading | undefined => base.find((r) => r.kind === kind)
  const out = new Map<string, PrivilegeWidening>()
  for (const h of head) {
    let against: (Reading | null)[] =
      h.choices === null ? [] : base.filter((b) => b.choices !== null && alike(h.choices!, b.choices))
    if (against.length === 0)
      against = [
        (h.kind === 'build-options' ? undefined : byKind(h.kind)) ?? byKind('strict') ?? byKind('lenient') ?? null,
      ]
    for (const b of against) {
      // User= from the instance name (User=%i) is two readings: an instance named root, and one
      // naming any other user — with the unit's ambient capabilities and NoNewPrivileges=.
      const fromInstance =
        profileOf(h.svc, traits).user.fromInstance || (b !== null && profileOf(b.svc, traits).user.fromInstance)
      for (const instanceUser of fromInstance ? (['root', 'user'] as const) : (['root'] as const)) {
        const findings = privilegeWidenings(
          b ? { svc: b.svc, profile: profileOf(b.svc, traits, instanceUser) } : null,
          { svc: h.svc, profile: profileOf(h.svc, traits, instanceUser) },
          acceptor,
        )
        const assumptions = [
          h.assumption,
          instanceUser === 'user' ? 'the instance names a user other than root' : null,
        ].filter((x) => x !== null)
        for (const w of findings) {
          const key = [
            w.level,
            w.command?.directive,
            w.command?.text,
            w.root,
            w.capabilities.join(' '),
            w.unaccepted.join(' '),
          ].join('\0')
          if (out.has(key)) continue
          out.set(key, assumptions.length === 0 ? w : { ...w, what: `${w.what} (if ${assumptions.join(', and ')})` })
        }
      }
    }
  }
  return [...out.values()]
}

/**
 * Drop-ins for a unit the repository does not ship: no score (the unit file is not here), but
 * every privilege the drop-ins add under one of the assumed unit files (foreign-units.ts).
 */
function compareForeignUnit(f: ForeignUnit, settings: DiffSettings): ServiceReport {
  const traits = VERSION_TRAITS[settings.version]
  const warnings: { file: string; line: number; message: string }[] = []
  const widened = new Map<string, PrivilegeWidening & { seenIn: string[] }>()
  for (const [i, v] of f.variants.entries()) {
    // systemd's reading of each side, and each other reading (drop-in directory links resolved
    // from their own directory, …), compared with the same reading of base.
    const readings = (load: UnitLoad): Map<string, { svc: LoadedService; assumption: string | null }> => {
      const m = new Map<string, { svc: LoadedService; assumption: string | null }>()
      if (load.result.ok) m.set('strict', { svc: load.result, assumption: null })
      for (const alt of load.alternatives) m.set(alt.kind, { svc: alt.result, assumption: alt.assumption })
      return m
    }
    const baseReadings = readings(v.base)
    for (const [kind, h] of readings(v.head)) {
      const before = baseReadings.get(kind) ?? baseReadings.get('strict') ?? null
      const after = h.svc
      const file = (p: string): string => v.head.ref.view.origin(p)
      const waivers = waiversOf(after, v.head, file, i === 0 && kind === 'strict' ? warnings : [])
      const baseWaivers = before ? waiversOf(before.svc, v.base, file, []) : []
      const findings = privilegeWidenings(
        before ? { svc: before.svc, profile: profileOf(before.svc, traits) } : null,
        { svc: after, profile: profileOf(after, traits) },
        { waivers, baseWaivers, allow: settings.allow ?? [], unitNames: [f.name, basename(f.dir).slice(0, -2)] },
      )
      for (const found of findings) {
        const w = h.assumption === null ? found : { ...found, what: `${found.what} (if ${h.assumption})` }
        const key = [
          w.level,
          w.command?.directive,
          w.command?.text,
          w.root,
          w.capabilities.join(' '),
          h.assumption,
        ].join('\0')
        const seen = widened.get(key)
        if (seen) {
          if (!seen.seenIn.includes(v.assumption)) seen.seenIn.push(v.assumption)
        } else widened.set(key, { ...w, seenIn: [v.assumption] })
      }
      if (i === 0 && kind === 'strict')
        for (const d of after.diagnostics) if (d.file !== v.head.ref.loadPath) warnings.push(d)
    }
  }
  const all = f.variants.length
  const head = f.variants[0]!.head
  return {
    unit: f.name,
    status: 'modified',
    path: f.dir,
    basePath: f.dir,
    before: null,
    after: null,
    delta: null,
    capabilities: {
      before: null,
      after: null,
      // A finding only some assumed unit files show says for which.
      widened: [...widened.values()].map(({ seenIn, ...w }) =>
        seenIn.length === all ? w : { ...w, what: `${w.what} (if its unit file is ${seenIn[0]})` },
      ),
    },
    regressions: [],
    improvements: [],
    errors: { before: null, after: head.result.ok ? null : head.result.error },
    unreadable: { before: f.variants[0]!.base.unreadable, after: head.unreadable },
    warnings,
    changedFiles: f.causes,
    recommendation: null,
    assumedUnitFile: `${f.name} is not in this repository: its drop-ins were applied to ${f.variants.map((v) => v.assumption).join('; to ')}`,
  }
}

/**
 * Waivers in a loaded unit's files, named by the repository's files (problems with them become
 * warnings).
 */
function waiversOf(
  svc: LoadedService,
  load: UnitLoad,
  file: (f: string) => string,
  warnings: { file: string; line: number; message: string }[],
): Waiver[] {
  const waivers: Waiver[] = []
  for (const f of [svc.fragmentPath, ...svc.dropInPaths]) {
    let bytes: Uint8Array | null = null
    try {
      bytes = load.ref.view.source.read(f)
    } catch {
      // Read once already by the load; a source that fails now has said so there.
    }
    if (!bytes) continue
    const found = findWaivers(file(f), bytes)
    // Loops, not push(...x): a unit file can hold any number of comment lines.
    for (const w of found.waivers) waivers.push(w)
    for (const p of found.problems) warnings.push(p)
  }
  return waivers
}

/**
 * Advice is extra: whatever goes wrong computing it must not cost the report or the verdict. An
 * error is not hidden either: `failed` hears it, and the report says advice failed and why.
 */
function adviceOrNull<T>(compute: () => T, failed: (e: unknown) => void): T | null {
  try {
    return compute()
  } catch (e) {
    failed(e)
    return null
  }
}

const formatSigned = (tenths: number): string => (tenths < 0 ? '-' : '') + formatExposure(Math.abs(tenths))
