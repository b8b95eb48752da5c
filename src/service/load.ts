/**
 * Loads a service the way offline `systemd-analyze security` does: the files of the unit
 * (unit-files.ts: the fragment, its alias names, the drop-ins of every name), templates
 * instantiated with the version's instance name, directives applied, implied settings patched,
 * and units systemd refuses refused with its reason.
 *
 * Only the unit file's own directory is searched: this models an analysis isolated from the
 * analysing machine's /etc and /usr/lib unit directories.
 */
import { syscallTable } from '../model/syscalls.js'
import type { VersionTraits } from '../model/versions.js'
import type { Diagnostic } from '../unit/diagnostics.js'
import { unitKeyParsers } from '../unit/key-parsers.generated.js'
import { isValidSliceName, unitNameKind, unitType } from '../unit/names.js'
import type { FollowedLink } from '../unit/source-view.js'
import { basename, type UnitSource } from '../unit/source.js'
import { parseUnitFile, type Assignment, type UnitFileSyntax } from '../unit/syntax.js'
import { resolveUnitFiles, type LoadLocation } from '../unit/unit-files.js'
import { DIRECTIVES, type DirectiveContext } from './directives/index.js'
import { SERVICE_ONLY_EXEC_DIRECTIVES } from './exec-directives.js'
import { parserFailure } from './parser-failures.js'
import { patchService } from './patch.js'
import { initialServiceState, type ServiceState } from './state.js'
import { LOAD_FAILED_EINVAL, unitTypeRefusal } from './unit-type-verify.js'
import { serviceRefusal } from './verify.js'

/** What each unit type's files can configure: an exec context (sandboxing) and/or a cgroup context. */
const UNIT_CONTEXTS: Record<string, { exec: boolean; cgroup: boolean }> = {
  service: { exec: true, cgroup: true },
  socket: { exec: true, cgroup: true },
  mount: { exec: true, cgroup: true },
  swap: { exec: true, cgroup: true },
  slice: { exec: false, cgroup: true },
  scope: { exec: false, cgroup: true },
}

/** Settings of the cgroup context (the only ones a slice or scope file can set among those assessed). */
const CGROUP_KEYS = new Set([
  'IPAddressAllow',
  'IPAddressDeny',
  'IPIngressFilterPath',
  'IPEgressFilterPath',
  'DeviceAllow',
  'DevicePolicy',
  'Delegate',
])

/** Settings only a service has (the other exec-context types know their own variants). */
const SERVICE_ONLY_KEYS = new Set([
  'Type',
  'RemainAfterExit',
  'Restart',
  'ExitType',
  'BusName',
  'NotifyAccess',
  'RestartForceExitStatus',
  'PermissionsStartOnly',
  ...SERVICE_ONLY_EXEC_DIRECTIVES,
])

const capitalize = (s: string): string => s[0]!.toUpperCase() + s.slice(1)

export interface LoadedService {
  readonly ok: true
  /**
   * The unit's main name as systemd reports it: `foo@i.service` for the template file
   * `foo@.service`, `foo.service` for an alias link `bar.service` → `foo.service`.
   */
  readonly unit: string
  /** Every name the unit was loaded under: the main name first, then its aliases in byte order. */
  readonly names: readonly string[]
  readonly fragmentPath: string
  readonly dropInPaths: readonly string[]
  /** Symbolic links that decided which files these are (aliases, linked units, drop-in links), with their targets. */
  readonly links: readonly FollowedLink[]
  /** Every file read, fragment first, then drop-ins in the order they were applied. */
  readonly files: readonly UnitFileSyntax[]
  readonly state: ServiceState
  readonly diagnostics: readonly Diagnostic[]
}

export interface LoadFailure {
  readonly ok: false
  readonly unit: string | null
  readonly error: string
  readonly diagnostics: readonly Diagnostic[]
}

export type LoadResult = LoadedService | LoadFailure

const knownKeysCache = new Map<string, KeysBySection<string>>()

/** What loading needs to know about a unit type, worked out once per type. */
interface TypeProfile {
  readonly contexts: { readonly exec: boolean; readonly cgroup: boolean }
  readonly sections: ReadonlySet<string>
  /** The section whose parsers handle an assignment: a socket's [Socket] sandboxing is parsed like [Service]'s. */
  readonly route: (a: Assignment) => string
}

const typeProfiles = new Map<string, TypeProfile>()

function typeProfile(type: string): TypeProfile {
  let profile = typeProfiles.get(type)
  if (profile !== undefined) return profile
  const contexts = UNIT_CONTEXTS[type] ?? { exec: false, cgroup: false }
  // Offline systemd-analyze scores every unit type with the same assessors; the type decides
  // which section holds the settings and what the defaults are.
  const typeSection = capitalize(type)
  const sections: ReadonlySet<string> = new Set(['Unit', 'Install', typeSection])
  const route = (a: Assignment): string => {
    if (a.section !== typeSection || type === 'service') return a.section
    // A setting only this type has (a socket's ExecStopPre=) has a handler of its own section.
    if (HANDLERS.get(typeSection)?.has(a.key)) return typeSection
    if (contexts.exec && !SERVICE_ONLY_KEYS.has(a.key)) return 'Service'
    if (contexts.cgroup && CGROUP_KEYS.has(a.key)) return 'Service'
    return a.section
  }
  profile = { contexts, sections, route }
  // Unit types come from valid unit names (a fixed list), so this stays small.
  typeProfiles.set(type, profile)
  return profile
}

/** How to load, besides where: systemd's own reading, or a more lenient one. */
export interface LoadOptions extends LoadLocation {
  /**
   * Read on past a setting that would make the unit (or the rest of a drop-in) fail, and skip
   * the checks that refuse a loaded unit: what the unit is in case systemd accepts what this
   * loader refuses. Never used for scores, only so the capability gate sees past a refusal.
   */
  readonly lenient?: boolean
}

export function loadService(
  source: UnitSource,
  path: string,
  traits: VersionTraits,
  location: LoadOptions = {},
): LoadResult {
  const lenient = location.lenient === true
  const diagnostics: Diagnostic[] = []
  const fail = (unit: string | null, error: string): LoadFailure => ({ ok: false, unit, error, diagnostics })
  const base = basename(path)
  const kind = unitNameKind(base)
  if (kind === null) return fail(null, `Unit name "${base}" is not valid.`)
  const type = unitType(base)
  // Scopes are only ever made by the manager at runtime: scope_load() refuses a file.
  if (type === 'scope') return fail(base, `Unit ${base} not found.`)
  const { contexts, sections, route } = typeProfile(type)

  const unitFiles = resolveUnitFiles(source, path, traits.templateInstance, location)
  for (const d of unitFiles.diagnostics) diagnostics.push(d)
  const { requested, unit, names, links } = unitFiles
  const fragmentPath = unitFiles.fragmentPath
  const bytes = fragmentPath === null ? null : unitFiles.read(fragmentPath)
  if (fragmentPath === null || bytes === null) return fail(requested, `Unit ${requested} not found.`)
  if (bytes.length === 0) return fail(unit, `Unit ${unit} is masked.`)

  const state = initialServiceState(traits)
  if (type !== 'service') {
    // Only services default to a private keyring; units without an exec context have no
    // settings at all, which the analyser reads as "not private" and PrivateMounts off.
    state.keyringMode = contexts.exec ? 'shared' : 'unset'
    if (!contexts.exec) state.privateMounts = false
  }
  const ctx: DirectiveContext = {
    traits,
    syscalls: syscallTable(traits.version),
    // The fragment is parsed under the name asked for; the unit takes its main name (merge_by_names())
    // before the drop-ins are read.
    specifiers: { unitName: requested, fragmentPath, sharedDataDirSpecifier: traits.sharedDataDirSpecifier },
    warn: (a, message) => diagnostics.push({ file: a.file, line: a.line, severity: 'warning', message }),
    note: (a, message) =>
      diagnostics.push({ file: a.file, line: a.line, severity: 'warning', message, unlocated: true }),
  }
  let knownKeys = knownKeysCache.get(traits.version)
  if (!knownKeys) {
    knownKeys = bySection(unitKeyParsers(traits.version))
    knownKeysCache.set(traits.version, knownKeys)
  }

  const fragment = parseUnitFile(bytes, fragmentPath, sections, traits)
  const files: UnitFileSyntax[] = [fragment]
  // A NUL byte means this is no text file: systemd reads on (NUL ends a line), so do we, but
  // say so once rather than leaving only a trail of per-line warnings.
  const binary = bytes.includes(0)
  if (binary)
    diagnostics.push({
      file: fragmentPath,
      line: 0,
      severity: 'warning',
      message: 'file contains NUL bytes: not a text unit file',
    })
  // (Loops, not push(...x): a hostile file can carry hundreds of thousands of warnings.)
  for (const d of fragment.diagnostics) diagnostics.push(d)
  if (fragment.aborted) {
    const what = binary ? `${fragmentPath} is binary, not a unit file` : `Unit ${requested} has a bad unit file`
    return fail(unit, `${what}: ${fragment.aborted.message} (line ${fragment.aborted.line}).`)
  }
  const fatal = applyFile(state, fragment, ctx, knownKeys, route, lenient)
  if (fatal) {
    diagnostics.push(fatal)
    if (!lenient) return fail(requested, `Unit ${requested} has a bad unit file setting: ${fatal.message}.`)
  }

  const dropInCtx: DirectiveContext = { ...ctx, specifiers: { ...ctx.specifiers, unitName: unit } }
  const { dropInPaths } = unitFiles
  for (const p of dropInPaths) {
    const content = unitFiles.read(p)
    if (content === null || content.length === 0) continue
    const dropIn = parseUnitFile(content, p, sections, traits)
    files.push(dropIn)
    for (const d of dropIn.diagnostics) diagnostics.push(d)
    const dropInFatal = applyFile(state, dropIn, dropInCtx, knownKeys, route, lenient)
    // A fatal setting in a drop-in only ends that drop-in; the unit still loads.
    if (dropInFatal) diagnostics.push(dropInFatal)
  }

  patchService(state, unit, traits)
  const refusal = lenient
    ? null
    : type === 'service'
      ? serviceRefusal(state, traits)
      : otherTypeRefusal(type, unit, names, state, traits)
  if (refusal) return fail(unit, binary ? `${fragmentPath} is binary, not a unit file: ${refusal}` : refusal)
  return { ok: true, unit, names, fragmentPath, dropInPaths, links, files, state, diagnostics }
}

/** Why systemd does not load a unit of another type than service; null if it does. */
function otherTypeRefusal(
  type: string,
  unit: string,
  names: readonly string[],
  state: ServiceState,
  traits: VersionTraits,
): string | null {
  // slice_add_parent_slice() fails on a name whose parent cannot be worked out.
  if (type === 'slice' && !isValidSliceName(unit)) return `Unit ${unit} ${LOAD_FAILED_EINVAL}`
  const refusal = unitTypeRefusal(type, names.includes(unit) ? names : [unit, ...names], state, traits)
  if (refusal === null) return null
  return refusal.bare ? `Unit ${unit} ${refusal.message}` : refusal.message
}

function applyFile(
  state: ServiceState,
  file: UnitFileSyntax,
  ctx: DirectiveContext,
  knownKeys: KeysBySection<string>,
  route: (a: Assignment) => string,
  lenient: boolean,
): Diagnostic | undefined {
  let first: Diagnostic | undefined
  for (const a of file.assignments) {
    // A key this version's parser table (load_fragment_gperf) lacks is unknown to it, even when a
    // later version gave it a handler (ExecReloadPost= before 262).
    const parser = knownKeys.get(a.section)?.get(a.key)
    const handler = parser !== undefined ? HANDLERS.get(route(a))?.get(a.key) : undefined
    let fatal: string | undefined
    if (handler) {
      state.applied.push(a)
      fatal = handler(state, a, ctx)
    } else if (parser !== undefined) {
      // Not interpreted, but its parser may still fail and end the file (parser-failures.ts).
      fatal = parserFailure(parser, a, ctx)
    } else if (!a.key.startsWith('X-')) {
      ctx.warn(a, `Unknown key '${a.key}' in section [${a.section}], ignoring.`)
    }
    if (fatal === undefined) continue
    first ??= { file: a.file, line: a.line, severity: 'error', message: fatal }
    if (!lenient) return first
  }
  return first
}

/** Section → key → value, from `Section.Key` entries: no string to build per assignment. */
type KeysBySection<T = true> = ReadonlyMap<string, ReadonlyMap<string, T>>

function bySection<T>(entries: Iterable<readonly [string, T]>): KeysBySection<T> {
  const out = new Map<string, Map<string, T>>()
  for (const [qualified, value] of entries) {
    const dot = qualified.indexOf('.')
    const section = qualified.slice(0, dot)
    let keys = out.get(section)
    if (!keys) out.set(section, (keys = new Map<string, T>()))
    keys.set(qualified.slice(dot + 1), value)
  }
  return out
}

const HANDLERS = bySection(DIRECTIVES)
