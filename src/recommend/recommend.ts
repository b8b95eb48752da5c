/**
 * Phased, context-aware hardening advice for one unit file, with the score each phase reaches.
 *
 * Every predicted score comes from the engine itself: the unit's own files are copied into memory
 * with the suggested drop-in next to them, exactly where systemd reads it, and assessed again —
 * never by adding per-directive deltas, which interact through rounding. A suggestion survives
 * only if the target systemd loads its line without a warning, the unit still loads, and the
 * setting really takes effect (a drop-in sorting after ours could override it). Pure apart from
 * the UnitSource it is given.
 */
import { assessUnitFile, type AssessOptions, type ServiceAssessment } from '../engine.js'
import { formatExposure, type Verdict } from '../model/exposure.js'
import { singleVersionTarget, type SystemdTarget, type SystemdVersion } from '../model/versions.js'
import type { LoadedService } from '../service/load.js'
import { unitNameKind, unitType, withInstance } from '../unit/names.js'
import { basename, dirname, joinPath, overlaySource, type UnitSource } from '../unit/source.js'
import type { LoadLocation } from '../unit/unit-files.js'
import { planPhases, type Candidate, type Skipped } from './candidates.js'
import { PHASES, RISKS, type PhaseId, type Risk } from './catalogue.js'
import { checkOf, OBSERVATIONS, type Observation } from './checks.js'
import { unitComments } from './comments.js'
import { readContext, type UnitContext } from './context.js'
import { renderDropIn, rollbackCommand, rolloutSteps, type DropInHeader, type DropInPhase } from './dropin.js'
import { socketUnitsOf } from './sockets.js'

export { suggestRegressionFix, type RegressionFix } from './regression.js'

export interface RecommendOptions {
  /** The version whose scores the phases show (the oldest supported one of the fleet). */
  readonly version: SystemdVersion
  /** The releases the fleet runs: advice uses only values all of them honour, checked on each. */
  readonly fleet?: SystemdTarget
  /** Where the unit is read from (a root file system's search path): every prediction reads it there too. */
  readonly location?: LoadLocation
}

/** The scores of one supported version of the fleet. */
export interface VersionScores {
  readonly version: SystemdVersion
  readonly exposure: number
  readonly predicted: number
  readonly predictedIfAnswered: number
}

export interface RecommendedDirective {
  readonly directive: string
  readonly value: string
  readonly risk: Risk
  /** The evidence: why this value is safe for this unit, or what was looked for and not found. */
  readonly reason: string
  readonly protects: string
  readonly breaks: string
}

/** A directive the unit cannot vouch for: in the drop-in commented out, below its question. */
export interface DeferredDirective extends RecommendedDirective {
  /** What to find out about the service before uncommenting it. */
  readonly question: string
  /** Why the unit cannot vouch for it. */
  readonly because: string
}

export interface RecommendedPhase {
  readonly id: PhaseId
  readonly name: string
  readonly directives: readonly RecommendedDirective[]
  /** Written commented out until their question is answered; counted by no score. */
  readonly deferred: readonly DeferredDirective[]
  /** The highest risk among its active directives. */
  readonly risk: Risk
  /** Predicted exposure with the active lines of this phase and all before it (9.6 style). */
  readonly exposure: number
  readonly verdict: Verdict
}

export interface Recommendation {
  readonly ok: true
  readonly unit: string
  readonly path: string
  readonly systemdVersion: SystemdVersion
  /** Exposure now (9.6 style). */
  readonly exposure: number
  readonly verdict: Verdict
  readonly phases: readonly RecommendedPhase[]
  readonly skipped: readonly Skipped[]
  /** Directives the recommender would suggest that are already in effect. */
  readonly inEffect: readonly string[]
  /** Things the reviewer should know that no directive fixes (`+` commands, early-boot scoring). */
  readonly notes: readonly string[]
  /** The drop-in, its path relative to the unit file's directory. */
  readonly dropin: { readonly path: string; readonly content: string }
  /** Exposure with the drop-in applied as written: its active lines. */
  readonly predicted: number
  readonly predictedVerdict: Verdict
  /** Exposure with every deferred line uncommented too; equal to predicted when none is deferred. */
  readonly predictedIfAnswered: number
  readonly predictedIfAnsweredVerdict: Verdict
  /** What to run on a host first, to answer the questions (PID is the service's main process). */
  readonly observe: readonly string[]
  readonly rollout: readonly string[]
  /** One command that undoes the drop-in. */
  readonly rollback: string
  /** The fleet's range as given (`252-257`), or the single version. */
  readonly fleet: string
  /** Now, with the active lines, and with every line, for each supported version of the fleet. */
  readonly scores: readonly VersionScores[]
}

export interface RecommendationFailure {
  readonly ok: false
  readonly path: string
  readonly error: string
}

export type RecommendResult = Recommendation | RecommendationFailure

const score = (exposure: number): number => Number(formatExposure(exposure))

/** Recommends a hardening drop-in for the unit file at `path`. */
export function recommendUnitFile(source: UnitSource, path: string, options: RecommendOptions): RecommendResult {
  const refused = notAService(path)
  if (refused) return refused
  const base = assessUnitFile(source, path, assessOptions(options))
  if (!base.ok) return { ok: false, path, error: base.error }
  return recommendAssessed(source, base, options)
}

/**
 * Recommends a hardening drop-in for a unit already loaded from `source` and assessed for
 * `options.version` at `options.location` (the diff has it at hand: it is not loaded again).
 */
export function recommendAssessed(
  source: UnitSource,
  base: ServiceAssessment,
  options: RecommendOptions,
): RecommendResult {
  const path = base.path
  const refused = notAService(path)
  if (refused) return refused
  const assess = assessOptions(options)
  const fleet: SystemdTarget = options.fleet ?? singleVersionTarget(options.version)
  const others = fleet.versions.filter((v) => v !== options.version)
  const c = readContext(
    base.service,
    options.version,
    socketUnitsOf(source, path, base.service),
    fleet,
    unitComments(source, base.service),
  )
  const plan = planPhases(c)

  const dir = joinPath(dirname(path), `${basename(path)}.d`)
  const name = dropInName(base.service)
  const dropInPath = joinPath(dir, name)
  const relative = `${basename(path)}.d/${name}`
  const restart = restartName(path, base.unit)
  const header: DropInHeader = { unit: base.unit, path: relative, version: fleet.text, restart }
  const predict = (phases: readonly DropInPhase[], uncommentDeferred = false) => {
    const text = renderDropIn(header, phases, { uncommentDeferred })
    // The unit as it is (links, aliases and all) with the new drop-in added.
    const withDropIn = overlaySource(source, { [dropInPath]: text.content })
    const primary = assessUnitFile(withDropIn, path, assess)
    // Every other release of the fleet must load the same lines without a warning.
    if (!primary.ok || others.length === 0) return { text, r: primary, primary }
    const extra = []
    for (const v of others) {
      const o = assessUnitFile(withDropIn, path, { ...assess, version: v })
      if (!o.ok) return { text, r: o, primary }
      extra.push(
        ...o.diagnostics
          .filter((d) => d.file === dropInPath)
          .map((d) => ({ ...d, message: `systemd ${v}: ${d.message}` })),
      )
    }
    const r: ServiceAssessment =
      extra.length === 0 ? primary : { ...primary, diagnostics: [...primary.diagnostics, ...extra] }
    return { text, r, primary }
  }

  const skipped: Skipped[] = [...plan.skipped]
  const drop = (cand: Candidate, reason: string): void =>
    void skipped.push({ directive: cand.directive, value: cand.value, reason })
  const accepted: {
    id: PhaseId
    candidates: Candidate[]
    deferred: Candidate[]
    exposure: number
    verdict: Verdict
  }[] = []
  const line = (x: Candidate) => ({
    directive: x.directive,
    value: x.value,
    risk: x.risk,
    note: `${x.reason}`,
    ...(x.question === undefined ? {} : { question: x.question, because: x.because ?? '' }),
  })
  const asDropIn = (
    id: PhaseId,
    candidates: readonly Candidate[],
    deferred: readonly Candidate[] = [],
  ): DropInPhase => ({
    name: phaseName(id),
    risk: highest(candidates.map((x) => x.risk)),
    directives: candidates.map(line),
    deferred: deferred.map(line),
  })
  const expectedDropIns = [...base.service.dropInPaths, dropInPath].sort()

  for (const { phase, candidates: offered } of plan.phases) {
    let candidates = offered.filter((x) => x.question === undefined)
    let deferred = offered.filter((x) => x.question !== undefined)
    /** Leaves suggestions out, with the ones that only made sense with them. */
    const remove = (reasons: ReadonlyMap<Candidate, string>): void => {
      const gone = new Set(reasons.keys())
      for (const [x, why] of reasons) drop(x, why)
      for (const x of [...candidates, ...deferred]) {
        if (x.companionOf && gone.has(x.companionOf) && !gone.has(x)) {
          gone.add(x)
          drop(x, `it goes with ${x.companionOf.directive}=${x.companionOf.value}, which is left out`)
        }
      }
      candidates = candidates.filter((x) => !gone.has(x))
      deferred = deferred.filter((x) => !gone.has(x))
    }
    remove(
      new Map(
        offered.filter((x) => /[\x00-\x1f\x7f]/.test(x.value)).map((x) => [x, 'the value contains control characters']),
      ),
    )
    const previous =
      accepted.length > 0 ? accepted[accepted.length - 1]! : { exposure: base.exposure, verdict: base.verdict }
    let kept = false
    while (candidates.length > 0) {
      const before = accepted.map((a) => asDropIn(a.id, a.candidates))
      const { text, r } = predict([...before, asDropIn(phase, candidates)])
      if (!r.ok) {
        // Find the first line that makes the unit unloadable, and leave it out.
        const culprit = candidates.findIndex(
          (_, k) => !predict([...before, asDropIn(phase, candidates.slice(0, k + 1))]).r.ok,
        )
        const bad = candidates[culprit === -1 ? candidates.length - 1 : culprit]!
        remove(new Map([[bad, `systemd ${options.version} would refuse the unit with it: ${r.error}`]]))
        continue
      }
      const warned = r.diagnostics.filter((d) => d.file === dropInPath)
      if (warned.length > 0) {
        const bad = new Map<Candidate, string>()
        for (const d of warned) {
          const at = text.lines.get(d.line)
          const cand = at && at[0] === before.length ? candidates[at[1]] : undefined
          if (cand && !bad.has(cand)) bad.set(cand, `systemd ${options.version} would ignore it: ${d.message}`)
        }
        if (bad.size === 0)
          return {
            ok: false,
            path,
            error: `the suggested drop-in makes systemd ${options.version} warn: ${warned[0]!.message}`,
          }
        remove(bad)
        continue
      }
      if ([...r.service.dropInPaths].sort().join('\0') !== expectedDropIns.join('\0')) {
        return { ok: false, path, error: `${dropInPath} would change which drop-ins systemd loads` }
      }
      const overridden = candidates.filter((x) => x.takesEffect && !x.takesEffect(r.service.state))
      if (overridden.length > 0) {
        remove(
          new Map(
            overridden.map((x) => [
              x,
              `${overriddenBy(r, dropInPath, x.directive)}, applied after this drop-in, overrides it`,
            ]),
          ),
        )
        continue
      }
      // A phase that lowers no score is not worth a rollout step of its own.
      if (r.exposure >= previous.exposure) {
        for (const x of candidates) drop(x, 'it lowers no score on its own')
        candidates = []
        break
      }
      accepted.push({ id: phase, candidates, deferred, exposure: r.exposure, verdict: r.verdict })
      kept = true
      break
    }
    // Deferred lines are shown even when no active line of their phase is left.
    if (!kept && deferred.length > 0)
      accepted.push({ id: phase, candidates: [], deferred, exposure: previous.exposure, verdict: previous.verdict })
  }

  // The deferred lines must load as cleanly as the active ones once uncommented.
  let answered = predict(
    accepted.map((a) => asDropIn(a.id, a.candidates, a.deferred)),
    true,
  )
  for (
    let round = 0;
    round < 8 && answered.r.ok && answered.r.diagnostics.some((d) => d.file === dropInPath);
    round++
  ) {
    for (const d of answered.r.diagnostics.filter((x) => x.file === dropInPath)) {
      const at = answered.text.lines.get(d.line)
      if (!at || !at[2]) continue
      const owner = accepted[at[0]]!
      const cand = owner.deferred[at[1]]
      if (cand) {
        drop(cand, `systemd ${options.version} would ignore it: ${d.message}`)
        owner.deferred = owner.deferred.filter((x) => x !== cand && x.companionOf !== cand)
      }
    }
    answered = predict(
      accepted.map((a) => asDropIn(a.id, a.candidates, a.deferred)),
      true,
    )
  }
  // A deferred line a later drop-in overrides would do nothing once uncommented.
  if (answered.r.ok) {
    const r = answered.r
    let changed = false
    for (const a of accepted) {
      const overridden = a.deferred.filter((x) => x.takesEffect && !x.takesEffect(r.service.state))
      const gone = new Set(overridden)
      for (const x of a.deferred) if (x.companionOf && gone.has(x.companionOf)) gone.add(x)
      for (const x of gone)
        drop(
          x,
          gone.has(x.companionOf!)
            ? `it goes with ${x.companionOf!.directive}=${x.companionOf!.value}, which is left out`
            : `${overriddenBy(r, dropInPath, x.directive)}, applied after this drop-in, overrides it`,
        )
      if (gone.size > 0) changed = true
      a.deferred = a.deferred.filter((x) => !gone.has(x))
    }
    if (changed)
      answered = predict(
        accepted.map((a) => asDropIn(a.id, a.candidates, a.deferred)),
        true,
      )
  }
  if (!answered.r.ok || answered.r.diagnostics.some((d) => d.file === dropInPath)) {
    for (const a of accepted) {
      for (const x of a.deferred) drop(x, `systemd ${options.version} would not load it with the rest uncommented`)
      a.deferred = []
    }
    answered = predict(
      accepted.map((a) => asDropIn(a.id, a.candidates)),
      true,
    )
  }
  const shown = accepted.filter((a) => a.candidates.length > 0 || a.deferred.length > 0)

  const last = shown[shown.length - 1]
  const predicted = last ? last.exposure : base.exposure
  const predictedVerdict = last ? last.verdict : base.verdict
  const ifAnswered = answered.r.ok ? answered.r : null
  const observe = observationsFor(
    shown.flatMap((a) => [...a.candidates.filter((x) => x.risk === 'high'), ...a.deferred]),
    restart,
  )
  const scores: VersionScores[] = fleet.versions.map((v) => {
    const at = (content: string | null): number => {
      const a = assessUnitFile(content === null ? source : overlaySource(source, { [dropInPath]: content }), path, {
        ...assess,
        version: v,
      })
      return a.ok ? score(a.exposure) : NaN
    }
    // The primary version's three were assessed already: the unit as it is, its active lines
    // (the last phase's prediction, which the printed drop-in is checked against below), and
    // every line (the prediction with the deferred ones uncommented).
    if (v === options.version)
      return {
        version: v,
        exposure: score(base.exposure),
        predicted: score(predicted),
        predictedIfAnswered: answered.primary.ok ? score(answered.primary.exposure) : NaN,
      }
    return {
      version: v,
      exposure: at(null),
      predicted: at(
        renderDropIn(
          header,
          shown.map((x) => asDropIn(x.id, x.candidates, x.deferred)),
        ).content,
      ),
      predictedIfAnswered: at(answered.text.content),
    }
  })
  const final = renderDropIn(
    {
      ...header,
      now: `${formatExposure(base.exposure)} ${base.verdict}`,
      predicted: `${formatExposure(predicted)} ${predictedVerdict}`,
      ...(ifAnswered ? { ifAnswered: `${formatExposure(ifAnswered.exposure)} ${ifAnswered.verdict}` } : {}),
      observe,
      ...(scores.length > 1
        ? {
            perVersion: scores.map(
              (x) =>
                `${x.version}: ${x.exposure.toFixed(1)} now, ${x.predicted.toFixed(1)} active, ${x.predictedIfAnswered.toFixed(1)} with every line`,
            ),
          }
        : {}),
    },
    shown.map((a) => ({
      ...asDropIn(a.id, a.candidates, a.deferred),
      ...(a.candidates.length > 0 ? { score: `${formatExposure(a.exposure)} ${a.verdict}` } : {}),
    })),
  )
  // The file as printed must load exactly as predicted: same score, no warning.
  const check = assessUnitFile(overlaySource(source, { [dropInPath]: final.content }), path, assess)
  if (!check.ok || check.exposure !== predicted || check.diagnostics.some((d) => d.file === dropInPath)) {
    return { ok: false, path, error: 'internal error: the rendered drop-in does not reproduce its prediction' }
  }
  const directive = (x: Candidate): RecommendedDirective => ({
    directive: x.directive,
    value: x.value,
    risk: x.risk,
    reason: x.reason,
    protects: x.entry.protects,
    breaks: x.entry.breaks,
  })

  return {
    ok: true,
    unit: base.unit,
    path,
    systemdVersion: options.version,
    exposure: score(base.exposure),
    verdict: base.verdict,
    phases: shown.map((a) => ({
      id: a.id,
      name: phaseName(a.id),
      directives: a.candidates.map(directive),
      deferred: a.deferred.map((x) => ({ ...directive(x), question: x.question!, because: x.because ?? '' })),
      risk: highest(a.candidates.map((x) => x.risk)),
      exposure: score(a.exposure),
      verdict: a.verdict,
    })),
    skipped,
    inEffect: plan.inEffect,
    notes: notesFor(c),
    dropin: { path: relative, content: final.content },
    predicted: score(predicted),
    predictedVerdict,
    predictedIfAnswered: score(ifAnswered ? ifAnswered.exposure : predicted),
    predictedIfAnsweredVerdict: ifAnswered ? ifAnswered.verdict : predictedVerdict,
    observe,
    rollout: rolloutSteps(restart),
    rollback: rollbackCommand(relative, restart),
    fleet: fleet.text,
    scores,
  }
}

/** The drop-ins it writes are [Service] sections: another unit type would only get a drop-in systemd warns about. */
function notAService(path: string): RecommendationFailure | null {
  const type = unitType(basename(path))
  return type === 'service' ? null : { ok: false, path, error: `recommend supports .service units only, not .${type}` }
}

const assessOptions = (options: RecommendOptions): AssessOptions => ({
  version: options.version,
  ...(options.location ? { location: options.location } : {}),
})

/** The observation steps that answer the questions of these lines, in a fixed order. */
function observationsFor(lines: readonly Candidate[], restart: string): string[] {
  const wanted = new Set<Observation>(lines.map((x) => checkOf(x.directive).observe))
  return (Object.keys(OBSERVATIONS) as Observation[])
    .filter((o) => wanted.has(o))
    .map((o) => OBSERVATIONS[o].replaceAll('UNIT', restart).replaceAll('PID', '$PID'))
}

/** `hardening.conf`, unless a drop-in of that name already applies to the unit. */
function dropInName(service: LoadedService): string {
  const used = new Set(service.dropInPaths.map(basename))
  for (let i = 1; ; i++) {
    const name = i === 1 ? 'hardening.conf' : `hardening-${i}.conf`
    if (!used.has(name)) return name
  }
}

function restartName(path: string, unit: string): string {
  return unitNameKind(basename(path)) === 'template' ? withInstance(basename(path), '*') : unit
}

function phaseName(id: PhaseId): string {
  return PHASES.find((p) => p.id === id)!.name
}

function highest(risks: readonly Risk[]): Risk {
  return RISKS[Math.max(0, ...risks.map((r) => RISKS.indexOf(r)))]!
}

/** The drop-in after ours that sets `directive` last (DynamicUser= implications aside). */
function overriddenBy(r: ServiceAssessment, ours: string, directive: string): string {
  const files = r.service.files
  const later = files.slice(files.findIndex((f) => f.file === ours) + 1)
  const setter = later.filter((f) => f.assignments.some((a) => a.key === directive)).pop()
  return setter ? basename(setter.file) : `a later drop-in (${later.map((f) => basename(f.file)).join(', ')})`
}

function notesFor(c: UnitContext): string[] {
  const notes: string[] = []
  for (const x of c.commands) {
    if (x.fullyPrivileged)
      notes.push(`${x.directive}=+${x.path} runs with full privileges: none of these settings apply to it`)
  }
  if (c.service.state.permissionsStartOnly) {
    notes.push(
      'PermissionsStartOnly=yes: every command but ExecStart= runs as root and unsandboxed; prefer per-command prefixes or directory directives',
    )
  }
  for (const sock of c.sockets) {
    if (sock.listens.length === 0) continue
    const on = sock.listens.map((l) => l.value).join(', ')
    notes.push(
      `${sock.unit} listens on ${on} and passes the sockets: the service needs no privilege to bind them, and RestrictAddressFamilies= does not apply to them`,
    )
  }
  if (!c.service.state.defaultDependencies) {
    notes.push(
      'DefaultDependencies=no: systemd-analyze does not score PrivateTmp=, ProtectHome=, ProtectSystem= or RootDirectory= for early-boot services',
    )
  }
  return notes
}
