/**
 * Capability widening: what a unit's processes can do with privileges in head that they could
 * not in base, at each level of the privilege profile (src/service/privileges.ts) — held at
 * start, reachable through set-user-ID/file-capability programs, and per elevated command.
 *
 * Each new privilege is reported once, at the strongest level of the ordinary processes (a
 * capability newly held is not reported again as newly reachable), and each elevated command
 * is its own finding. A unit without a base (new) is compared with nothing: everything it can
 * hold is new, and a new root unit is one finding, not one per capability.
 */
import { capabilityName, CAPABILITY_NAMES, KNOWN_CAPS } from '../model/linux-names.js'
import type { VersionTraits } from '../model/versions.js'
import { isExecDirective } from '../service/exec-directives.js'
import type { LoadedService } from '../service/load.js'
import {
  implicitHelper,
  privilegeProfile,
  type ElevatedCommand,
  type ElevationKind,
  type InstanceUserReading,
  type PrivilegeProfile,
} from '../service/privileges.js'
import { isUserUnitPath, userManagerProfile } from '../service/user-units.js'
import { extractWords } from '../service/words.js'
import { unescapeUnitName } from '../unit/names.js'
import { basename } from '../unit/source.js'
import type { Assignment } from '../unit/syntax.js'
import type { Acceptance, PrivilegeSummary, PrivilegeWidening } from './report.js'
import { blame, type LineRef } from './trace.js'
import type { AllowEntry, Waiver } from './waivers.js'

export { capabilityBit, capabilityNames } from '../model/linux-names.js'

/** Set bits of a capability set as `CAP_*` names, in number order. */
function names(caps: bigint): string[] {
  const out: string[] = []
  for (let i = 0; i < CAPABILITY_NAMES.length; i++) if (caps & (1n << BigInt(i))) out.push(capabilityName(i))
  return out
}

/** The pseudo-privilege "runs as uid 0" in lists of what is new or accepted. */
export const ROOT = 'root'
/** The pseudo-privilege "runs outside the unit's sandbox" (`+`, PermissionsStartOnly=). */
export const SANDBOX_ESCAPE = 'outside-sandbox'
/** The pseudo-privilege "decides what its privileged commands load and run" (their environment). */
export const ELEVATED_ENVIRONMENT = 'elevated-environment'

const BOUNDING_KEYS = [
  'CapabilityBoundingSet',
  'PrivateDevices',
  'ProtectKernelModules',
  'ProtectKernelLogs',
  'ProtectClock',
]
const IDENTITY_KEYS = ['User', 'DynamicUser']
const SECCOMP_KEYS = [
  'LockPersonality',
  'MemoryDenyWriteExecute',
  'PrivateDevices',
  'ProtectClock',
  'ProtectHostname',
  'ProtectKernelTunables',
  'ProtectKernelModules',
  'ProtectKernelLogs',
  'RestrictAddressFamilies',
  'RestrictNamespaces',
  'RestrictRealtime',
  'RestrictSUIDSGID',
  'SystemCallArchitectures',
  'SystemCallFilter',
]

export function profileOf(
  svc: LoadedService,
  traits: VersionTraits,
  instanceUser: InstanceUserReading = 'root',
): PrivilegeProfile {
  const profile = privilegeProfile(svc, traits, instanceUser)
  return isUserUnitPath(svc.fragmentPath) ? userManagerProfile(profile) : profile
}

/** The profile as the report shows it. */
export function summarize(p: PrivilegeProfile): PrivilegeSummary {
  return {
    startsProcesses: p.startsProcesses,
    user: p.user.name,
    root: p.user.root,
    userFromInstance: p.user.fromInstance,
    held: names(p.held.caps),
    reachable: names(p.reachable),
    noNewPrivileges: p.noNewPrivileges,
    elevated: p.elevated.map((e) => ({
      directive: e.command.directive,
      command: e.command.text,
      kind: e.kind,
      root: e.privileges.root,
      capabilities: names(e.privileges.caps),
      file: e.command.source.file,
      line: e.command.source.line,
    })),
  }
}

export interface Acceptor {
  readonly waivers: readonly Waiver[]
  /** Waivers base already had (a waiver this change adds is marked as such). */
  readonly baseWaivers: readonly Waiver[]
  readonly allow: readonly AllowEntry[]
  /** Names the allow-list may use for this unit: the loaded name and the file's name. */
  readonly unitNames: readonly string[]
}

/** Every privilege head's unit has that base's did not, as findings. */
export function privilegeWidenings(
  base: { svc: LoadedService; profile: PrivilegeProfile } | null,
  head: { svc: LoadedService; profile: PrivilegeProfile },
  acceptor: Acceptor,
): PrivilegeWidening[] {
  const h = head.profile
  const b = base?.profile ?? null
  const out: PrivilegeWidening[] = []
  const finding = (
    level: PrivilegeWidening['level'],
    caps: bigint,
    root: boolean,
    what: string,
    cause: string,
    line: LineRef | null,
    command: PrivilegeWidening['command'] = null,
    others: readonly string[] = [],
  ): void => {
    const capabilities = names(caps)
    const wanted = [...(root ? [ROOT] : []), ...capabilities, ...others]
    const { accepted, unaccepted } = accept(wanted, acceptor, line)
    out.push({
      level,
      capabilities,
      root,
      command,
      what,
      cause,
      file: line?.file ?? null,
      line: line?.line ?? null,
      removedLine: line?.removed ?? false,
      directive: line ? line.text.slice(0, line.text.indexOf('=') + 1) : null,
      accepted,
      unaccepted,
    })
  }

  // Held at start.
  const heldCaps = h.held.caps & ~(b?.held.caps ?? 0n)
  const heldRoot = h.held.root && !(b?.held.root ?? false) && h.startsProcesses
  if (heldCaps !== 0n || heldRoot) {
    const why = heldCause(base?.svc ?? null, b, head.svc, h)
    finding('held', heldCaps, heldRoot, heldWhat(b, h, heldCaps, heldRoot), why.text, why.line)
  }

  // Reachable through set-user-ID and file-capability programs, beyond what it now holds.
  // Without no-new-privileges a process that is not root becomes uid 0 by executing a
  // set-user-ID-root program, whatever its bounding set: that is a privilege too.
  const reach = h.reachable & ~(b?.reachable ?? 0n) & ~h.held.caps
  const reachRoot = reachesRoot(h) && !(b !== null && (b.held.root || reachesRoot(b)))
  if (reach !== 0n || reachRoot) {
    const why = reachCause(base?.svc ?? null, b, head.svc, h)
    const gains = [reach !== 0n ? capList(reach) : '', reachRoot ? 'uid 0' : ''].filter((x) => x !== '').join(' and ')
    finding(
      'reachable',
      reach,
      reachRoot,
      `${b ? 'can now gain' : 'is new and can gain'} ${gains} through set-user-ID or file-capability programs`,
      why.text,
      why.line,
    )
  }

  // Elevated commands: each matched with a command of base that runs the same argv with the same
  // elevation — after systemd's own expansion of $VAR/${VAR} from Environment= — first in the
  // same directive, then in any (the same argv at another moment of the same unit), each base
  // command matched once. A command line that differs in anything but a known-harmless way is a
  // new command, compared with base's ordinary processes: what a privileged program does with
  // other arguments is not known.
  const baseEnv = base ? execEnvironment(base.svc) : null
  const headEnv = execEnvironment(head.svc)
  // Matched against every prefixed command of base, elevated there or not (see prefixed).
  const baseElevated = [...(b?.prefixed ?? [])]
  const matches = new Map<ElevatedCommand, ElevatedCommand>()
  const passes: [boolean, (x: ElevatedCommand, e: ElevatedCommand) => boolean][] = [
    [true, (x, e) => sameCommand(x, baseEnv!, e, headEnv)],
    [false, (x, e) => sameCommand(x, baseEnv!, e, headEnv)],
    [true, (x, e) => harmlessChange(x, baseEnv!, e, headEnv)],
    [false, (x, e) => harmlessChange(x, baseEnv!, e, headEnv)],
  ]
  for (const [sameDirective, equal] of passes) {
    for (const e of h.elevated) {
      if (matches.has(e)) continue
      const i = baseElevated.findIndex(
        (x) => x.kind === e.kind && (!sameDirective || x.command.directive === e.command.directive) && equal(x, e),
      )
      if (i >= 0) matches.set(e, baseElevated.splice(i, 1)[0]!)
    }
  }
  for (const e of h.elevated) {
    const matched = matches.get(e) ?? null
    // Base had the same program in this directive: its command line changed.
    const changed =
      matched === null &&
      baseElevated.some((x) => x.command.directive === e.command.directive && sameProgram(x, baseEnv!, e, headEnv))
    const before = matched?.privileges ?? b?.held ?? { root: false, caps: 0n }
    const caps = e.privileges.caps & ~before.caps
    const root = e.privileges.root && !before.root
    // The same command with full privileges in base ran outside whatever sandbox base had: a
    // sandbox the change adds to the unit is one more thing it is outside of, not a privilege.
    const escapes = e.escapesSandbox && matched === null
    if (caps === 0n && !root && !escapes) continue
    const why = commandCause(base?.svc ?? null, head.svc, e, matched, changed)
    const cmd = {
      directive: e.command.directive,
      text: e.command.text,
      kind: e.kind,
      file: e.command.source.file,
      line: e.command.source.line,
    }
    const what = `runs ${e.command.directive}=${e.command.text} ${KIND_PHRASE[e.kind]}: ${[privilegeList(caps, root), escapes ? 'outside the sandbox' : ''].filter((x) => x !== '' && x !== 'no capability').join(', ') || 'no capability'}`
    finding('command', caps, root, what, why.text, why.line, cmd, escapes ? [SANDBOX_ESCAPE] : [])
  }

  // What the elevated commands load and run: their environment, search path and working
  // directory. A new unit's commands are new findings of their own, with what they run in.
  if (h.elevated.length > 0 && base !== null) {
    const env = environmentChange(base.svc, baseEnv!, head.svc, headEnv)
    if (env !== null) {
      const first = h.elevated[0]!.command
      const more = h.elevated.length > 1 ? ` and ${h.elevated.length - 1} more` : ''
      finding(
        'command',
        0n,
        false,
        `changes what its privileged commands (${first.directive}=${first.text}${more}) load and run: ${env.text}`,
        'the environment, search path and working directory decide what a privileged command loads, runs and touches (LD_PRELOAD, PATH, HOME, its arguments through $VAR, relative paths, …)',
        env.line,
        null,
        [ELEVATED_ENVIRONMENT],
      )
    }
  }
  return out
}

/** What systemd gives the unit's commands besides their command line (systemd.exec(5), "Environment"). */
export interface ExecEnvironment {
  /** Environment= merged in order (an empty assignment resets), UnsetEnvironment= applied. */
  readonly variables: ReadonlyMap<string, string>
  /** The line that set each variable last. */
  readonly setBy: ReadonlyMap<string, Assignment>
  /** EnvironmentFile= and PassEnvironment= entries: their values are not known here. */
  readonly files: readonly string[]
  readonly passed: readonly string[]
  /** ExecSearchPath= directories (empty: systemd's default search path). */
  readonly searchPath: readonly string[]
  /** WorkingDirectory= as written ('' when unset): relative arguments resolve against it. */
  readonly workingDirectory: string
  /** The lines of these settings, for tracing a change. */
  readonly lines: readonly Assignment[]
  /**
   * The unit's name, for the specifiers that name it (`%i`, `%f`, `%n`, …): a new instance
   * compared with its template (`chown app %f`, instance `etc`) names another path.
   */
  readonly unit: string
}

const ENVIRONMENT_KEYS = new Set([
  'Environment',
  'EnvironmentFile',
  'PassEnvironment',
  'UnsetEnvironment',
  'ExecSearchPath',
  'WorkingDirectory',
])
/** env_name_is_valid(): what systemd accepts as a variable name in Environment=. */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** The environment of a unit's commands as systemd merges it from the unit's lines. */
export function execEnvironment(svc: LoadedService): ExecEnvironment {
  const variables = new Map<string, string>()
  const setBy = new Map<string, Assignment>()
  let unset: string[] = []
  let files: string[] = []
  let passed: string[] = []
  let searchPath: string[] = []
  let workingDirectory = ''
  const lines: Assignment[] = []
  for (const f of svc.files) {
    for (const a of f.assignments) {
      if (!ENVIRONMENT_KEYS.has(a.key) || a.section === 'Unit' || a.section === 'Install') continue
      lines.push(a)
      const words = (): string[] => extractWords(a.value, { unquote: true, relax: true, cunescape: true }).words
      switch (a.key) {
        case 'Environment':
          if (a.value === '') {
            variables.clear()
            setBy.clear()
          }
          for (const w of words()) {
            const eq = w.indexOf('=')
            // systemd ignores an invalid assignment ("Invalid environment assignment, ignoring").
            if (eq <= 0 || !VARIABLE_NAME.test(w.slice(0, eq))) continue
            variables.set(w.slice(0, eq), w.slice(eq + 1))
            setBy.set(w.slice(0, eq), a)
          }
          break
        case 'UnsetEnvironment':
          unset = a.value === '' ? [] : [...unset, ...words()]
          break
        case 'EnvironmentFile':
          files = a.value === '' ? [] : [...files, a.value.trim()]
          break
        case 'PassEnvironment':
          passed = a.value === '' ? [] : [...passed, ...words()]
          break
        case 'ExecSearchPath':
          searchPath =
            a.value === ''
              ? []
              : [
                  ...searchPath,
                  ...a.value
                    .split(':')
                    .map((d) => d.trim())
                    .filter((d) => d !== ''),
                ]
          break
        case 'WorkingDirectory':
          workingDirectory = a.value.trim()
          break
      }
    }
  }
  // UnsetEnvironment= applies last: a name removes the variable, `NAME=VALUE` only that value.
  for (const u of unset) {
    const eq = u.indexOf('=')
    const name = eq < 0 ? u : u.slice(0, eq)
    if (eq < 0 || variables.get(name) === u.slice(eq + 1)) {
      variables.delete(name)
      setBy.delete(name)
    }
  }
  return { variables, setBy, files, passed, searchPath, workingDirectory, lines, unit: svc.unit }
}

/**
 * Variables that only choose a language, a time zone or the look of output from data root owns,
 * when their value names no file (no `/`, no `..`): LANGUAGE=../../x or TZ=/var/lib/x would.
 * Any other variable can change what a program loads or does (HOME, XDG_*, ZDOTDIR, PHPRC,
 * *_CONFIG, …: no list of dangerous names is complete), so its change is a finding.
 */
const INERT_VARIABLE = /^(LANG|LANGUAGE|LC_[A-Z]+|TZ|TERM|NO_COLOR)$/
const INERT_VALUE = /^[A-Za-z0-9_.@:+-]*$/
const inert = (name: string, value: string | undefined): boolean =>
  INERT_VARIABLE.test(name) && (value === undefined || (INERT_VALUE.test(value) && !value.includes('..')))

/**
 * What changed in the environment of head's elevated commands: any variable added, changed or
 * removed (but inert ones), an environment file, passed variable, search path or working
 * directory added, changed or removed (what they stand for is not known here).
 */
function environmentChange(
  base: LoadedService,
  b: ExecEnvironment,
  head: LoadedService,
  h: ExecEnvironment,
): { text: string; line: LineRef } | null {
  const set: string[] = []
  const gone: string[] = []
  for (const [name, value] of h.variables)
    if (b.variables.get(name) !== value && !(inert(name, value) && inert(name, b.variables.get(name)))) set.push(name)
  for (const [name, value] of b.variables) if (!h.variables.has(name) && !inert(name, value)) gone.push(name)
  const parts: string[] = []
  if (set.length > 0) parts.push(`Environment= sets ${set.join(', ')}`)
  if (gone.length > 0) parts.push(`${gone.join(', ')} no longer set`)
  const list = (x: readonly string[]): string => x.join(' ')
  if (list(h.files) !== list(b.files))
    parts.push(`EnvironmentFile=${list(h.files) || ' (none)'} (was ${list(b.files) || 'none'})`)
  if (list(h.passed) !== list(b.passed))
    parts.push(`PassEnvironment=${list(h.passed) || ' (none)'} (was ${list(b.passed) || 'none'})`)
  if (list(h.searchPath) !== list(b.searchPath)) parts.push(`ExecSearchPath=${h.searchPath.join(':') || ' (default)'}`)
  if (h.workingDirectory !== b.workingDirectory)
    parts.push(`WorkingDirectory=${h.workingDirectory || ' (none)'} (was ${b.workingDirectory || 'none'})`)
  if (parts.length === 0) return null
  // The line to point at: one that sets a changed variable, else the first line of these
  // settings head added, else one it removed (a deleted `Environment=` reset).
  const ref = (a: Assignment, removed = false): LineRef => ({
    file: a.file,
    line: a.line,
    removed,
    text: `${a.key}=${a.value}`,
  })
  const role = (svc: LoadedService, a: Assignment): string =>
    `${a.file === svc.fragmentPath ? '<unit>' : basename(a.file)}\0${a.key}\0${a.value}`
  const baseLines = new Set(b.lines.map((a) => role(base, a)))
  const headLines = new Set(h.lines.map((a) => role(head, a)))
  const setter = set.map((n) => h.setBy.get(n)!).find((a) => !baseLines.has(role(head, a)))
  const added = h.lines.find((a) => !baseLines.has(role(head, a)))
  const removed = b.lines.find((a) => !headLines.has(role(base, a)))
  const line = setter
    ? ref(setter)
    : added
      ? ref(added)
      : removed
        ? ref(removed, true)
        : ref(h.setBy.get(set[0] ?? '') ?? h.lines[0] ?? b.lines[0]!)
  return { text: parts.join('; '), line }
}

const KIND_PHRASE: Record<ElevationKind, string> = {
  'full-privileges': 'with full privileges (+ prefix)',
  'root-credentials': 'as root within the bounding set (! prefix)',
  'permissions-start-only': 'with full privileges (PermissionsStartOnly=yes)',
}

/** An elevated command as systemd runs it: the executable and its argv after expansion. */
interface Argv {
  readonly program: string
  readonly args: readonly string[]
}

/** Its ordinary processes are not root and may execute set-user-ID-root programs to become it. */
const reachesRoot = (p: PrivilegeProfile): boolean =>
  p.manager === 'system' && p.startsProcesses && !p.held.root && p.noNewPrivileges === null

/** Directories of systemd's default search path for a bare executable name (split-/usr included). */
const DEFAULT_SEARCH_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']

/**
 * The command's argv after what systemd does to it before exec (systemd.service(5), "Command
 * lines"): a word that is `$NAME` alone becomes the variable's value split into words (none when
 * it is empty), `${NAME}` inside a word its value, `$$` a `$` — with the variables of
 * Environment=; one set elsewhere (EnvironmentFile=, PassEnvironment=, the manager's $MAINPID)
 * stays as written, the same on both sides unless those settings change (a finding of its own).
 * The `:` prefix turns expansion off. White space inside a word is collapsed (re-wrapping
 * `sh -c '…'` over a continuation line changes nothing). A shell running one simple command of
 * literal words (`sh -c "/usr/bin/x --y"`) is that command.
 */
function argvOf(e: ExecCommandLike, env: ExecEnvironment): Argv {
  const c = e.command
  const words = extractWords(c.text, { unquote: true, relax: true, cunescape: true }).words
  const first = words[0] ?? ''
  const prefix = /^[-@:+!|]*/.exec(first)![0]
  const expand = !prefix.includes(':')
  if (c.viaShell)
    return { program: '/bin/sh', args: ['-c', collapse([first.slice(prefix.length), ...words.slice(1)].join(' '))] }
  const args: string[] = []
  for (const word of words.slice(1)) {
    const w = expandUnitSpecifiers(word, env.unit)
    if (!expand) args.push(collapse(w))
    else if (/^\$[A-Za-z_][A-Za-z0-9_]*$/.test(w) && env.variables.has(w.slice(1))) {
      for (const x of extractWords(env.variables.get(w.slice(1))!, { unquote: true, relax: true }).words)
        args.push(collapse(x))
    } else args.push(collapse(expandWord(w, env)))
  }
  return unwrapShell({ program: c.path, args: args.map(runMerged) })
}

/**
 * /var/run and /var/lock are links to /run and /run/lock on every system systemd runs on
 * (systemd warns about the legacy spelling): a path spelled either way is the same path.
 */
const runMerged = (w: string): string =>
  w.replace(
    /(^|[=:, ])\/var\/(run|lock)(?=\/|$|[ :,])/g,
    (_m, lead: string, dir: string) => `${lead}/run${dir === 'lock' ? '/lock' : ''}`,
  )

const collapse = (w: string): string => w.replace(/\s+/g, ' ').trim()

/** replace_env() on one word: `${NAME}` of a known variable, and `$$`. */
function expandWord(w: string, env: ExecEnvironment): string {
  return w.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (m, name: string | undefined) =>
    m === '$$' ? '$' : env.variables.has(name!) ? env.variables.get(name!)! : m,
  )
}

const SHELL = /^\/(usr\/)?bin\/(sh|bash|dash)$/
/** A shell script that is one simple command of literal words: no expansion, quoting, operators or comments. */
const SIMPLE_SCRIPT = /^\/[A-Za-z0-9_./@%+,:=-]*( [A-Za-z0-9_./@%+,:=-]+)*$/

function unwrapShell(a: Argv): Argv {
  if (!SHELL.test(a.program) || a.args.length !== 2 || a.args[0] !== '-c' || !SIMPLE_SCRIPT.test(a.args[1]!)) return a
  const [program, ...args] = a.args[1]!.split(' ')
  return { program: program!, args }
}

/** The executable a name stands for: /bin, /sbin, /usr/sbin and /usr/bin are one directory (merged /usr). */
const usrMerged = (p: string): string => p.replace(/^\/(usr\/)?s?bin\//, '/usr/bin/')

/**
 * The same executable: the same path up to merged /usr, or a bare name and its absolute
 * spelling in the search path systemd resolves the name in (ExecSearchPath=, else its default
 * path), when that search path is the same on both sides.
 */
function sameExecutable(x: string, bEnv: ExecEnvironment, y: string, hEnv: ExecEnvironment): boolean {
  const bare = (p: string): boolean => !p.startsWith('/')
  if (!bare(x) && !bare(y)) return usrMerged(x) === usrMerged(y)
  if (bEnv.searchPath.join(':') !== hEnv.searchPath.join(':')) return false
  if (bare(x) && bare(y)) return x === y
  const [name, path] = bare(x) ? [x, y] : [y, x]
  const dirs = hEnv.searchPath.length > 0 ? hEnv.searchPath : DEFAULT_SEARCH_PATH
  const slash = path.lastIndexOf('/')
  return path.slice(slash + 1) === name && dirs.includes(path.slice(0, slash) || '/')
}

function sameProgram(x: ExecCommandLike, bEnv: ExecEnvironment, y: ExecCommandLike, hEnv: ExecEnvironment): boolean {
  return sameExecutable(argvOf(x, bEnv).program, bEnv, argvOf(y, hEnv).program, hEnv)
}

/** The same executable with the same argv, after expansion. */
function sameCommand(x: ExecCommandLike, bEnv: ExecEnvironment, y: ExecCommandLike, hEnv: ExecEnvironment): boolean {
  const a = argvOf(x, bEnv)
  const b = argvOf(y, hEnv)
  return (
    sameExecutable(a.program, bEnv, b.program, hEnv) &&
    a.args.length === b.args.length &&
    a.args.every((w, i) => w === b.args[i])
  )
}

/** `kill [-SIGNAL | -s SIGNAL] $MAINPID`: signals the unit's own main process. */
const KILL_MAINPID = /^(-[A-Za-z0-9+]+ |-s [A-Za-z0-9+]+ )?\$(MAINPID|\{MAINPID\})$/

/**
 * The changes of an elevated command line known to be harmless — a short allow-list; any other
 * change makes the command new: `kill` sending another signal to $MAINPID, and `--verbose`
 * added or removed as the last argument.
 */
function harmlessChange(x: ExecCommandLike, bEnv: ExecEnvironment, y: ExecCommandLike, hEnv: ExecEnvironment): boolean {
  if (sameCommand(x, bEnv, y, hEnv)) return true
  const a = argvOf(x, bEnv)
  const b = argvOf(y, hEnv)
  if (!sameExecutable(a.program, bEnv, b.program, hEnv)) return false
  if (basename(a.program) === 'kill' && KILL_MAINPID.test(a.args.join(' ')) && KILL_MAINPID.test(b.args.join(' ')))
    return true
  const [longer, shorter] = a.args.length > b.args.length ? [a.args, b.args] : [b.args, a.args]
  return (
    longer.length === shorter.length + 1 &&
    longer[longer.length - 1] === '--verbose' &&
    shorter.every((w, i) => w === longer[i])
  )
}
type ExecCommandLike = Pick<ElevatedCommand, 'command'>

function heldWhat(b: PrivilegeProfile | null, h: PrivilegeProfile, caps: bigint, root: boolean): string {
  const instance = h.user.fromInstance && h.user.root ? ' (for an instance named root)' : ''
  if (!b) {
    if (h.user.root && h.held.caps === h.bounding && caps !== 0n) {
      const set =
        h.bounding === KNOWN_CAPS ? `its full bounding set, ${capCount(caps)}` : `its bounding set, ${capList(caps)}`
      return `is new and runs as root${instance}: ${set}`
    }
    return `is new and holds ${privilegeList(caps, root)} at start${instance}`
  }
  if (root) return `now runs as root${instance}: ${caps === 0n ? 'uid 0 without capabilities' : capList(caps)} at start`
  return `now holds ${capList(caps)} at start`
}

function heldCause(
  base: LoadedService | null,
  b: PrivilegeProfile | null,
  head: LoadedService,
  h: PrivilegeProfile,
): { text: string; line: LineRef | null } {
  if (!b) {
    const helper = implicitHelper(head.unit)
    // The line that says why: User= for an identity, AmbientCapabilities= for a user — not a
    // bounding-set line that happens to come later (history survey TE-4).
    const keys =
      h.user.fromInstance || !h.user.root ? (h.user.fromInstance ? ['User'] : ['AmbientCapabilities']) : IDENTITY_KEYS
    const line = blame(null, head, keys) ?? firstCommand(head)
    const who = h.user.fromInstance
      ? 'User= comes from the instance name'
      : h.user.root
        ? `no User= (or User=root)${helper ? `; the manager runs ${helper} for it` : ''}`
        : 'AmbientCapabilities='
    return { text: `new unit: ${who}`, line }
  }
  if (b.privateUsers && !h.privateUsers) {
    return {
      text: 'PrivateUsers= is gone: its capabilities now count on the host, not in a user namespace of its own',
      line: blame(base, head, ['PrivateUsers']),
    }
  }
  if (h.user.root && !b.user.root) {
    const text = h.user.fromInstance
      ? 'User= now comes from the instance name (%i): an instance named root runs as root'
      : 'the unit now runs as root (User= removed or set to root)'
    return { text, line: blame(base, head, IDENTITY_KEYS) }
  }
  if (h.user.root) {
    const ns = h.privateUsers
      ? `; under PrivateUsers=${h.userNamespace} it keeps these over the host files whose owners its user namespace maps`
      : ''
    return {
      text: `the bounding set of this root unit grew${ns}`,
      line: blame(base, head, [...BOUNDING_KEYS, 'SecureBits', 'PrivateUsers']),
    }
  }
  return {
    text: 'new ambient capabilities',
    line: blame(base, head, ['AmbientCapabilities']) ?? blame(base, head, ['CapabilityBoundingSet', 'SecureBits']),
  }
}

function reachCause(
  base: LoadedService | null,
  b: PrivilegeProfile | null,
  head: LoadedService,
  h: PrivilegeProfile,
): { text: string; line: LineRef | null } {
  if (!b) {
    return {
      text: 'new unit: NoNewPrivileges= is not in force, so set-user-ID and file-capability programs can raise it to its bounding set',
      line: blame(null, head, ['NoNewPrivileges', ...BOUNDING_KEYS]) ?? firstCommand(head),
    }
  }
  if (b.noNewPrivileges !== null && h.noNewPrivileges === null) {
    switch (b.noNewPrivileges) {
      case 'setting':
        return {
          text: 'NoNewPrivileges= is no longer in force',
          line: blame(base, head, ['NoNewPrivileges']) ?? blame(base, head, IDENTITY_KEYS),
        }
      case 'dynamic-user':
        return {
          text: 'DynamicUser= (which sets NoNewPrivileges=) is gone',
          line: blame(base, head, ['DynamicUser', 'NoNewPrivileges']),
        }
      case 'seccomp':
        return {
          text: 'no setting forces NoNewPrivileges= any more (seccomp-based settings force it for a unit that is not root on this systemd)',
          line: blame(base, head, [...SECCOMP_KEYS, 'NoNewPrivileges', ...IDENTITY_KEYS]),
        }
    }
  }
  if (b.privateUsers && !h.privateUsers) {
    return {
      text: 'PrivateUsers= is gone: what it gains now counts on the host',
      line: blame(base, head, ['PrivateUsers']),
    }
  }
  if (h.user.root && !b.user.root) return { text: 'the unit now runs as root', line: blame(base, head, IDENTITY_KEYS) }
  return { text: 'the bounding set grew', line: blame(base, head, BOUNDING_KEYS) }
}

/** Where a new unit's processes are defined, when no setting explains its privileges: its first command, else its file. */
function firstCommand(svc: LoadedService): LineRef {
  const a = svc.state.applied.find((x) => isExecDirective(x.key))
  return a
    ? { file: a.file, line: a.line, removed: false, text: `${a.key}=${a.value}` }
    : { file: svc.fragmentPath, line: 1, removed: false, text: '' }
}

function commandCause(
  base: LoadedService | null,
  head: LoadedService,
  e: ElevatedCommand,
  matched: ElevatedCommand | null,
  changed: boolean,
): { text: string; line: LineRef | null } {
  const own: LineRef = {
    file: e.command.source.file,
    line: e.command.source.line,
    removed: false,
    text: `${e.command.directive}=${e.command.source.value}`,
  }
  if (changed) {
    return {
      text: 'the command line of a privileged command changed: what a privileged program does with other arguments is a new privilege',
      line: own,
    }
  }
  if (!matched) {
    if (e.kind === 'permissions-start-only') {
      const pso = blame(base, head, ['PermissionsStartOnly'])
      if (pso)
        return {
          text: 'PermissionsStartOnly=yes runs every command but ExecStart= without the sandbox, as root',
          line: pso,
        }
    }
    const text =
      e.kind === 'full-privileges'
        ? 'the + prefix runs the command with full privileges: no User=, no bounding set, no sandbox'
        : e.kind === 'root-credentials'
          ? 'the ! prefix skips User=/Group=: the command runs as root, within the bounding set'
          : 'PermissionsStartOnly=yes runs every command but ExecStart= without the sandbox, as root'
    return { text, line: own }
  }
  return {
    text: 'the bounding set its elevated command runs within grew',
    line: blame(base, head, BOUNDING_KEYS) ?? own,
  }
}

/**
 * Which of the new privileges a waiver or the allow-list accepts. A waiver naming capabilities
 * accepts them anywhere in the unit; `ALL` only what the line right below it causes, so an old
 * `allow ALL` for one privileged helper cannot accept an unrelated widening later (what a removed
 * line caused, such as a deleted User=, has no line below a waiver: a waiver this change adds
 * may accept it). The acceptance that does not come from the change itself is preferred — a
 * waiver base already had, then the workflow's allow-list, and only then a waiver this change
 * adds — so `addedInChange` means that nothing but the change's own waiver accepts it. An `ALL`
 * waiver is base's only when the line below it is the same in base (the same directive and
 * command, or the same assignment): one that now stands above another line — a line inserted
 * below it, or the waiver moved — is a waiver this change adds.
 */
function accept(
  wanted: readonly string[],
  a: Acceptor,
  line: LineRef | null,
): { accepted: Acceptance[]; unaccepted: string[] } {
  const accepted: Acceptance[] = []
  const unaccepted: string[] = []
  const known = (w: Waiver): boolean => a.baseWaivers.some((b) => sameWaiver(b, w))
  const allowCovers = (capability: string, name: string): boolean =>
    capability === 'ALL' || (name.startsWith('CAP_') && capability === name)
  const waiverCovers = (w: Waiver, name: string): boolean =>
    w.capabilities.includes('ALL')
      ? line !== null && (line.removed ? !known(w) : line.file === w.file && line.line === w.nextLine)
      : name.startsWith('CAP_') && w.capabilities.includes(name)
  const byWaiver = (w: Waiver, name: string, addedInChange: boolean): Acceptance => ({
    privilege: name,
    by: 'waiver',
    reason: w.reason,
    file: w.file,
    line: w.line,
    addedInChange,
  })
  for (const name of wanted) {
    const waivers = a.waivers.filter((w) => waiverCovers(w, name))
    const old = waivers.find(known)
    if (old) {
      accepted.push(byWaiver(old, name, false))
      continue
    }
    const entry = a.allow.find(
      (e) => allowCovers(e.capability, name) && (e.unit === null || a.unitNames.includes(e.unit)),
    )
    if (entry) {
      accepted.push({
        privilege: name,
        by: 'allow-list',
        reason: `allowed by configuration (${entry.unit ? `${entry.unit}:` : ''}${entry.capability})`,
        addedInChange: false,
      })
      continue
    }
    if (waivers.length > 0) {
      accepted.push(byWaiver(waivers[0]!, name, true))
      continue
    }
    unaccepted.push(name)
  }
  return { accepted, unaccepted }
}

/** The same waiver on both sides: same role of file, same capabilities and reason; for `ALL`, above the same line. */
function sameWaiver(x: Waiver, y: Waiver): boolean {
  return (
    basename(x.file) === basename(y.file) &&
    x.reason === y.reason &&
    x.capabilities.join(' ') === y.capabilities.join(' ') &&
    (!x.capabilities.includes('ALL') || x.nextKey === y.nextKey)
  )
}

/** `CAP_A, CAP_B` for a few; a count for many. */
export function capList(caps: bigint): string {
  const list = names(caps)
  if (list.length === 0) return 'no capability'
  if (list.length <= 6) return list.join(', ')
  return capCount(caps)
}

function capCount(caps: bigint): string {
  const n = names(caps).length
  return caps === KNOWN_CAPS ? `all ${n} capabilities` : `${n} capabilities`
}

function privilegeList(caps: bigint, root: boolean): string {
  if (!root) return capList(caps)
  return caps === 0n ? 'uid 0' : `uid 0 and ${capList(caps)}`
}

/** The specifiers that name the unit (systemd.unit(5), "Specifiers"), expanded for `unit`. */
function expandUnitSpecifiers(word: string, unit: string): string {
  if (!word.includes('%')) return word
  const dot = unit.lastIndexOf('.')
  const stem = dot > 0 ? unit.slice(0, dot) : unit
  const at = stem.indexOf('@')
  const prefix = at >= 0 ? stem.slice(0, at) : stem
  const instance = at >= 0 ? stem.slice(at + 1) : ''
  const dash = prefix.lastIndexOf('-')
  const last = dash >= 0 ? prefix.slice(dash + 1) : prefix
  const values: Record<string, string> = {
    n: unit,
    N: stem,
    p: prefix,
    P: unescapeUnitName(prefix),
    i: instance,
    I: unescapeUnitName(instance),
    j: last,
    J: unescapeUnitName(last),
    f: '/' + unescapeUnitName(instance !== '' ? instance : prefix).replace(/^\/+/, ''),
  }
  return word.replace(/%(.)/g, (m, c: string) => (c === '%' ? m : (values[c] ?? m)))
}
