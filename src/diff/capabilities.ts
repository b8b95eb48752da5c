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
import { capabilityName, CAPABILITY_NAMES } from '../model/linux-names.js'
import type { VersionTraits } from '../model/versions.js'
import {
  implicitHelper,
  KNOWN_CAPS,
  privilegeProfile,
  type ElevatedCommand,
  type ElevationKind,
  type PrivilegeProfile,
} from '../service/privileges.js'
import { isUserUnitPath, userManagerProfile } from '../service/user-units.js'
import type { LoadedService } from '../unit/load.js'
import { basename } from '../unit/source.js'
import type { Acceptance, PrivilegeSummary, PrivilegeWidening } from './report.js'
import { extractWords } from '../service/words.js'
import type { Assignment } from '../unit/syntax.js'
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

const BOUNDING_KEYS = ['CapabilityBoundingSet', 'PrivateDevices', 'ProtectKernelModules', 'ProtectKernelLogs', 'ProtectClock']
const IDENTITY_KEYS = ['User', 'DynamicUser']
const SECCOMP_KEYS = [
  'LockPersonality', 'MemoryDenyWriteExecute', 'PrivateDevices', 'ProtectClock', 'ProtectHostname', 'ProtectKernelTunables',
  'ProtectKernelModules', 'ProtectKernelLogs', 'RestrictAddressFamilies', 'RestrictNamespaces', 'RestrictRealtime',
  'RestrictSUIDSGID', 'SystemCallArchitectures', 'SystemCallFilter',
]

export function profileOf(svc: LoadedService, traits: VersionTraits): PrivilegeProfile {
  const profile = privilegeProfile(svc, traits)
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
  const reach = h.reachable & ~(b?.reachable ?? 0n) & ~h.held.caps
  if (reach !== 0n) {
    const why = reachCause(base?.svc ?? null, b, head.svc, h)
    finding('reachable', reach, false, `${b ? 'can now gain' : 'is new and can gain'} ${capList(reach)} through set-user-ID or file-capability programs`, why.text, why.line)
  }

  // Elevated commands: each compared with the same command line of base (the same directive and
  // arguments). One that is new, or whose command line changed, is compared with base's ordinary
  // processes: what a privileged program does with other arguments is not known.
  const baseElevated = [...(b?.elevated ?? [])]
  const take = (pred: (x: ElevatedCommand) => boolean): ElevatedCommand | null => {
    const i = baseElevated.findIndex(pred)
    return i >= 0 ? baseElevated.splice(i, 1)[0]! : null
  }
  for (const e of h.elevated) {
    const key = commandKey(e)
    // The same privileged program of base with other arguments is still that command, unless
    // the program runs what its arguments say (a shell, an interpreter, an exec wrapper) or an
    // argument names a path it did not (`chown app /etc/shadow`, `find … -exec /var/lib/x`):
    // then the command line is new, as what it does is not known.
    let matched = take((x) => commandKey(x) === key)
    let changed = false
    if (matched === null) {
      const sibling = (b?.elevated ?? []).find((x) => x.command.directive === e.command.directive && sameProgram(x, e) && baseElevated.includes(x))
      if (sibling !== undefined) {
        if (reachesFurther(sibling, e)) changed = true
        else matched = take((x) => x === sibling)
      }
    }
    const before = matched?.privileges ?? b?.held ?? { root: false, caps: 0n }
    const caps = e.privileges.caps & ~before.caps
    const root = e.privileges.root && !before.root
    const escapes = e.escapesSandbox && !(matched?.escapesSandbox ?? false)
    if (caps === 0n && !root && !escapes) continue
    const why = commandCause(base?.svc ?? null, head.svc, e, matched, changed)
    const cmd = { directive: e.command.directive, text: e.command.text, kind: e.kind, file: e.command.source.file, line: e.command.source.line }
    const what = `runs ${e.command.directive}=${e.command.text} ${KIND_PHRASE[e.kind]}: ${[privilegeList(caps, root), escapes ? 'outside the sandbox' : ''].filter((x) => x !== '' && x !== 'no capability').join(', ') || 'no capability'}`
    finding('command', caps, root, what, why.text, why.line, cmd, escapes ? [SANDBOX_ESCAPE] : [])
  }

  // What the elevated commands load and run: their environment and search path.
  if (h.elevated.length > 0) {
    const env = environmentChange(base?.svc ?? null, head.svc)
    if (env !== null) {
      const first = h.elevated[0]!.command
      const more = h.elevated.length > 1 ? ` and ${h.elevated.length - 1} more` : ''
      finding(
        'command',
        0n,
        false,
        `changes what its privileged commands (${first.directive}=${first.text}${more}) load and run: ${env.text}`,
        'environment variables and search paths decide which code a privileged command runs (LD_PRELOAD, PATH, …)',
        env.line,
        null,
        [ELEVATED_ENVIRONMENT],
      )
    }
  }
  return out
}

/** Settings that decide what a command loads and runs, besides its command line. */
const ENVIRONMENT_KEYS = new Set(['Environment', 'EnvironmentFile', 'PassEnvironment', 'UnsetEnvironment', 'ExecSearchPath'])

/**
 * Variables through which the environment chooses code: the dynamic loader's, PATH, and the
 * start-up hooks of shells and interpreters.
 */
const LOADER_VARIABLE =
  /^(LD_[A-Z_]+|PATH|GCONV_PATH|GLIBC_TUNABLES|HOSTALIASES|LOCPATH|NLSPATH|RESOLV_HOST_CONF|MALLOC_[A-Z_]+|BASH_ENV|ENV|SHELLOPTS|BASHOPTS|PS4|IFS|PYTHON[A-Z_]*|PERL5?[A-Z_]*|RUBY[A-Z_]*|GEM_[A-Z_]+|NODE_[A-Z_]+|JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|JDK_JAVA_OPTIONS|CLASSPATH|LUA_[A-Z_]+|TCLLIBPATH|GIT_[A-Z_]+|SSL_CERT_[A-Z_]+|OPENSSL_[A-Z_]+)$/

/**
 * A change of head's environment settings that can make an elevated command load or run other
 * code: a loader or interpreter variable set or changed (Environment=, PassEnvironment=), one no
 * longer unset (UnsetEnvironment=), or an environment file or search path added or changed
 * (their content is not known).
 */
function environmentChange(base: LoadedService | null, head: LoadedService): { text: string; line: LineRef } | null {
  const lines = (svc: LoadedService | null): Assignment[] => (svc ? svc.files.flatMap((f) => f.assignments.filter((a) => ENVIRONMENT_KEYS.has(a.key))) : [])
  const baseLines = lines(base)
  const had = new Set(baseLines.map((a) => `${a.key}=${a.value}`))
  const ref = (a: Assignment, removed = false): LineRef => ({ file: a.file, line: a.line, removed, text: `${a.key}=${a.value}` })
  for (const a of lines(head)) {
    if (had.has(`${a.key}=${a.value}`)) continue
    if (a.key === 'EnvironmentFile' || a.key === 'ExecSearchPath') {
      if (a.value !== '') return { text: `${a.key}=${a.value}`, line: ref(a) }
      continue
    }
    const vars = variablesOf(a)
    const risky = vars.filter((v) => LOADER_VARIABLE.test(v))
    if (risky.length > 0 && a.key !== 'UnsetEnvironment') return { text: `${a.key}= sets ${risky.join(', ')}`, line: ref(a) }
  }
  const stillUnset = new Set(lines(head).filter((a) => a.key === 'UnsetEnvironment').flatMap(variablesOf))
  for (const a of baseLines) {
    if (a.key !== 'UnsetEnvironment') continue
    const freed = variablesOf(a).filter((v) => LOADER_VARIABLE.test(v) && !stillUnset.has(v))
    if (freed.length > 0) return { text: `UnsetEnvironment= no longer removes ${freed.join(', ')}`, line: ref(a, true) }
  }
  return null
}

/** The variable names an environment line names (`A=1 "B=two words"`, `PassEnvironment=A B`). */
function variablesOf(a: Assignment): string[] {
  return extractWords(a.value, { unquote: true, relax: true }).words.map((w) => w.split('=')[0]!)
}

const KIND_PHRASE: Record<ElevationKind, string> = {
  'full-privileges': 'with full privileges (+ prefix)',
  'root-credentials': 'as root within the bounding set (! prefix)',
  'permissions-start-only': 'with full privileges (PermissionsStartOnly=yes)',
}

/**
 * Which elevated command of base a head command is: the same directive and command line — the
 * words after unquoting, white space inside a word collapsed (re-wrapping `sh -c '…'` over a
 * continuation changes nothing), `/bin`, `/sbin`, `/usr/bin` and `/usr/sbin` the same directory
 * (merged /usr).
 */
function commandKey(e: ElevatedCommand): string {
  return `${e.command.directive}\0${programOf(e)}\0${argumentsOf(e).join('\0')}`
}

function sameProgram(a: ElevatedCommand, b: ElevatedCommand): boolean {
  return programOf(a) === programOf(b)
}

/**
 * Programs that run, or choose what to run from, their arguments: shells and interpreters,
 * and wrappers that execute a command they are given.
 */
const RUNS_ITS_ARGUMENTS =
  /^(sh|bash|dash|zsh|ksh|mksh|ash|csh|tcsh|fish|rbash|busybox|toybox|env|python[0-9.]*|pypy[0-9.]*|perl[0-9.]*|ruby[0-9.]*|node|nodejs|deno|php[0-9.]*|lua[0-9.]*|luajit|tclsh[0-9.]*|wish|pwsh|java|awk|gawk|mawk|nawk|sed|find|xargs|parallel|sudo|su|runuser|doas|setpriv|nsenter|unshare|chroot|flock|timeout|nice|ionice|nohup|stdbuf|setsid|taskset|chrt|numactl|prlimit|systemd-run|systemd-nspawn|strace|ltrace|gdb|watch|script|expect|make|install)$/

/** The new command line of a program can run or touch what the old one did not. */
function reachesFurther(before: ExecCommandLike, after: ExecCommandLike): boolean {
  if (after.command.viaShell === true || RUNS_ITS_ARGUMENTS.test(basename(after.command.path))) return true
  const paths = (e: ExecCommandLike): string[] => argumentsOf(e).flatMap((w) => w.split(/[=:,]/)).filter((w) => w.startsWith('/'))
  const known = new Set(paths(before))
  return paths(after).some((p) => !known.has(p))
}
type ExecCommandLike = Pick<ElevatedCommand, 'command'>

function programOf(e: ExecCommandLike): string {
  return e.command.path.replace(/^\/(usr\/)?s?bin\//, '/usr/bin/')
}

function argumentsOf(e: ExecCommandLike): string[] {
  const text = e.command.text
  const { words } = extractWords(text, { unquote: true, relax: true })
  return words.slice(1).map((w) => w.replace(/\s+/g, ' ').trim())
}

function heldWhat(b: PrivilegeProfile | null, h: PrivilegeProfile, caps: bigint, root: boolean): string {
  const instance = h.user.fromInstance ? ' (for an instance named root)' : ''
  if (!b) {
    if (h.user.root && h.held.caps === h.bounding && caps !== 0n) {
      const set = h.bounding === KNOWN_CAPS ? `its full bounding set, ${capCount(caps)}` : `its bounding set, ${capList(caps)}`
      return `is new and runs as root${instance}: ${set}`
    }
    return `is new and holds ${privilegeList(caps, root)} at start${instance}`
  }
  if (root) return `now runs as root${instance}: ${caps === 0n ? 'uid 0 without capabilities' : capList(caps)} at start`
  return `now holds ${capList(caps)} at start`
}

function heldCause(base: LoadedService | null, b: PrivilegeProfile | null, head: LoadedService, h: PrivilegeProfile): { text: string; line: LineRef | null } {
  if (!b) {
    const helper = implicitHelper(head.unit)
    const line = blame(null, head, [...IDENTITY_KEYS, 'AmbientCapabilities', ...BOUNDING_KEYS, 'SecureBits']) ?? firstCommand(head)
    const who = h.user.fromInstance
      ? 'User= comes from the instance name'
      : h.user.root
        ? `no User= (or User=root)${helper ? `; the manager runs ${helper} for it` : ''}`
        : 'AmbientCapabilities='
    return { text: `new unit: ${who}`, line }
  }
  if (b.privateUsers && !h.privateUsers) {
    return { text: 'PrivateUsers= is gone: its capabilities now count on the host, not in a user namespace of its own', line: blame(base, head, ['PrivateUsers']) }
  }
  if (h.user.root && !b.user.root) {
    const text = h.user.fromInstance ? 'User= now comes from the instance name (%i): an instance named root runs as root' : 'the unit now runs as root (User= removed or set to root)'
    return { text, line: blame(base, head, IDENTITY_KEYS) }
  }
  if (h.user.root) {
    return { text: 'the bounding set of this root unit grew', line: blame(base, head, [...BOUNDING_KEYS, 'SecureBits']) }
  }
  return {
    text: 'new ambient capabilities',
    line: blame(base, head, ['AmbientCapabilities']) ?? blame(base, head, ['CapabilityBoundingSet', 'SecureBits']),
  }
}

function reachCause(base: LoadedService | null, b: PrivilegeProfile | null, head: LoadedService, h: PrivilegeProfile): { text: string; line: LineRef | null } {
  if (!b) {
    return {
      text: 'new unit: NoNewPrivileges= is not in force, so set-user-ID and file-capability programs can raise it to its bounding set',
      line: blame(null, head, ['NoNewPrivileges', ...BOUNDING_KEYS]) ?? firstCommand(head),
    }
  }
  if (b.noNewPrivileges !== null && h.noNewPrivileges === null) {
    switch (b.noNewPrivileges) {
      case 'setting':
        return { text: 'NoNewPrivileges= is no longer in force', line: blame(base, head, ['NoNewPrivileges']) ?? blame(base, head, IDENTITY_KEYS) }
      case 'dynamic-user':
        return { text: 'DynamicUser= (which sets NoNewPrivileges=) is gone', line: blame(base, head, ['DynamicUser', 'NoNewPrivileges']) }
      case 'seccomp':
        return {
          text: 'no setting forces NoNewPrivileges= any more (seccomp-based settings force it for a unit that is not root on this systemd)',
          line: blame(base, head, [...SECCOMP_KEYS, 'NoNewPrivileges', ...IDENTITY_KEYS]),
        }
    }
  }
  if (b.privateUsers && !h.privateUsers) {
    return { text: 'PrivateUsers= is gone: what it gains now counts on the host', line: blame(base, head, ['PrivateUsers']) }
  }
  if (h.user.root && !b.user.root) return { text: 'the unit now runs as root', line: blame(base, head, IDENTITY_KEYS) }
  return { text: 'the bounding set grew', line: blame(base, head, BOUNDING_KEYS) }
}

/** Where a new unit's processes are defined, when no setting explains its privileges: its first command, else its file. */
function firstCommand(svc: LoadedService): LineRef {
  const a = svc.state.applied.find((x) => x.key.startsWith('Exec'))
  return a ? { file: a.file, line: a.line, removed: false, text: `${a.key}=${a.value}` } : { file: svc.fragmentPath, line: 1, removed: false, text: '' }
}

function commandCause(
  base: LoadedService | null,
  head: LoadedService,
  e: ElevatedCommand,
  matched: ElevatedCommand | null,
  changed: boolean,
): { text: string; line: LineRef | null } {
  const own: LineRef = { file: e.command.source.file, line: e.command.source.line, removed: false, text: `${e.command.directive}=${e.command.source.value}` }
  if (changed) {
    return { text: 'the command line of a privileged command changed: what a privileged program does with other arguments is a new privilege', line: own }
  }
  if (!matched) {
    if (e.kind === 'permissions-start-only') {
      const pso = blame(base, head, ['PermissionsStartOnly'])
      if (pso) return { text: 'PermissionsStartOnly=yes runs every command but ExecStart= without the sandbox, as root', line: pso }
    }
    const text = e.kind === 'full-privileges'
      ? 'the + prefix runs the command with full privileges: no User=, no bounding set, no sandbox'
      : e.kind === 'root-credentials'
        ? 'the ! prefix skips User=/Group=: the command runs as root, within the bounding set'
        : 'PermissionsStartOnly=yes runs every command but ExecStart= without the sandbox, as root'
    return { text, line: own }
  }
  return { text: 'the bounding set its elevated command runs within grew', line: blame(base, head, BOUNDING_KEYS) ?? own }
}

/**
/**
 * Which of the new privileges a waiver or the allow-list accepts. A waiver naming capabilities
 * accepts them anywhere in the unit; `ALL` only what the line right below it causes, so an old
 * `allow ALL` for one privileged helper cannot accept an unrelated widening later (what a removed
 * line caused, such as a deleted User=, has no line below a waiver: a waiver this change adds
 * may accept it). The acceptance that does not come from the change itself is preferred — a
 * waiver base already had, then the workflow's allow-list, and only then a waiver this change
 * adds — so `addedInChange` means that nothing but the change's own waiver accepts it.
 */
function accept(wanted: readonly string[], a: Acceptor, line: LineRef | null): { accepted: Acceptance[]; unaccepted: string[] } {
  const accepted: Acceptance[] = []
  const unaccepted: string[] = []
  const known = (w: Waiver): boolean => a.baseWaivers.some((b) => sameWaiver(b, w))
  const allowCovers = (capability: string, name: string): boolean => capability === 'ALL' || (name.startsWith('CAP_') && capability === name)
  const waiverCovers = (w: Waiver, name: string): boolean =>
    w.capabilities.includes('ALL')
      ? line !== null && (line.removed ? !known(w) : line.file === w.file && line.line === w.nextLine)
      : name.startsWith('CAP_') && w.capabilities.includes(name)
  const byWaiver = (w: Waiver, name: string, addedInChange: boolean): Acceptance => ({ privilege: name, by: 'waiver', reason: w.reason, file: w.file, line: w.line, addedInChange })
  for (const name of wanted) {
    const waivers = a.waivers.filter((w) => waiverCovers(w, name))
    const old = waivers.find(known)
    if (old) {
      accepted.push(byWaiver(old, name, false))
      continue
    }
    const entry = a.allow.find((e) => allowCovers(e.capability, name) && (e.unit === null || a.unitNames.includes(e.unit)))
    if (entry) {
      accepted.push({ privilege: name, by: 'allow-list', reason: `allowed by configuration (${entry.unit ? `${entry.unit}:` : ''}${entry.capability})`, addedInChange: false })
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

/** The same waiver on both sides: same role of file, same capabilities and reason. */
function sameWaiver(x: Waiver, y: Waiver): boolean {
  return basename(x.file) === basename(y.file) && x.reason === y.reason && x.capabilities.join(' ') === y.capabilities.join(' ')
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
