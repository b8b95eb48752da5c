/**
 * One parser per directive the assessment, validation or capability model reads, each doing what
 * systemd's load-fragment.c parser for it does: the value grammar, what an empty assignment
 * means, what is ignored with a warning and what makes the unit fail to load ("fatal").
 */
import {
  addressFamilyFromName,
  capabilityFromName,
  ERRNO_NAMES,
  SECCOMP_ARCHITECTURES,
  namespaceFlag,
  NAMESPACE_FLAGS_ANY,
} from '../model/linux-names.js'
import { expandGroup, SyscallSet, type SyscallTable } from '../model/syscalls.js'
import type { VersionTraits } from '../model/versions.js'
import {
  deprecatedSpecifierMessage,
  expandSpecifiers,
  type Expansion,
  type SpecifierContext,
  type SpecifierUse,
} from '../unit/specifiers.js'
import type { Assignment } from '../unit/syntax.js'
import { loadCredential, setCredential } from './credentials.js'
import { parseExecLine } from './exec-command.js'
import { parseAddressWord } from './ip.js'
import { mountImages } from './mount-images.js'
import type { ProtectHome, ProtectSystem, ServiceState } from './state.js'
import { ALL_CAPS_64, EXEC_DIRECTIVES } from './state.js'
import { UNIT_TYPE_SETTINGS } from './unit-type-settings.js'
import { isValidRelaxedUserName, isValidStrictUserName } from './users.js'
import { extractWords, parseBoolean, parseMode, simplifyAbsolutePath } from './words.js'

export interface DirectiveContext {
  readonly traits: VersionTraits
  readonly syscalls: SyscallTable
  readonly specifiers: SpecifierContext
  warn(a: Assignment, message: string): void
  /** A message systemd logs without file and line. */
  note(a: Assignment, message: string): void
}

/** Returns a reason when the assignment is fatal (the unit, or the rest of a drop-in, is refused). */
type Handler = (s: ServiceState, a: Assignment, ctx: DirectiveContext) => string | undefined

/**
 * The warning for a value a parser cannot read: 257+ name the setting and the error
 * ("Failed to parse RemoveIPC=x, ignoring: Invalid argument"), older versions say what they expected.
 */
function unparsed(ctx: DirectiveContext, a: Assignment, legacy: string, error = 'Invalid argument'): void {
  ctx.warn(a, ctx.traits.namedParseWarnings ? `Failed to parse ${a.key}=${a.value}, ignoring: ${error}` : legacy)
}

const bool =
  (set: (s: ServiceState, v: boolean) => void): Handler =>
  (s, a, ctx) => {
    const v = parseBoolean(a.value)
    if (v === null) unparsed(ctx, a, `Failed to parse boolean value, ignoring: ${a.value}`)
    else set(s, v)
    return undefined
  }

const enumOf =
  (values: readonly string[], set: (s: ServiceState, v: string) => void, what = 'value'): Handler =>
  (s, a, ctx) => {
    if (values.includes(a.value)) set(s, a.value)
    else unparsed(ctx, a, `Failed to parse ${what}, ignoring: ${a.value}`)
    return undefined
  }

/** A boolean that newer versions extend with keywords; any value but 'no' enables it. */
const boolOrKeywords =
  (
    keywords: (t: VersionTraits) => readonly string[],
    yes: string,
    set: (s: ServiceState, v: string) => void,
  ): Handler =>
  (s, a, ctx) => {
    const b = parseBoolean(a.value)
    if (b !== null) set(s, b ? yes : 'no')
    else if (keywords(ctx.traits).includes(a.value)) set(s, a.value)
    // Before 257 these were plain booleans (the keywords came with the enum parsers).
    else unparsed(ctx, a, `Failed to parse boolean value, ignoring: ${a.value}`)
    return undefined
  }

/** What the parsers in their own modules need from the line they read. */
function lineContext(ctx: DirectiveContext, a: Assignment) {
  return {
    expand: (text: string, use: SpecifierUse) => expand(ctx, a, text, use),
    warn: (message: string) => ctx.warn(a, message),
  }
}

/** Specifiers expanded as the directive's parser does; each `%c`/`%r`/`%R` met is warned about. */
function expand(ctx: DirectiveContext, a: Assignment, text: string, use: SpecifierUse): Expansion {
  return expandSpecifiers(text, ctx.specifiers, use, (c) =>
    ctx.note(a, deprecatedSpecifierMessage(c, ctx.specifiers.unitName)),
  )
}

function userName(s: ServiceState, a: Assignment, ctx: DirectiveContext): string | null | { fatal: string } {
  if (a.value === '') return null
  const expanded = expand(ctx, a, a.value, 'full')
  if ('error' in expanded) return { fatal: `Failed to resolve unit specifiers in ${a.value}: ${expanded.error}` }
  if (!isValidRelaxedUserName(expanded.value))
    return { fatal: `Invalid user/group name or numeric ID: ${expanded.value}` }
  void s
  warnLaxName(a, ctx, expanded.value)
  if (a.key === 'User' && expanded.value === 'nobody') ctx.warn(a, 'Special user nobody configured, this is not safe!')
  return expanded.value
}

/** valid_user_group_name(VALID_USER_WARN): a name only the relaxed rules accept is accepted with a notice. */
function warnLaxName(a: Assignment, ctx: DirectiveContext, name: string): void {
  if (!isValidStrictUserName(name) && !/^(0|[1-9][0-9]*)$/.test(name))
    ctx.note(a, `Accepting user/group name '${name}', which does not match strict user/group name rules.`)
}

const user =
  (set: (s: ServiceState, v: string | null) => void): Handler =>
  (s, a, ctx) => {
    const r = userName(s, a, ctx)
    if (r !== null && typeof r === 'object') return r.fatal
    set(s, r)
    return undefined
  }

const rootPath =
  (set: (s: ServiceState, v: string | null) => void): Handler =>
  (s, a, ctx) => {
    if (a.value === '') {
      set(s, null)
      return undefined
    }
    // config_parse_unit_path_printf(), fatal for these.
    const expanded = expand(ctx, a, a.value, 'path')
    if ('error' in expanded) return `Failed to resolve unit specifiers in '${a.value}': ${expanded.error}`
    const path = simplifyAbsolutePath(expanded.value)
    if (path === null)
      return `${a.key}= path is not ${expanded.value.startsWith('/') ? 'normalized' : 'absolute'}: ${expanded.value}`
    set(s, path)
    return undefined
  }

/** CapabilityBoundingSet= and AmbientCapabilities= (§3.1 rules A and B). */
const capabilities =
  (bounding: boolean): Handler =>
  (s, a, ctx) => {
    const t = ctx.traits
    let text = a.value
    const invert = text.startsWith('~')
    if (invert) text = text.slice(1)
    let sum = 0n
    // capability_set_from_string(): unknown words are skipped without a word to the log (257+
    // logs them at debug level only). In 252 an unterminated quote ends the line's words.
    const rules = { max: t.maxCapabilityNumber, binaryPrefix: t.strtolBinaryPrefix }
    for (const w of extractWords(text, { unquote: true, relax: t.capabilityWordsRelaxed }).words) {
      const cap = capabilityFromName(w, rules)
      if (cap !== null) sum |= 1n << BigInt(cap)
    }
    const current = bounding ? s.capabilityBoundingSet : s.ambientCapabilities
    const untouched = bounding ? (t.capabilityRuleB ? ALL_CAPS_64 >> 1n : ALL_CAPS_64) : 0n
    let next: bigint
    if (t.capabilityRuleB && a.value === '') next = 0n
    else if (sum === 0n || current === untouched) {
      // Rule B restricts an inverted set to the capabilities the kernel knows.
      const all = t.capabilityRuleB ? (1n << BigInt(KERNEL_LAST_CAP + 1)) - 1n : ALL_CAPS_64
      next = invert ? all & ~sum : sum
    } else next = invert ? current & ~sum : current | sum
    if (bounding) s.capabilityBoundingSet = next
    else s.ambientCapabilities = next
    return undefined
  }

/** cap_last_cap of the kernels the reference binaries ran on (CAP_CHECKPOINT_RESTORE). */
const KERNEL_LAST_CAP = 40

const restrictNamespaces: Handler = (s, a, ctx) => {
  if (a.value === '') {
    s.restrictNamespaces = null
    return undefined
  }
  const b = parseBoolean(a.value)
  if (b !== null) {
    s.restrictNamespaces = b ? 0 : NAMESPACE_FLAGS_ANY
    return undefined
  }
  let text = a.value
  const invert = text.startsWith('~')
  if (invert) text = text.slice(1)
  let flags = 0
  for (const w of extractWords(text).words) {
    const f = namespaceFlag(w)
    if (f === undefined) {
      ctx.warn(a, `Failed to parse namespace type string, ignoring: ${a.value}`)
      return undefined
    }
    flags |= f
  }
  if (s.restrictNamespaces === null) s.restrictNamespaces = invert ? ~flags & NAMESPACE_FLAGS_ANY : flags
  else s.restrictNamespaces = invert ? s.restrictNamespaces & ~flags : s.restrictNamespaces | flags
  return undefined
}

const restrictAddressFamilies: Handler = (s, a, ctx) => {
  if (a.value === '' || a.value === 'none') {
    // Both drop the set; `none` leaves an empty allow-list behind (nothing allowed).
    s.addressFamilies = null
    s.addressFamiliesAllowList = a.value === 'none'
    return undefined
  }
  let text = a.value
  const invert = text.startsWith('~')
  if (invert) text = text.slice(1)
  if (s.addressFamilies === null) {
    s.addressFamilies = new Set()
    s.addressFamiliesAllowList = !invert
  }
  const set = s.addressFamilies
  const { words, invalid } = extractWords(text, { unquote: true })
  for (const w of words) {
    const af = addressFamilyFromName(w)
    if (af === null) {
      // 262 stops at the word and names the whole value.
      ctx.warn(a, `Failed to parse address family, ignoring: ${ctx.traits.addressFamilyStopsAtUnknown ? a.value : w}`)
      if (ctx.traits.addressFamilyStopsAtUnknown) return undefined
      continue
    }
    if (!invert === s.addressFamiliesAllowList) set.add(af)
    else set.delete(af)
  }
  if (invalid) ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`)
  return undefined
}

const ARCHITECTURES: ReadonlySet<string> = new Set(SECCOMP_ARCHITECTURES)
const ARCHITECTURES_WITH_LOONGARCH64: ReadonlySet<string> = new Set([...SECCOMP_ARCHITECTURES, 'loongarch64'])

const syscallArchitectures: Handler = (s, a, ctx) => {
  if (a.value === '') {
    s.syscallArchitectures = new Set()
    return undefined
  }
  const known = ctx.traits.loongarch64Architecture ? ARCHITECTURES_WITH_LOONGARCH64 : ARCHITECTURES
  const { words, invalid } = extractWords(a.value, { unquote: true })
  for (const w of words) {
    if (known.has(w)) s.syscallArchitectures.add(w)
    else ctx.warn(a, `Failed to parse system call architecture "${w}", ignoring: Invalid argument`)
  }
  if (invalid) ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`)
  return undefined
}

/** `:ERRNO` / `:kill` suffix of a SystemCallFilter= word; null when unparsable. */
function parseErrnoOrAction(text: string): number | null {
  if (text === 'kill') return 0x7ffffffe
  if (/^[0-9]+$/.test(text)) {
    const n = Number(text)
    return n <= 4095 ? n : null
  }
  return ERRNO_NAMES.has(text) ? 1 : null
}

const systemCallFilter: Handler = (s, a, ctx) => {
  if (a.value === '') {
    s.syscallFilter = null
    return undefined
  }
  let text = a.value
  const invert = text.startsWith('~')
  if (invert) text = text.slice(1)
  const table = ctx.syscalls
  if (s.syscallFilter === null) {
    s.syscallFilter = { allowList: !invert, entries: new SyscallSet(table) }
    if (!invert) addSyscall(s.syscallFilter.entries, '@default', -1, false, true, table, null)
  }
  const filter = s.syscallFilter
  const { words, invalid } = extractWords(text)
  for (const w of words) {
    const colon = w.indexOf(':')
    let name = w
    let errno = -1
    if (colon >= 0) {
      const parsed = parseErrnoOrAction(w.slice(colon + 1))
      name = w.slice(0, colon)
      if (parsed === null || name === '') {
        ctx.warn(a, `Failed to parse syscall:errno, ignoring: ${w}`)
        continue
      }
      errno = parsed
    }
    if (!invert && errno >= 0) {
      ctx.warn(a, `Allow-listed system calls cannot take error number, ignoring: ${w}`)
      continue
    }
    addSyscall(filter.entries, name, errno, invert, filter.allowList, table, (m) => ctx.warn(a, m))
  }
  if (invalid) ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`)
  return undefined
}

/**
 * SystemCallLog= (config_parse_syscall_log()): the first assignment picks the mode (`~`: log
 * everything but the list); words are system calls or groups, unknown ones ignored; syntax
 * errors end the line with a warning; an empty assignment resets.
 */
const systemCallLog: Handler = (s, a, ctx) => {
  if (a.value === '') {
    s.syscallLog = null
    return undefined
  }
  let text = a.value
  const invert = text.startsWith('~')
  if (invert) text = text.slice(1)
  s.syscallLog ??= { allowList: !invert, entries: new SyscallSet(ctx.syscalls) }
  const log = s.syscallLog
  const { words, invalid } = extractWords(text)
  for (const w of words) addSyscall(log.entries, w, -1, invert, log.allowList, ctx.syscalls, null)
  if (invalid) ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`)
  return undefined
}

/** seccomp_parse_syscall_filter(): groups expand recursively; unknown names are ignored. */
function addSyscall(
  entries: SyscallSet,
  name: string,
  errno: number,
  invert: boolean,
  allowList: boolean,
  table: SyscallTable,
  warn: ((m: string) => void) | null,
): void {
  const add = !invert === allowList || (invert && allowList && errno >= 0)
  if (name.startsWith('@')) {
    // The group's members, nested groups expanded and names libseccomp does not know dropped
    // silently, as the recursive walk does.
    const group = expandGroup(table, name)
    if (group === null) {
      warn?.(`Unknown system call group, ignoring: ${name}`)
      return
    }
    entries.setGroup(group, add ? errno : null)
    return
  }
  if (!table.known.has(name)) {
    warn?.(`Failed to parse system call, ignoring: ${name}`)
    return
  }
  if (add) entries.set(name, errno)
  else entries.delete(name)
}

const addressList =
  (pick: (s: ServiceState) => 'ipAddressAllow' | 'ipAddressDeny'): Handler =>
  (s, a, ctx) => {
    const key = pick(s)
    if (a.value === '') {
      s[key] = []
      return undefined
    }
    const { words, invalid } = extractWords(a.value)
    for (const w of words) {
      const prefixes = parseAddressWord(w)
      if (prefixes === null)
        ctx.warn(
          a,
          ctx.traits.namedParseWarnings
            ? `Invalid address prefix is specified in [${a.section}] ${a.key}=, ignoring assignment: ${w}`
            : `Address prefix is invalid, ignoring assignment: ${w}`,
        )
      else s[key].push(...prefixes)
    }
    if (invalid) ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`)
    return undefined
  }

const filterPaths =
  (key: 'ipIngressFilterPaths' | 'ipEgressFilterPaths'): Handler =>
  (s, a, ctx) => {
    if (a.value === '') {
      s[key] = 0
      return undefined
    }
    const expanded = expand(ctx, a, a.value, 'path')
    if ('error' in expanded) {
      ctx.warn(a, `Failed to resolve unit specifiers in '${a.value}', ignoring: ${expanded.error}`)
      return undefined
    }
    if (simplifyAbsolutePath(expanded.value) === null) {
      ctx.warn(a, `${a.key}= path is not valid, ignoring: ${a.value}`)
      return undefined
    }
    s[key]++
    return undefined
  }

const deviceAllow: Handler = (s, a, ctx) => {
  if (a.value === '') {
    s.deviceAllow = []
    return undefined
  }
  // The device is one (unquoted) word; the rest of the line, after the separating
  // whitespace, is the rights string.
  const m = /^([^ \t\n\r]+)[ \t\n\r]*(.*)$/s.exec(a.value)
  const first = m ? extractWords(m[1]!, { unquote: true }).words[0] : undefined
  if (!m || first === undefined) {
    ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`)
    return undefined
  }
  const expanded = expand(ctx, a, first, 'path')
  if ('error' in expanded) {
    ctx.warn(a, `Failed to resolve unit specifiers in '${first}', ignoring: ${expanded.error}`)
    return undefined
  }
  const resolved = expanded.value
  let device = resolved
  if (!device.startsWith('block-') && !device.startsWith('char-')) {
    const simplified = device.startsWith('/') ? simplifyAbsolutePath(device) : null
    if (
      simplified === null ||
      // path_startswith() compares whole components: "/dev" itself is under "/dev/".
      !['/dev', '/run/systemd/inaccessible'].some((root) => simplified === root || simplified.startsWith(root + '/'))
    ) {
      ctx.warn(a, `Invalid device node path '${resolved}', ignoring.`)
      return undefined
    }
    device = simplified
  }
  const rights = m[2]!
  if (rights !== '' && !/^[rwm]*$/.test(rights)) {
    ctx.warn(a, `Invalid device rights '${rights}', ignoring.`)
    return undefined
  }
  s.deviceAllow.unshift(`${device}:${canonicalRights(rights)}`)
  return undefined
}

export function canonicalRights(rights: string): string {
  if (rights === '') return 'rwm'
  return ['r', 'w', 'm'].filter((c) => rights.includes(c)).join('')
}

const delegate: Handler = (s, a, ctx) => {
  // config_parse_delegate(): only unit types whose vtable has can_delegate (services, scopes).
  const type = ctx.specifiers.unitName.slice(ctx.specifiers.unitName.lastIndexOf('.') + 1)
  if (type !== 'service' && type !== 'scope') {
    ctx.warn(a, 'Delegate= setting not supported for this unit type, ignoring.')
    return undefined
  }
  const b = a.value === '' ? true : parseBoolean(a.value)
  // config_parse_delegate(): a controller list whose words do not extract (an unbalanced
  // quote) is "Invalid syntax, ignoring" and leaves Delegate= as it was.
  if (b === null && extractWords(a.value, { unquote: true }).invalid) {
    ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`)
    return undefined
  }
  s.delegate = b === null ? true : b
  return undefined
}

const supplementaryGroups: Handler = (s, a, ctx) => {
  if (a.value === '') {
    s.supplementaryGroups = []
    return undefined
  }
  const { words, invalid } = extractWords(a.value)
  for (const w of words) {
    const expanded = expand(ctx, a, w, 'full')
    if ('error' in expanded) return `Failed to resolve unit specifiers in ${w}: ${expanded.error}`
    if (!isValidRelaxedUserName(expanded.value)) return `Invalid user/group name or numeric ID: ${expanded.value}`
    warnLaxName(a, ctx, expanded.value)
    s.supplementaryGroups.push(expanded.value)
  }
  if (invalid) ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`)
  return undefined
}

/** secure_bits_from_string(): known words set their bit, unknown words are skipped; each line replaces. */
const SECURE_BITS: Record<string, number> = {
  noroot: 0,
  'noroot-locked': 1,
  'no-setuid-fixup': 2,
  'no-setuid-fixup-locked': 3,
  'keep-caps': 4,
  'keep-caps-locked': 5,
}
const secureBits: Handler = (s, a) => {
  let bits = 0
  for (const w of extractWords(a.value, { unquote: true }).words) {
    // Own names only: `constructor` is no secure bit.
    if (Object.hasOwn(SECURE_BITS, w)) bits |= 1 << SECURE_BITS[w]!
  }
  s.secureBits = bits
  return undefined
}

const exec =
  (directive: string): Handler =>
  (s, a, ctx) => {
    const list = s.exec[directive]!
    if (a.value === '') {
      list.length = 0
      return undefined
    }
    // Commands before a failing one on the same line stay (exec_command_append_list() ran for them).
    const line = parseExecLine(directive, a, ctx)
    for (const c of line.commands) list.push(c)
    return 'fatal' in line ? line.fatal : undefined
  }

const workingDirectory: Handler = (s, a, ctx) => {
  let v = a.value
  if (v === '') {
    s.workingDirectory = null
    return undefined
  }
  const missingOk = v.startsWith('-')
  if (missingOk) v = v.slice(1)
  if (v === '~') {
    s.workingDirectory = '~'
    return undefined
  }
  const expanded = expand(ctx, a, v, 'path')
  if ('error' in expanded) {
    const message = `Failed to resolve unit specifiers in working directory path '${v}'`
    if (!missingOk) return `${message}: ${expanded.error}`
    ctx.warn(a, `${message}, ignoring: ${expanded.error}`)
    return undefined
  }
  const path = simplifyAbsolutePath(expanded.value)
  if (path === null) {
    if (missingOk) {
      ctx.warn(a, `WorkingDirectory= path is not valid, ignoring: ${v}`)
      return undefined
    }
    return `WorkingDirectory= path is not absolute: ${v}`
  }
  s.workingDirectory = path
  return undefined
}

const SERVICE_TYPES = ['simple', 'exec', 'forking', 'oneshot', 'dbus', 'notify', 'idle']
const RESTART_VALUES = ['no', 'on-success', 'on-failure', 'on-abnormal', 'on-watchdog', 'on-abort', 'always']
const EMERGENCY_ACTIONS = [
  'none',
  'reboot',
  'reboot-force',
  'reboot-immediate',
  'poweroff',
  'poweroff-force',
  'poweroff-immediate',
  'exit',
  'exit-force',
  'halt',
  'halt-force',
  'halt-immediate',
  'kexec',
  'kexec-force',
]

const PROTECT_SYSTEM: readonly ProtectSystem[] = ['full', 'strict']
const PROTECT_HOME: readonly ProtectHome[] = ['read-only', 'tmpfs']

/** Handlers keyed by `Section.Key`. */
export const DIRECTIVES: ReadonlyMap<string, Handler> = new Map<string, Handler>([
  ['Unit.DefaultDependencies', bool((s, v) => (s.defaultDependencies = v))],
  ['Unit.SuccessAction', enumOf(EMERGENCY_ACTIONS, (s, v) => (s.successAction = v), 'SuccessAction=')],
  ['Service.User', user((s, v) => (s.user = v))],
  ['Service.Group', user((s, v) => (s.group = v))],
  [
    'Service.DynamicUser',
    (s, a, ctx) => {
      const v = parseBoolean(a.value)
      if (v === null)
        return ctx.traits.namedParseWarnings
          ? `Failed to parse DynamicUser=${a.value}: Invalid argument`
          : `Failed to parse boolean value: ${a.value}`
      s.dynamicUser = v
      return undefined
    },
  ],
  ['Service.SupplementaryGroups', supplementaryGroups],
  ['Service.RemoveIPC', bool((s, v) => (s.removeIpc = v))],
  ['Service.PrivateDevices', bool((s, v) => (s.privateDevices = v))],
  [
    'Service.PrivateMounts',
    (s, a, ctx) => {
      if (a.value === '' && ctx.traits.privateMountsTristate) {
        s.privateMounts = null
        return undefined
      }
      return bool((st, v) => (st.privateMounts = v))(s, a, ctx)
    },
  ],
  ['Service.PrivateNetwork', bool((s, v) => (s.privateNetwork = v))],
  [
    'Service.PrivateTmp',
    boolOrKeywords(
      (t) => t.privateTmpKeywords,
      'yes',
      (s, v) => (s.privateTmp = v),
    ),
  ],
  [
    'Service.PrivateUsers',
    boolOrKeywords(
      (t) => t.privateUsersKeywords,
      'yes',
      (s, v) => (s.privateUsers = v),
    ),
  ],
  [
    'Service.ProtectControlGroups',
    boolOrKeywords(
      (t) => t.protectControlGroupsKeywords,
      'yes',
      (s, v) => (s.protectControlGroups = v),
    ),
  ],
  [
    'Service.ProtectHostname',
    (s, a, ctx) => {
      if (ctx.traits.protectHostnameEnum) {
        // The enum parser resets on an empty value (the older boolean parser ignored it).
        if (a.value === '') {
          s.protectHostname = 'no'
          return undefined
        }
        const m = /^(yes|private)(:.+)?$/.exec(a.value)
        if (m) {
          s.protectHostname = m[1]!
          return undefined
        }
      }
      return boolOrKeywords(
        () => [],
        'yes',
        (st, v) => (st.protectHostname = v),
      )(s, a, ctx)
    },
  ],
  ['Service.ProtectKernelModules', bool((s, v) => (s.protectKernelModules = v))],
  ['Service.ProtectKernelTunables', bool((s, v) => (s.protectKernelTunables = v))],
  ['Service.ProtectKernelLogs', bool((s, v) => (s.protectKernelLogs = v))],
  ['Service.ProtectClock', bool((s, v) => (s.protectClock = v))],
  ['Service.LockPersonality', bool((s, v) => (s.lockPersonality = v))],
  ['Service.MemoryDenyWriteExecute', bool((s, v) => (s.memoryDenyWriteExecute = v))],
  ['Service.NoNewPrivileges', bool((s, v) => (s.noNewPrivileges = v))],
  ['Service.RestrictRealtime', bool((s, v) => (s.restrictRealtime = v))],
  ['Service.RestrictSUIDSGID', bool((s, v) => (s.restrictSuidSgid = v))],
  [
    'Service.ProtectSystem',
    (s, a, ctx) => {
      const b = parseBoolean(a.value)
      if (b !== null) s.protectSystem = b ? 'yes' : 'no'
      else if ((PROTECT_SYSTEM as readonly string[]).includes(a.value)) s.protectSystem = a.value as ProtectSystem
      else unparsed(ctx, a, `Failed to parse protect system value, ignoring: ${a.value}`)
      return undefined
    },
  ],
  [
    'Service.ProtectHome',
    (s, a, ctx) => {
      const b = parseBoolean(a.value)
      if (b !== null) s.protectHome = b ? 'yes' : 'no'
      else if ((PROTECT_HOME as readonly string[]).includes(a.value)) s.protectHome = a.value as ProtectHome
      else unparsed(ctx, a, `Failed to parse protect home value, ignoring: ${a.value}`)
      return undefined
    },
  ],
  [
    'Service.ProtectProc',
    enumOf(['default', 'noaccess', 'invisible', 'ptraceable'], (s, v) => (s.protectProc = v), '/proc/ protection mode'),
  ],
  ['Service.ProcSubset', enumOf(['all', 'pid'], (s, v) => (s.procSubset = v), '/proc/ subset mode')],
  ['Service.KeyringMode', enumOf(['inherit', 'private', 'shared'], (s, v) => (s.keyringMode = v), 'keyring mode')],
  [
    'Service.NotifyAccess',
    enumOf(['none', 'main', 'exec', 'all'], (s, v) => (s.notifyAccess = v), 'notify access specifier'),
  ],
  [
    'Service.UMask',
    (s, a, ctx) => {
      const m = parseMode(a.value)
      // parse_mode(): digits beyond 07777 are out of range, anything else is no mode.
      if (m === null)
        unparsed(
          ctx,
          a,
          `Failed to parse mode value, ignoring: ${a.value}`,
          /^[ \t\n\r]*[0-7]+$/.test(a.value) ? 'Numerical result out of range' : 'Invalid argument',
        )
      else s.umask = m
      return undefined
    },
  ],
  ['Service.RootDirectory', rootPath((s, v) => (s.rootDirectory = v))],
  ['Service.RootImage', rootPath((s, v) => (s.rootImage = v))],
  ['Service.RootVerity', rootPath(() => undefined)],
  [
    'Service.MountImages',
    (s, a, ctx) => {
      s.mountImages = a.value === '' ? 0 : s.mountImages + mountImages(a.value, lineContext(ctx, a))
      return undefined
    },
  ],
  ['Service.SecureBits', secureBits],
  [
    'Service.LoadCredential',
    (s, a, ctx) => void loadCredential(s.loadCredentials, a.value, false, lineContext(ctx, a)),
  ],
  [
    'Service.LoadCredentialEncrypted',
    (s, a, ctx) => void loadCredential(s.loadCredentials, a.value, true, lineContext(ctx, a)),
  ],
  ['Service.SetCredential', (s, a, ctx) => void setCredential(s.setCredentials, a.value, false, lineContext(ctx, a))],
  [
    'Service.SetCredentialEncrypted',
    (s, a, ctx) => void setCredential(s.setCredentials, a.value, true, lineContext(ctx, a)),
  ],
  ['Service.CapabilityBoundingSet', capabilities(true)],
  ['Service.AmbientCapabilities', capabilities(false)],
  ['Service.RestrictNamespaces', restrictNamespaces],
  ['Service.RestrictAddressFamilies', restrictAddressFamilies],
  ['Service.SystemCallArchitectures', syscallArchitectures],
  ['Service.SystemCallFilter', systemCallFilter],
  ['Service.SystemCallLog', systemCallLog],
  ['Service.IPAddressAllow', addressList(() => 'ipAddressAllow')],
  ['Service.IPAddressDeny', addressList(() => 'ipAddressDeny')],
  ['Service.IPIngressFilterPath', filterPaths('ipIngressFilterPaths')],
  ['Service.IPEgressFilterPath', filterPaths('ipEgressFilterPaths')],
  ['Service.DevicePolicy', enumOf(['auto', 'closed', 'strict'], (s, v) => (s.devicePolicy = v), 'device policy')],
  ['Service.DeviceAllow', deviceAllow],
  ['Service.Delegate', delegate],
  ['Service.PermissionsStartOnly', bool((s, v) => (s.permissionsStartOnly = v))],
  [
    'Service.Type',
    (s, a, ctx) => {
      const types = ctx.traits.notifyReload ? [...SERVICE_TYPES, 'notify-reload'] : SERVICE_TYPES
      if (types.includes(a.value)) s.type = a.value
      else ctx.warn(a, `Failed to parse service type, ignoring: ${a.value}`)
      return undefined
    },
  ],
  ['Service.RemainAfterExit', bool((s, v) => (s.remainAfterExit = v))],
  ['Service.Restart', enumOf(RESTART_VALUES, (s, v) => (s.restart = v), 'service restart specifier')],
  ['Service.ExitType', enumOf(['main', 'cgroup'], (s, v) => (s.exitType = v), 'service exit type')],
  [
    'Service.BusName',
    (s, a) => {
      s.busName = a.value === '' ? null : a.value
      return undefined
    },
  ],
  [
    'Service.PAMName',
    (s, a) => {
      s.pamName = a.value === '' ? null : a.value
      return undefined
    },
  ],
  ['Service.KillMode', enumOf(['control-group', 'process', 'mixed', 'none'], (s, v) => (s.killMode = v), 'kill mode')],
  [
    'Service.RestartForceExitStatus',
    (s, a) => {
      s.restartForceExitStatus = a.value === '' ? 0 : s.restartForceExitStatus + extractWords(a.value).words.length
      return undefined
    },
  ],
  ['Service.WorkingDirectory', workingDirectory],
  ['Service.PrivatePIDs', bool((s, v) => (s.privatePids = v))],
  // ExecReloadPost= (262; systemd.service(5): "added in version 259") is a control command like
  // ExecReload=: same syntax, and PermissionsStartOnly= strips its sandbox too (service_spawn()
  // masks EXEC_APPLY_SANDBOXING for every EXEC_IS_CONTROL command). Versions whose table lacks
  // the key never reach this handler (load.ts applyFile()).
  ...EXEC_DIRECTIVES.filter((d) => d !== 'ExecStopPre').map((d): [string, Handler] => [`Service.${d}`, exec(d)]),
  // A socket's own command (run as root by default, with the socket's sandboxing): recorded so
  // that every command a unit runs is on its state. The others it shares with services.
  ['Socket.ExecStopPre', exec('ExecStopPre')],
  // What decides whether a mount, swap, automount, path, timer or socket loads at all.
  ...[...UNIT_TYPE_SETTINGS].map(([key, set]): [string, Handler] => [key, (s, a, ctx) => set(s.unitType, a, ctx)]),
])
