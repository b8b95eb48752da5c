/**
 * What the unit itself tells about the service (docs/directives.md): which programs
 * it runs and of what kind, whether it runs or starts as root, the ports, paths and devices it
 * mentions. Every fact keeps its evidence, so each skipped or adjusted directive can say why.
 * Pure: reads a LoadedService only. The decisions built on these facts are in context.ts.
 */
import { isRootUser } from '../model/root-user.js'
import type { LoadedService } from '../service/load.js'
import { isValidStrictUserName } from '../service/users.js'
import { unitNameKind, unitPrefix } from '../unit/names.js'
import { isHardwareDevice, isWithin, normalizePath, pathsIn, writeTargetOf, type WriteTarget } from './paths.js'
import { CATEGORIES, categoriesOf, defaultPort, programName, type Category } from './programs.js'
import type { SocketUnit } from './sockets.js'
import { assignmentsOf, commandLines, listValue, scalarValue, type CommandLine } from './unit-text.js'

export interface Port {
  readonly port: number
  readonly evidence: string
}

export interface UserSwitch {
  readonly user: string
  readonly evidence: string
  /** Switched by a wrapper command (runuser, setpriv, …) rather than by the daemon's own option. */
  readonly wrapper: boolean
}

export type Runtime = 'native' | 'jit' | 'interpreter' | 'shell'

export interface UnitFacts {
  readonly service: LoadedService
  readonly commands: readonly CommandLine[]
  /** Normalised names of the programs the unit runs (executables, wrapped and nested commands). */
  readonly programs: readonly string[]
  /** Each category the service falls in, with the evidence ("chronyd is a time daemon"). */
  readonly categories: ReadonlyMap<Category, string>
  readonly runtime: { readonly kind: Runtime; readonly evidence: string }
  /** No User= (or root/0) and no DynamicUser=. */
  readonly runsAsRoot: boolean
  /** Why the main process starts with root privileges even though User= is set, if it does. */
  readonly startsAsRootDespiteUser: string | null
  /** Evidence that the daemon switches users itself, if any. */
  readonly dropsPrivileges: string | null
  /** A user the unit names for the service outside User= (Group=, -u NAME, runuser -u NAME). */
  readonly namedUser: UserSwitch | null
  readonly privilegedPorts: readonly Port[]
  /** Why the service evidently uses the network; null when nothing in the unit suggests it. */
  readonly network: string | null
  /** The loopback address it is told to listen on, when every address the unit names is a loopback one. */
  readonly loopbackOnly: string | null
  readonly tmpPaths: readonly string[]
  readonly homePaths: readonly string[]
  readonly devicePaths: readonly string[]
  readonly kernelPaths: readonly string[]
  /** Where the unit says the service writes. */
  readonly writeTargets: readonly WriteTarget[]
  /** Directories the unit's own Exec lines create (mkdir), which need to exist writable. */
  readonly createdDirs: readonly string[]
  /** Socket units next to the service that systemd binds for it. */
  readonly sockets: readonly SocketUnit[]
  /** A comment of the unit's that says it starts plugins, jobs or workloads, or uses sudo. */
  readonly launchComment: string | null
}

const USER_SWITCH_WRAPPERS = new Set([
  'runuser',
  'setpriv',
  'sudo',
  'su',
  'chpst',
  'gosu',
  'su-exec',
  's6-setuidgid',
  'setuidgid',
  'start-stop-daemon',
])

/** Programs that run the command after their options, by the name they are run as. */
const WRAPPERS = new Set([
  'env',
  'nice',
  'ionice',
  'chrt',
  'taskset',
  'stdbuf',
  'nohup',
  'setsid',
  'timeout',
  'flock',
  'numactl',
  'cgexec',
  'systemd-cat',
  'unbuffer',
  'tini',
  'dumb-init',
  'catatonit',
  'authbind',
  'xvfb-run',
  'dbus-run-session',
  'prlimit',
  'daemon',
  ...USER_SWITCH_WRAPPERS,
])

/** Options that name the account a daemon switches to. */
const USER_OPTIONS = new Set([
  '-u',
  '--user',
  '--uid',
  '--runas',
  '--run-as',
  '--setuid',
  '--setuser',
  '--chuid',
  '-c',
  '--reuid',
  '--username',
])

const MAX_WRITE_TARGETS = 24

const EXECUTABLE_DIRS = /^\/(usr\/(local\/)?)?(s?bin|lib|libexec|games)\//

/** Groups that are shared by design and never name a service's own account. */
const SHARED_GROUPS = new Set([
  'root',
  'wheel',
  'adm',
  'sudo',
  'staff',
  'users',
  'nogroup',
  'nobody',
  'systemd-journal',
  'disk',
  'video',
  'audio',
  'render',
  'dialout',
  'input',
  'kvm',
  'tty',
  'utmp',
  'shadow',
  'mail',
  'daemon',
  'sys',
  'lp',
  'plugdev',
  'netdev',
])

export function readFacts(
  service: LoadedService,
  sockets: readonly SocketUnit[] = [],
  comments: readonly string[] = [],
): UnitFacts {
  const state = service.state
  const commands = commandLines(service)
  const main = commands.find((c) => c.directive === 'ExecStart') ?? commands[0]
  const env = listValue(service, 'Service', 'Environment')

  const programs = new Map<string, string>()
  const addProgram = (name: string, how: string): void => {
    if (name !== '' && !programs.has(name)) programs.set(name, how)
  }
  for (const c of commands) {
    const name = programName(c.path)
    addProgram(name, `${c.directive} runs ${name}`)
    for (const p of nestedPrograms(c)) addProgram(p, `${c.directive} runs ${p}`)
  }
  const unitName = unitPrefix(service.unit)
  const categories = new Map<Category, string>()
  for (const [name, how] of programs) {
    for (const cat of categoriesOf(name))
      if (!categories.has(cat)) categories.set(cat, `${how}, ${CATEGORIES[cat].what}`)
  }
  for (const cat of categoriesOf(programName(unitName))) {
    if (!categories.has(cat)) categories.set(cat, `the unit ${service.unit} is named after ${CATEGORIES[cat].what}`)
  }
  if (state.delegate && !categories.has('container'))
    categories.set('container', 'Delegate= hands it a cgroup subtree, as container managers need')
  for (const c of commands) {
    if (/\.sh$/.test(c.path) && !categories.has('shell'))
      categories.set('shell', `${c.directive} runs the script ${c.path}`)
  }

  const words = commands.flatMap((c) => c.args)
  const runtime = runtimeOf(main, categories, words)
  const runsAsRoot = !state.dynamicUser && isRootUser(state.user)
  const bang = commands.find((c) => c.directive === 'ExecStart' && c.noSetuid)
  const startsAsRootDespiteUser =
    !runsAsRoot && bang ? `ExecStart=!${bang.path} starts as root and switches to User= itself` : null
  const namedUser = namedUserOf(service, main)
  const dropper = categories.get('privilege-dropper')
  const dropsPrivileges = bang
    ? `ExecStart=!${bang.path} switches users itself`
    : namedUser && !namedUser.evidence.startsWith('Group=')
      ? namedUser.evidence
      : (dropper ?? null)

  // A socket unit binds the listening ports and passes them: the program's default port is not its own bind.
  const socketActivated = sockets.some((x) => x.listens.length > 0)
  const privilegedPorts = portsOf(main ? [main] : [], env, programs, !socketActivated)
  const mentioned = mentionedPaths(service, commands, env)
  const network = networkEvidence(service, privilegedPorts, words, env, categories)

  return {
    service,
    commands,
    programs: [...programs.keys()],
    categories,
    runtime,
    runsAsRoot,
    startsAsRootDespiteUser,
    dropsPrivileges,
    namedUser,
    privilegedPorts,
    network,
    loopbackOnly: loopbackOnly(words, env),
    tmpPaths: mentioned.all.filter((p) => isWithin(p, '/tmp') || isWithin(p, '/var/tmp')),
    homePaths: mentioned.all.filter((p) => isWithin(p, '/home') || isWithin(p, '/root') || isWithin(p, '/run/user')),
    devicePaths: mentioned.all.filter(isHardwareDevice),
    kernelPaths: mentioned.all.filter((p) => isWithin(p, '/proc/sys') || isWithin(p, '/sys')),
    writeTargets: mentioned.writes,
    createdDirs: createdDirs(commands),
    sockets,
    launchComment: launchCommentOf(comments),
  }
}

/** Programs a command starts indirectly: through a wrapper, a shell -c string, or by absolute path. */
function nestedPrograms(c: CommandLine): string[] {
  const out: string[] = []
  const name = programName(c.path)
  if (WRAPPERS.has(name)) {
    const target = c.args.find(
      (a, i) =>
        (a.startsWith('/') || /^[A-Za-z][\w.+-]*$/.test(a)) &&
        !a.includes('=') &&
        !(c.args[i - 1] ?? '').startsWith('-'),
    )
    if (target) out.push(programName(target))
  }
  for (const a of c.args) {
    for (const token of a.split(/[\s;&|()]+/)) {
      if (EXECUTABLE_DIRS.test(token) || /^\/opt\/[^/]+\/(s?bin)\//.test(token)) out.push(programName(token))
    }
  }
  if (CATEGORIES.shell.programs.includes(name)) {
    const i = c.args.indexOf('-c')
    const script = i >= 0 ? c.args[i + 1] : undefined
    if (script) {
      for (const m of script.matchAll(/(?:^|[;&|(]|\bexec)\s*([\w./+-]+)/g)) out.push(programName(m[1]!))
    }
  }
  return out
}

function runtimeOf(
  main: CommandLine | undefined,
  categories: ReadonlyMap<Category, string>,
  words: readonly string[],
): UnitFacts['runtime'] {
  const jit = categories.get('jit') ?? categories.get('browser')
  if (jit) return { kind: 'jit', evidence: jit }
  const jitFile = words.find((w) => /\.(jar|war|js|mjs|php)$/.test(w) || w === '-jar')
  if (jitFile) return { kind: 'jit', evidence: `the command line names ${jitFile}, which runs on a JIT runtime` }
  const shell = categories.get('shell')
  if (shell && main && (CATEGORIES.shell.programs.includes(programName(main.path)) || main.path.endsWith('.sh')))
    return { kind: 'shell', evidence: shell }
  // Executables kept under /etc (cron.daily, init.d) are scripts.
  if (main?.path.startsWith('/etc/'))
    return { kind: 'shell', evidence: `${main.directive} runs ${main.path}, a script` }
  const interpreter = categories.get('interpreter')
  if (interpreter) return { kind: 'interpreter', evidence: interpreter }
  const script = [...(main ? [main.path] : []), ...words].find((w) => /\.(py|pl|rb|lua|tcl)$/.test(w))
  if (script) return { kind: 'interpreter', evidence: `the command line runs the script ${script}` }
  // The unit shows only a path: whether it is a compiled program or a script without extension is unseen.
  return {
    kind: 'native',
    evidence: main
      ? `nothing in the unit shows ${main.path} to be a JIT runtime, interpreter or script`
      : 'no command line',
  }
}

function namedUserOf(service: LoadedService, main: CommandLine | undefined): UserSwitch | null {
  const ok = (u: string | undefined): u is string =>
    u !== undefined && isValidStrictUserName(u) && !['root', 'nobody', 'nogroup'].includes(u) && !/^[0-9]+$/.test(u)
  if (main) {
    const name = programName(main.path)
    const wrapper = USER_SWITCH_WRAPPERS.has(name)
    const args = main.args
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!
      const [opt, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined]
      if (!USER_OPTIONS.has(opt) || (opt === '-c' && name !== 'start-stop-daemon')) continue
      const user = (inline ?? args[i + 1])?.split(/[:.]/)[0]
      if (ok(user)) return { user, evidence: `ExecStart passes ${opt} ${user} to ${name}`, wrapper }
    }
    if (['su', 'gosu', 'su-exec', 's6-setuidgid', 'setuidgid'].includes(name)) {
      const user = args.find((a) => !a.startsWith('-'))?.split(':')[0]
      if (ok(user)) return { user, evidence: `ExecStart runs ${name} ${user}`, wrapper: true }
    }
  }
  const group = service.state.group
  if (ok(group ?? undefined) && !SHARED_GROUPS.has(group!))
    return { user: group!, evidence: `Group=${group} names the service's own group`, wrapper: false }
  return null
}

const PORT_OPTION = /^--?(?:[a-z-]*port|p|listen|bind|l|b)$/i

function portsOf(
  commands: readonly CommandLine[],
  env: readonly string[],
  programs: ReadonlyMap<string, string>,
  defaults: boolean,
): Port[] {
  const found = new Map<number, string>()
  const note = (port: number, evidence: string): void => {
    if (port > 0 && port < 1024 && !found.has(port)) found.set(port, evidence)
  }
  const fromValue = (value: string, evidence: string): void => {
    const m = /^(?:(?:\[[0-9A-Fa-f:.]*\]|[A-Za-z0-9_.*-]*):)?(\d{1,5})$/.exec(value)
    if (m) note(Number(m[1]), evidence)
  }
  for (const c of commands) {
    const args = c.args
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!
      const eq = a.indexOf('=')
      const opt = eq >= 0 ? a.slice(0, eq) : a
      if (PORT_OPTION.test(opt)) {
        const value = eq >= 0 ? a.slice(eq + 1) : args[i + 1]
        if (value !== undefined) fromValue(value, `${c.directive} passes ${opt} ${value}`)
      } else if (/^(?:\[[0-9A-Fa-f:.]*\]|[A-Za-z0-9_.*-]*):\d{1,5}$/.test(a))
        fromValue(a, `${c.directive} listens on ${a}`)
      for (const m of a.matchAll(/\blisten\s+(?:\S+:)?(\d{1,5})\b/gi))
        note(Number(m[1]), `${c.directive} contains "${m[0]}"`)
    }
  }
  for (const e of env) {
    const m = /^([A-Za-z_]*(?:PORT|LISTEN|BIND)[A-Za-z_]*)=(.*)$/i.exec(e)
    if (m) fromValue(m[2]!, `Environment=${e}`)
  }
  for (const [name, how] of defaults ? programs : new Map<string, string>()) {
    const port = defaultPort(name)
    if (port !== undefined) note(port, `${how}, which listens on port ${port} by default`)
  }
  return [...found].map(([port, evidence]) => ({ port, evidence }))
}

const NETWORK_TARGETS = /\b(network|network-online|nss-lookup)\.target\b/

function networkEvidence(
  service: LoadedService,
  ports: readonly Port[],
  words: readonly string[],
  env: readonly string[],
  categories: ReadonlyMap<Category, string>,
): string | null {
  for (const key of ['After', 'Wants', 'Requires', 'BindsTo']) {
    for (const a of assignmentsOf(service, 'Unit', key)) {
      const m = NETWORK_TARGETS.exec(a.value)
      if (m) return `${key}=${m[0]}`
    }
  }
  if (ports.length > 0) return ports[0]!.evidence
  for (const cat of [
    'network-manager',
    'packet',
    'tun',
    'privilege-dropper',
    'monitoring',
    'backup',
    'system-manager',
    'ci-runner',
    'container',
    'scheduler',
    'session',
    'time',
  ] as const) {
    const e = categories.get(cat)
    if (e) return e
  }
  const all = [...words, ...env]
  const url = all.find(mentionsNetwork)
  if (url) return `the unit mentions ${url}`
  const s = service.state
  if (
    s.addressFamilies !== null &&
    s.addressFamiliesAllowList &&
    (s.addressFamilies.has('AF_INET') || s.addressFamilies.has('AF_INET6'))
  ) {
    return 'RestrictAddressFamilies= already allows Internet sockets'
  }
  if (s.ipAddressAllow.length > 0) return 'IPAddressAllow= lists peers'
  if (assignmentsOf(service, 'Service', 'Sockets').length > 0) return 'Sockets= passes it sockets'
  return null
}

const LOOPBACK = /(?:^|[=\s@/])(127(?:\.\d{1,3}){3}|\[::1\]|localhost)(?::\d{1,5})?(?:$|\/)/
const ANY_ADDRESS =
  /(?:^|[=\s@/])(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\]|[a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d{1,5})?(?:$|\/)/i

/** "the unit names only 127.0.0.1:8080": every address-like word is a loopback one, and there is one. */
function loopbackOnly(words: readonly string[], env: readonly string[]): string | null {
  let found: string | null = null
  for (const w of [...words, ...env]) {
    if (w.length > 4096) continue
    const loop = LOOPBACK.exec(w)
    if (loop) {
      found ??= loop[1]!
      continue
    }
    // A file name such as /etc/app.conf is not an address; a host name or other IP is.
    const other = ANY_ADDRESS.exec(w)
    if (
      other &&
      !w.startsWith('/') &&
      !/\.(conf|ya?ml|json|toml|ini|cfg|xml|pem|key|crt|sock|pid|log)$/i.test(other[1]!)
    )
      return null
  }
  return found === null ? null : `the unit names only the loopback address ${found}`
}

/**
 * A URL, an IPv4 address, a `:port` or the word "port". The scheme is bounded: an unbounded
 * `[a-z][a-z0-9+.-]*://` rescans the rest of a word from every letter, and one 100 KB argument
 * in a pull request took 17 s.
 */
function mentionsNetwork(word: string): boolean {
  return (
    (word.includes('://') && /[a-z][a-z0-9+.-]{0,31}:\/\//i.test(word)) ||
    /(?:^|[=\s@])\d{1,3}(?:\.\d{1,3}){3}\b|:\d{2,5}$|\bport\b/i.test(word)
  )
}

function mentionedPaths(
  service: LoadedService,
  commands: readonly CommandLine[],
  env: readonly string[],
): { all: string[]; writes: WriteTarget[] } {
  const raw: { path: string; workingDirectory: boolean }[] = []
  const add = (text: string, workingDirectory = false): void => {
    for (const p of pathsIn(expandDirectorySpecifiers(text))) raw.push({ path: p, workingDirectory })
  }
  for (const c of commands) for (const a of c.args) add(a)
  for (const e of env) add(e)
  for (const key of ['PIDFile', 'StandardOutput', 'StandardError', 'RootDirectory', 'TTYPath']) {
    const v = scalarValue(service, 'Service', key)
    if (v) add(v)
  }
  const wd = scalarValue(service, 'Service', 'WorkingDirectory')
  if (wd === '~' || wd === '-~') raw.push({ path: '/root', workingDirectory: false })
  else if (wd) add(wd.replace(/^-/, ''), true)
  for (const key of [
    'EnvironmentFile',
    'ReadWritePaths',
    'ReadOnlyPaths',
    'BindPaths',
    'BindReadOnlyPaths',
    'DeviceAllow',
  ]) {
    for (const v of listValue(service, 'Service', key)) add(v.replace(/^[-+]+/, ''))
  }
  // Sets, not includes(): a unit can name tens of thousands of paths.
  const all = new Set<string>()
  const writes = new Map<string, WriteTarget>()
  const executables = commands.map((c) => c.path)
  // %i/%I are empty in a plain unit: a path built on them would widen to its parent directory.
  const instance = unitNameKind(service.unit) === 'instance'
  for (const { path, workingDirectory } of raw) {
    const p = normalizePath(path)
    if (p === null || (!instance && /%[iI]/.test(p))) continue
    all.add(p)
    const target = writeTargetOf(p, { workingDirectory })
    const key = `${target?.kind}\0${target?.path}`
    // Never make the directory that holds the service's own executable writable.
    if (!target || writes.has(key) || executables.some((x) => isWithin(x, target.path))) continue
    writes.set(key, target)
  }
  // A unit naming hundreds of paths would get a drop-in nobody reviews: keep the first ones.
  const found = [...writes.values()]
  const blockers = found.filter((w) => w.kind === 'blocker')
  return {
    all: [...all],
    writes: [...blockers, ...found.filter((w) => w.kind !== 'blocker').slice(0, MAX_WRITE_TARGETS)],
  }
}

const LAUNCH_WORDS = /\b(plugins?|jobs?|workloads?|sudo|setuid|user sessions?|child processes)\b/i

/** The first comment that says the service starts other programs for others: `the unit's comment "…"`. */
function launchCommentOf(comments: readonly string[]): string | null {
  const c = comments.find((x) => LAUNCH_WORDS.test(x))
  return c === undefined ? null : `the unit's comment "${c.length > 80 ? `${c.slice(0, 77)}...` : c}"`
}

/** What the directory specifiers mean for a system service (systemd.unit(5), "Specifiers"). */
const SPECIFIER_DIRS: Readonly<Record<string, string>> = {
  S: '/var/lib',
  C: '/var/cache',
  L: '/var/log',
  t: '/run',
  T: '/tmp',
  V: '/var/tmp',
  E: '/etc',
  '%': '%',
}

/** `%C/app/war` → `/var/cache/app/war`, so a path built on a specifier is classified like any other. */
export function expandDirectorySpecifiers(text: string): string {
  return text.includes('%') ? text.replace(/%([SCLtTVE%])/g, (_, k: string) => SPECIFIER_DIRS[k]!) : text
}

function createdDirs(commands: readonly CommandLine[]): string[] {
  const out: string[] = []
  for (const c of commands) {
    const isMkdir = programName(c.path) === 'mkdir' || programName(c.path) === 'install'
    const words = isMkdir ? c.args : c.args.flatMap((a) => (/\bmkdir\b/.test(a) ? a.split(/\s+/) : []))
    for (const w of words) {
      const p = w.startsWith('/') ? normalizePath(w) : null
      if (p) out.push(p)
    }
  }
  return out
}

/** Whether a DynamicUser= name derived from the unit would be a real non-root account. */
export function dynamicUserNameOk(unit: string): boolean {
  const prefix = unitPrefix(unit)
  return !isValidStrictUserName(prefix) || !['root', 'nobody'].includes(prefix)
}
