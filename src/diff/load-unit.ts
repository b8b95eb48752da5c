/**
 * Loading one unit of one side, and what the load read: the files that make the unit what it is
 * are exactly those the loader read (its fragment and drop-ins, through the links and build
 * templates behind them), so a change affects the unit when it changed one of them. The drop-in
 * rules live in the loader alone.
 */
import { GitError } from '../git/git.js'
import type { VersionTraits } from '../model/versions.js'
import { loadService, type LoadedService, type LoadOptions, type LoadResult } from '../service/load.js'
import {
  describeChoice,
  mergeChoices,
  otherReadings,
  type TemplateChoice,
  type TemplateChoices,
  type TemplateNote,
} from '../unit/build-template.js'
import { dropInUnitNames, templateOf, unitNameKind, unitType, withInstance } from '../unit/names.js'
import { basename, dirname, joinPath, UnreadableFile, type UnitSource } from '../unit/source.js'
import { resolveUnitFiles } from '../unit/unit-files.js'
import { rootAliasTarget, rootLocation } from './rootfs.js'
import { unreadableReason, type Snapshot } from './snapshot.js'
import { isDropInDirectory } from './unit-paths.js'
import type { UnitRef } from './units.js'

/**
 * Another reading of the unit, for the capability gate only: where systemd's reading depends
 * on what the repository does not say (how it is deployed, whether it is enabled) or where this
 * loader refuses what systemd may accept, the gate takes every reading into account, so that
 * none of them hides a widening. Scores are systemd-analyze's reading alone.
 */
export interface AlternativeLoad {
  readonly kind: 'lenient' | 'drop-in-links' | 'install-aliases' | 'build-options'
  /** When this reading holds, completing "if …" in a finding only it shows. */
  readonly assumption: string
  readonly result: LoadedService
  /** 'build-options': what the build decides in this reading (other keys: their first option). */
  readonly choices?: TemplateChoices
}

export interface UnitLoad {
  readonly ref: UnitRef
  readonly result: LoadResult
  readonly alternatives: readonly AlternativeLoad[]
  /** Why the unit (or part of it) could not be read: it must not pass unseen. Null when it could. */
  readonly unreadable: string | null
  /** Repository paths whose change changes this unit: links followed and files read. */
  readonly reaches: ReadonlySet<string>
  /** Build-template notes, with the template's path. */
  readonly templateNotes: readonly { readonly file: string; readonly line: number; readonly message: string }[]
  /** What the build decides in the unit's build templates (none: it has none), each read. */
  readonly templateChoices: readonly TemplateChoice[]
}

/** The unit name systemd loads a unit file as (templates are analysed as an instance). */
export function loadedName(path: string, traits: VersionTraits): string {
  const name = basename(path)
  return unitNameKind(name) === 'template' ? withInstance(name, traits.templateInstance) : name
}

export function loadUnit(snapshot: Snapshot, ref: UnitRef, traits: VersionTraits): UnitLoad {
  let result: LoadResult
  let unreadable: string | null = null
  try {
    result = loadService(ref.view.source, ref.loadPath, traits, rootLocation(ref.loadPath))
  } catch (e) {
    // Whatever a source cannot give (a link out of the repository, a file over the limit, an
    // I/O or git error) makes the unit unreadable — never a unit without that part. Anything
    // else is a bug and fails the run.
    if (!(e instanceof UnreadableFile || e instanceof GitError)) throw e
    unreadable = e.message
    result = { ok: false, unit: loadedName(ref.loadPath, traits), error: unreadable, diagnostics: [] }
  }
  // The loader follows links itself, as systemd-analyze on a clean machine does: one that leaves
  // the repository, dangles or loops reads as nothing there. What it stands for when deployed is
  // not known here, so the unit is unreadable.
  if (unreadable === null) {
    // Its drop-in directories may be links too (systemd-analyze skips one it cannot follow).
    const names = result.ok ? result.names : [result.unit ?? loadedName(ref.loadPath, traits)]
    const unitDirs = rootLocation(ref.loadPath).searchRoot?.dirs ?? [dirname(ref.loadPath)]
    const dropInDirs = [...new Set([...names.flatMap((n) => dropInUnitNames(n)), unitType(names[0]!)])].flatMap((n) =>
      unitDirs.map((d) => joinPath(d, `${n}.d`)),
    )
    // (An alias of a root file system to a name none of its directories ships names the
    // distribution's unit: systemd reads it as a name, not as a file that is missing.)
    const links = result.ok
      ? result.links.filter((l) => rootAliasTarget(l.path, l.target) === null).map((l) => l.path)
      : []
    for (const p of [ref.loadPath, ...links, ...dropInDirs]) {
      const why = unreadableReason(snapshot.tree.resolve(ref.view.origin(p)))
      if (why !== null) {
        unreadable = `${p}: ${why}`
        break
      }
    }
  }

  const read = result.ok
    ? [result.fragmentPath, ...result.dropInPaths]
    : filesOfFailedLoad(snapshot, ref, result.unit ?? loadedName(ref.loadPath, traits))
  const templateChoices = mergeChoices(read.map((p) => ref.view.expansion(p)?.choices ?? []))
  const unresolvable: string[] = []
  const unresolvableIf: { note: string; assumption: string }[] = []
  const alternatives = unreadable === null ? alternativeLoads(snapshot, ref, traits, result) : []
  if (unreadable === null && templateChoices.length > 0) {
    const readings = buildOptionLoads(ref, traits, templateChoices)
    if (readings === null)
      unresolvable.push(`${ref.view.origin(ref.loadPath)}: its build templates decide more than can be read each way`)
    else {
      alternatives.push(...readings.loads)
      unresolvableIf.push(...readings.unresolvable)
    }
  }
  for (const alt of alternatives) for (const p of [alt.result.fragmentPath, ...alt.result.dropInPaths]) read.push(p)
  const reaches = new Set<string>()
  const templateNotes: { file: string; line: number; message: string }[] = []
  const unknown = new Set<string>()
  for (const p of new Set(read)) {
    const origin = ref.view.origin(p)
    for (const r of snapshot.tree.reaches(origin).paths) reaches.add(r)
    const x = ref.view.expansion(p)
    if (x === null) continue
    const note = (n: TemplateNote, prefix: string) =>
      templateNotes.push({ file: origin, line: n.line, message: prefix + n.message })
    for (const n of x.unresolvable) {
      note(n, 'build template: ')
      unresolvable.push(`${origin}${n.line > 0 ? `:${n.line}` : ''}: ${n.message}`)
    }
    for (const n of x.warnings) note(n, 'build template: ')
    for (const u of x.unknown) unknown.add(u)
  }
  // What only another reading cannot resolve, once, with when.
  for (const n of unresolvableIf)
    if (!unresolvable.some((u) => u === n.note || u.startsWith(`${n.note} (if `)))
      unresolvable.push(`${n.note} (if ${n.assumption})`)
  for (const p of ref.namedBy) for (const r of snapshot.tree.reaches(p).paths) reaches.add(r)
  if (unreadable === null && unresolvable.length > 0) {
    unreadable = `unresolvable build template: ${[...new Set(unresolvable)].join('; ')} (a value for the placeholder, in the template placeholder settings, resolves it)`
  }
  // A generated unit that does not load with unknown placeholders in it says nothing about the
  // unit the build makes: that is not systemd refusing it, but the tool not knowing it.
  if (unreadable === null && !result.ok && unknown.size > 0) {
    unreadable = `the unit generated from its build template does not load with the unknown placeholders ${[...unknown].join(' ')} (${result.error})`
  }
  return { ref, result, alternatives, unreadable, reaches, templateNotes, templateChoices }
}

/**
 * The unit as the build makes it under other build options (each branch of its `{% if %}`
 * blocks, an unknown placeholder beginning a command line as an exec prefix): readings for the
 * gate, and what makes one of them unresolvable (an unknown placeholder in `User=` of a branch
 * the scored reading drops), with when. Null when there are too many to read.
 */
function buildOptionLoads(
  ref: UnitRef,
  traits: VersionTraits,
  choices: readonly TemplateChoice[],
): { loads: AlternativeLoad[]; unresolvable: { note: string; assumption: string }[] } | null {
  const readings = otherReadings(choices)
  if (readings === null) return null
  const loads: AlternativeLoad[] = []
  const unresolvable: { note: string; assumption: string }[] = []
  for (const chosen of readings) {
    const view = ref.view.withChoices(chosen)
    const assumption = [...chosen].map(([k, o]) => describeChoice(k, o)).join(' and ')
    let r: LoadResult
    try {
      r = loadService(view.source, ref.loadPath, traits, rootLocation(ref.loadPath))
    } catch {
      continue
    }
    const files = r.ok ? [r.fragmentPath, ...r.dropInPaths] : [ref.loadPath]
    for (const p of files) {
      for (const n of view.expansion(p)?.unresolvable ?? [])
        unresolvable.push({ note: `${view.origin(p)}${n.line > 0 ? `:${n.line}` : ''}: ${n.message}`, assumption })
    }
    if (r.ok) loads.push({ kind: 'build-options', assumption, result: r, choices: chosen })
  }
  return { loads, unresolvable }
}

function alternativeLoads(
  snapshot: Snapshot,
  ref: UnitRef,
  traits: VersionTraits,
  strict: LoadResult,
): AlternativeLoad[] {
  const out: AlternativeLoad[] = []
  const load = (options: LoadOptions, source = ref.view.source): LoadResult | null => {
    try {
      return loadService(source, ref.loadPath, traits, { ...rootLocation(ref.loadPath), ...options })
    } catch {
      return null
    }
  }
  // A setting this loader finds fatal (the unit refused, or the rest of a drop-in skipped).
  const fatal = strict.diagnostics.find((d) => d.severity === 'error')
  if (!strict.ok || fatal !== undefined) {
    const r = load({ lenient: true })
    const why = strict.ok ? fatal!.message : strict.error
    if (r?.ok) out.push({ kind: 'lenient', assumption: `systemd reads on where this tool stops (${why})`, result: r })
  }
  const dir = dirname(ref.loadPath)
  const entries = snapshot.tree.listDir(ref.view.origin(dir)) ?? []
  if (
    entries.some((n) => n.endsWith('.d') && snapshot.tree.entry(joinPath(ref.view.origin(dir), n))?.kind === 'link')
  ) {
    const r = load({ followDropInDirectoryLinks: true })
    if (r?.ok)
      out.push({
        kind: 'drop-in-links',
        assumption: 'its drop-in directory links are resolved from their own directory when deployed',
        result: r,
      })
  }
  if (strict.ok) {
    const aliases = installAliases(strict).filter(
      (a) => !strict.names.includes(a) && entries.some((n) => n === `${a}.d` || n === `${templateOf(a)}.d`),
    )
    if (aliases.length > 0) {
      const r = load({}, withAliasLinks(ref.view.source, dir, aliases, basename(strict.fragmentPath)))
      if (r?.ok)
        out.push({
          kind: 'install-aliases',
          assumption: `it is enabled: [Install] Alias=${aliases.join(' ')} makes their drop-ins apply`,
          result: r,
        })
    }
  }
  return out
}

/** The names `systemctl enable` links to a unit: its [Install] Alias= names of the same type. */
function installAliases(svc: LoadedService): string[] {
  const type = unitType(svc.unit)
  const out: string[] = []
  for (const f of svc.files) {
    for (const a of f.assignments) {
      if (a.section !== 'Install' || a.key !== 'Alias') continue
      if (a.value === '') out.length = 0
      for (const w of a.value.split(/\s+/))
        if (w !== '' && unitNameKind(w) !== null && unitType(w) === type && !out.includes(w)) out.push(w)
    }
  }
  return out
}

/** A source where `dir/<alias>` are links to the unit's file, as `systemctl enable` makes them. */
function withAliasLinks(source: UnitSource, dir: string, aliases: readonly string[], target: string): UnitSource {
  const paths = new Set(aliases.map((a) => joinPath(dir, a)))
  return {
    read: (p) => (paths.has(p) ? source.read(joinPath(dir, target)) : source.read(p)),
    list: (d) => {
      const names = source.list(d)
      return d === dir && names !== null ? [...new Set([...names, ...aliases])] : names
    },
    link: (p) => (paths.has(p) ? target : source.link(p)),
  }
}

/**
 * What a load that failed would have read: the unit's file (or its template) and its drop-ins.
 * When the drop-ins cannot be listed (a drop-in directory that leaves the repository), every
 * file of every drop-in directory beside the unit counts: a change there must not slip past a
 * unit that is unreadable for another reason.
 */
/** The instance a loaded name carries ('' for a plain name): what resolveUnitFiles() names templates with. */
function instanceOf(unit: string): string {
  const at = unit.indexOf('@')
  const dot = unit.lastIndexOf('.')
  return at >= 0 && at < dot ? unit.slice(at + 1, dot) : ''
}

function filesOfFailedLoad(snapshot: Snapshot, ref: UnitRef, unit: string): string[] {
  const dir = dirname(ref.loadPath)
  const files = [ref.loadPath]
  if (unitNameKind(basename(ref.loadPath)) === 'instance') files.push(joinPath(dir, templateOf(basename(ref.loadPath))))
  try {
    for (const d of resolveUnitFiles(ref.view.source, ref.loadPath, instanceOf(unit), rootLocation(ref.loadPath))
      .involved)
      files.push(d)
  } catch {
    for (const name of snapshot.tree.listDir(dir) ?? []) {
      const d = joinPath(dir, name)
      if (!isDropInDirectory(d)) continue
      files.push(d)
      const r = snapshot.tree.resolve(d)
      if (r.kind === 'dir') for (const entry of snapshot.tree.listDir(r.path) ?? []) files.push(joinPath(d, entry))
    }
  }
  return files
}
