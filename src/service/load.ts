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
import { basename, dirname, joinPath, UnreadableFile, type UnitSource } from '../unit/source.js'
import { parseUnitFile, type Assignment, type UnitFileSyntax } from '../unit/syntax.js'
import { resolveUnitFiles, type LoadLocation } from '../unit/unit-files.js'
import { DIRECTIVES, type DirectiveContext } from './directives/index.js'
import { SERVICE_ONLY_EXEC_DIRECTIVES } from './exec-directives.js'
import { parserFailure } from './parser-failures.js'
import { patchService } from './patch.js'
import { initialServiceState, type ServiceState } from './state.js'
import { SILENT_EINVAL } from './unit-type-settings.js'
import { LOAD_FAILED_EINVAL, unitTypeRefusal, type Refusal } from './unit-type-verify.js'
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
  /** What systemd-analyze prints about the unit it triggers (triggeredUnit()), after the unit's own warnings. */
  readonly triggered: readonly Diagnostic[]
}

export interface LoadFailure {
  readonly ok: false
  readonly unit: string | null
  readonly error: string
  readonly diagnostics: readonly Diagnostic[]
  /**
   * What systemd-analyze prints about the failure after the unit's warnings, in its words: what
   * the unit logged (its refusal), the messages of the unit it triggers, and last the line
   * systemd-analyze ends with. Absent for a failure of our own (an unreadable file).
   */
  readonly log?: readonly Diagnostic[]
}

/** strerror() of the errnos a failed load reports. */
const STRERROR = {
  EINVAL: 'Invalid argument',
  EBADMSG: 'Bad message',
  ENOBUFS: 'No buffer space available',
  ENOTUNIQ: 'Name not unique on network',
  EBADSLT: 'Invalid slot',
} as const
type Errno = keyof typeof STRERROR

/** A line systemd logs without a file and line in front. */
const said = (message: string): Diagnostic => ({ file: '', line: 0, severity: 'error', message, unlocated: true })

/** systemd-analyze's line for a unit whose load failed with an errno (UNIT_ERROR). */
const failedToLoad = (unit: string, errno: Errno): Diagnostic =>
  said(`Unit ${unit} failed to load properly, please adjust/correct and reload service manager: ${STRERROR[errno]}`)

/** The lines of a unit whose load failed with ENOEXEC (UNIT_BAD_SETTING): what it logged, what it triggers, systemd-analyze's. */
const badSetting = (unit: string, refusal: string, triggered: readonly Diagnostic[] = []): Diagnostic[] => [
  said(`${unit}: ${refusal}`),
  ...triggered,
  said(`Unit ${unit} has a bad unit file setting.`),
]

const FATAL_CONFIGURATION = 'Unit configuration has fatal error, unit will not be started.'

/** The errno config_parse() ends a file with when its reading stops (syntax.ts's aborts). */
function abortErrno(message: string): Errno {
  if (message.endsWith('too long')) return 'ENOBUFS'
  if (/section header/i.test(message)) return 'EBADMSG'
  return 'EINVAL'
}

/**
 * The errno a failing parser of a setting the engine does not interpret returns (parser-failures.ts):
 * config_parse_exec_selinux_context(), the user/group and RootMStack= parsers fail with ENOEXEC as
 * the interpreted ones do; the image policy parser with EINVAL or ENOTUNIQ (a duplicate rule); the
 * others with what failed — the specifier's errno (EBADSLT for an unknown one), else EINVAL.
 */
function parserErrno(parser: string, message: string): Errno | 'ENOEXEC' {
  if (
    parser === 'config_parse_exec_selinux_context' ||
    parser === 'config_parse_user_group_compat' ||
    parser === 'config_parse_unit_path_printf:1'
  )
    return 'ENOEXEC'
  if (parser === 'config_parse_image_policy')
    return message.startsWith('Duplicate rule')
      ? 'ENOTUNIQ'
      : message.startsWith('Unknown partition type')
        ? 'EBADSLT'
        : 'EINVAL'
  return message.startsWith('Failed to resolve unit specifiers') && message.endsWith(': Invalid slot')
    ? 'EBADSLT'
    : 'EINVAL'
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
  /** Loading the unit another one triggers (its own trigger is not loaded). */
  readonly triggeredBy?: string
}

export function loadService(
  source: UnitSource,
  path: string,
  traits: VersionTraits,
  location: LoadOptions = {},
): LoadResult {
  const lenient = location.lenient === true
  const diagnostics: Diagnostic[] = []
  const fail = (unit: string | null, error: string, log: readonly Diagnostic[]): LoadFailure => ({
    ok: false,
    unit,
    error,
    diagnostics,
    log,
  })
  const refusePath = (error: string): LoadFailure =>
    fail(null, error, [said(`Failed to prepare filename ${path}: Invalid argument`)])
  if (path.length > 1 && path.endsWith('/')) {
    const name = basename(path.replace(/\/+$/, ''))
    if (!traits.trailingSlashPathIsName || unitNameKind(name) === null)
      return refusePath(`${path}: a unit file's path cannot end in "/".`)
    return fail(name, `Unit ${name} not found.`, [said(`Unit ${name} not found.`)])
  }
  const base = basename(path)
  const kind = unitNameKind(base)
  if (kind === null) return refusePath(`Unit name "${base}" is not valid.`)
  const type = unitType(base)
  // Scopes are only ever made by the manager at runtime: scope_load() refuses a file.
  if (type === 'scope') return fail(base, `Unit ${base} not found.`, [said(`Unit ${base} not found.`)])
  const { contexts, sections, route } = typeProfile(type)

  const unitFiles = resolveUnitFiles(source, path, traits.templateInstance, location)
  for (const d of unitFiles.diagnostics) diagnostics.push(d)
  const { requested, unit, names, links } = unitFiles
  const fragmentPath = unitFiles.fragmentPath
  const bytes = fragmentPath === null ? null : unitFiles.read(fragmentPath)
  if (fragmentPath === null || bytes === null)
    return fail(requested, `Unit ${requested} not found.`, [said(`Unit ${requested} not found.`)])
  if (bytes.length === 0) return fail(unit, `Unit ${unit} is masked.`, [said(`Unit ${unit} is masked.`)])

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
  const fragmentStart = diagnostics.length
  for (const d of fragment.diagnostics) diagnostics.push(d)
  if (fragment.aborted) {
    const what = binary ? `${fragmentPath} is binary, not a unit file` : `Unit ${requested} has a bad unit file`
    return fail(unit, `${what}: ${fragment.aborted.message} (line ${fragment.aborted.line}).`, [
      failedToLoad(requested, abortErrno(fragment.aborted.message)),
    ])
  }
  const fatal = applyFile(state, fragment, ctx, knownKeys, route, lenient)
  if (fatal && fatal.diagnostic.message !== SILENT_EINVAL) diagnostics.push(fatal.diagnostic)
  inLineOrder(diagnostics, fragmentStart, fragment.diagnostics, lenient ? undefined : fatal?.diagnostic.line)
  if (fatal) {
    if (!lenient)
      return fail(
        requested,
        `Unit ${requested} has a bad unit file setting: ${fatal.diagnostic.message}.`,
        fatal.errno === 'ENOEXEC' ? badSetting(requested, FATAL_CONFIGURATION) : [failedToLoad(requested, fatal.errno)],
      )
  }

  const dropInCtx: DirectiveContext = { ...ctx, specifiers: { ...ctx.specifiers, unitName: unit } }
  const { dropInPaths } = unitFiles
  for (const p of dropInPaths) {
    const content = unitFiles.read(p)
    if (content === null || content.length === 0) continue
    const dropIn = parseUnitFile(content, p, sections, traits)
    files.push(dropIn)
    const start = diagnostics.length
    for (const d of dropIn.diagnostics) diagnostics.push(d)
    const dropInFatal = applyFile(state, dropIn, dropInCtx, knownKeys, route, lenient)
    // A fatal setting in a drop-in only ends that drop-in; the unit still loads.
    if (dropInFatal && dropInFatal.diagnostic.message !== SILENT_EINVAL) diagnostics.push(dropInFatal.diagnostic)
    inLineOrder(diagnostics, start, dropIn.diagnostics, lenient ? undefined : dropInFatal?.diagnostic.line)
  }

  patchService(state, unit, traits)
  // The unit it triggers is loaded after it, whether it loads or not; what that one logs is printed.
  const triggerName = lenient || location.triggeredBy !== undefined ? null : triggeredUnit(type, unit, state)
  const triggered =
    triggerName === null ? [] : triggeredMessages(source, joinPath(dirname(path), triggerName), traits, location, unit)
  const serviceReason = type === 'service' && !lenient ? serviceRefusal(state, traits) : null
  const refusal: Refusal | null = lenient
    ? null
    : type === 'service'
      ? serviceReason === null
        ? null
        : { bare: false, message: serviceReason }
      : otherTypeRefusal(type, unit, names, state, traits)
  if (refusal) {
    const error = refusal.bare ? `Unit ${unit} ${refusal.message}` : refusal.message
    return fail(
      unit,
      binary ? `${fragmentPath} is binary, not a unit file: ${error}` : error,
      refusal.bare
        ? [...triggered, said(`Unit ${unit} ${refusal.message}`)]
        : badSetting(unit, refusal.message, triggered),
    )
  }
  return { ok: true, unit, names, fragmentPath, dropInPaths, links, files, state, diagnostics, triggered }
}

/**
 * The unit a unit of this type loads along with it, whose messages systemd-analyze prints too:
 * an automount's mount; a timer's or path unit's service of the same name (one named by Unit= is
 * only loaded when the trigger starts); a socket's Service=, or its service of the same name when
 * it has a listener that does not accept (socket_add_extras()). null when none.
 */
function triggeredUnit(type: string, unit: string, state: ServiceState): string | null {
  const t = state.unitType
  const stem = unit.slice(0, unit.lastIndexOf('.'))
  if (type === 'automount') return `${stem}.mount`
  if (type === 'timer' || type === 'path') return t.triggerName === null ? `${stem}.service` : null
  if (type !== 'socket') return null
  if (t.triggerName !== null) return t.triggerName
  const nonAccepting = !t.accept || t.listeners.some((l) => l.kind !== 'stream' && l.kind !== 'seqpacket')
  return t.listeners.length > 0 && nonAccepting ? `${stem}.service` : null
}

/**
 * What loading the triggered unit at `path` prints: its warnings and what it logs when it fails,
 * without systemd-analyze's last line (that one is only said about the unit analysed).
 */
function triggeredMessages(
  source: UnitSource,
  path: string,
  traits: VersionTraits,
  location: LoadOptions,
  by: string,
): Diagnostic[] {
  let r
  try {
    r = loadService(source, path, traits, { ...location, triggeredBy: by })
  } catch (e) {
    // A triggered file the source cannot give is not the analysed unit's failure.
    if (e instanceof UnreadableFile) return []
    throw e
  }
  if (r.ok) return [...r.diagnostics]
  return [...r.diagnostics, ...(r.log ?? []).slice(0, -1)]
}

/** Why systemd does not load a unit of another type than service; null if it does. */
function otherTypeRefusal(
  type: string,
  unit: string,
  names: readonly string[],
  state: ServiceState,
  traits: VersionTraits,
): Refusal | null {
  // slice_add_parent_slice() fails on a name whose parent cannot be worked out.
  if (type === 'slice' && !isValidSliceName(unit)) return { bare: true, message: LOAD_FAILED_EINVAL }
  return unitTypeRefusal(type, names.includes(unit) ? names : [unit, ...names], state, traits)
}

function applyFile(
  state: ServiceState,
  file: UnitFileSyntax,
  ctx: DirectiveContext,
  knownKeys: KeysBySection<string>,
  route: (a: Assignment) => string,
  lenient: boolean,
): { diagnostic: Diagnostic; errno: Errno | 'ENOEXEC' } | undefined {
  let first: { diagnostic: Diagnostic; errno: Errno | 'ENOEXEC' } | undefined
  for (const a of file.assignments) {
    // A key this version's parser table (load_fragment_gperf) lacks is unknown to it, even when a
    // later version gave it a handler (ExecReloadPost= before 262).
    const parser = knownKeys.get(a.section)?.get(a.key)
    const handler = parser !== undefined ? HANDLERS.get(route(a))?.get(a.key) : undefined
    let fatal: string | undefined
    // The settings interpreted fail as config_parse_exec() and its kin do, with ENOEXEC.
    let errno: Errno | 'ENOEXEC' = 'ENOEXEC'
    if (handler) {
      state.applied.push(a)
      fatal = handler(state, a, ctx)
      if (fatal === SILENT_EINVAL) errno = 'EINVAL'
    } else if (parser !== undefined) {
      // Not interpreted, but its parser may still fail and end the file (parser-failures.ts).
      fatal = parserFailure(parser, a, ctx)
      if (fatal !== undefined) errno = parserErrno(parser, fatal)
      else {
        const compat = compatWarning(parser, a.key)
        if (compat !== null) ctx.warn(a, compat)
      }
    } else if (!a.key.startsWith('X-')) {
      ctx.warn(a, `Unknown key '${a.key}' in section [${a.section}], ignoring.`)
    }
    if (fatal === undefined) continue
    first ??= { diagnostic: { file: a.file, line: a.line, severity: 'error', message: fatal }, errno }
    if (!lenient) return first
  }
  return first
}

/**
 * systemd reads a file line by line, and says what it finds as it goes: the syntax warnings of a
 * file (found before its settings are applied here) and its settings' warnings, from `start` on,
 * are put in the order of their lines (stable: warnings of one line keep theirs), and syntax
 * warnings after the line that ended the file (`stop`) are dropped — systemd never read that far.
 */
function inLineOrder(
  diagnostics: Diagnostic[],
  start: number,
  syntax: readonly Diagnostic[],
  stop: number | undefined,
): void {
  const of = diagnostics.slice(start)
  let kept = of
  if (stop !== undefined) {
    const fromSyntax = new Set(syntax)
    kept = of.filter((d) => d.line <= stop || !fromSyntax.has(d))
  }
  let sorted = true
  for (let i = 1; i < kept.length && sorted; i++) if (kept[i]!.line < kept[i - 1]!.line) sorted = false
  if (sorted && kept.length === of.length) return
  if (!sorted) kept.sort((a, b) => a.line - b.line)
  diagnostics.length = start
  for (const d of kept) diagnostics.push(d)
}

/** The cgroup v1 settings 252–257 still read, and what they suggest instead. */
const DEPRECATED_CGROUP_V1: Readonly<Record<string, string>> = {
  config_parse_memory_limit: 'MemoryMax=',
  config_parse_cpu_shares: 'CPUWeight=',
  config_parse_blockio_device_weight: 'IO*= settings',
  config_parse_blockio_bandwidth: 'IO*= settings',
}

/**
 * What the parser of a removed or deprecated setting says of it: config_parse_warn_compat()'s
 * notice (262 moved the cgroup v1 settings there), and the deprecation warnings of the cgroup v1
 * settings before that (MemoryLimit= only; the other keys of config_parse_memory_limit are current).
 */
function compatWarning(parser: string, key: string): string | null {
  if (parser === 'config_parse_warn_compat') return `Support for option ${key}= has been removed and it is ignored`
  const instead = DEPRECATED_CGROUP_V1[parser]
  if (instead === undefined || (parser === 'config_parse_memory_limit' && key !== 'MemoryLimit')) return null
  return `Unit uses ${key}=; please use ${instead} instead. Support for ${key}= will be removed soon.`
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
