/** SystemCallFilter=, SystemCallLog= and SystemCallArchitectures=: the seccomp filters' lists. */
import { ERRNO_NAMES, SECCOMP_ARCHITECTURES } from '../../model/linux-names.js'
import { expandGroup, SyscallSet, type SyscallTable } from '../../model/syscalls.js'
import type { Assignment } from '../../unit/syntax.js'
import { extractWords } from '../words.js'
import type { DirectiveContext, Handler } from './handler.js'

const ARCHITECTURES: ReadonlySet<string> = new Set(SECCOMP_ARCHITECTURES)
const ARCHITECTURES_WITH_LOONGARCH64: ReadonlySet<string> = new Set([...SECCOMP_ARCHITECTURES, 'loongarch64'])

export const syscallArchitectures: Handler = (s, a, ctx) => {
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

export const systemCallFilter: Handler = (s, a, ctx) => {
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
    addSyscall(filter.entries, name, errno, invert, filter.allowList, table, unknownNameWarnings(ctx, a))
  }
  if (invalid) ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`)
  return undefined
}

/**
 * SystemCallLog= (config_parse_syscall_log()): the first assignment picks the mode (`~`: log
 * everything but the list); words are system calls or groups, unknown ones ignored; syntax
 * errors end the line with a warning; an empty assignment resets.
 */
export const systemCallLog: Handler = (s, a, ctx) => {
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

/** How SystemCallFilter= words the names it does not know. */
interface UnknownNameWarnings {
  group(name: string): void
  call(name: string): void
}

function unknownNameWarnings(ctx: DirectiveContext, a: Assignment): UnknownNameWarnings {
  return {
    group: (name) => ctx.warn(a, `Unknown system call group, ignoring: ${name}`),
    call: (name) =>
      ctx.warn(
        a,
        ctx.traits.syscallNotKnownWording
          ? `System call ${name} is not known, ignoring.`
          : `Failed to parse system call, ignoring: ${name}`,
      ),
  }
}

/** seccomp_parse_syscall_filter(): groups expand recursively; unknown names are ignored. */
function addSyscall(
  entries: SyscallSet,
  name: string,
  errno: number,
  invert: boolean,
  allowList: boolean,
  table: SyscallTable,
  warn: UnknownNameWarnings | null,
): void {
  const add = !invert === allowList || (invert && allowList && errno >= 0)
  if (name.startsWith('@')) {
    // The group's members, nested groups expanded and names libseccomp does not know dropped
    // silently, as the recursive walk does.
    const group = expandGroup(table, name)
    if (group === null) {
      warn?.group(name)
      return
    }
    entries.setGroup(group, add ? errno : null)
    return
  }
  if (!table.known.has(name)) {
    warn?.call(name)
    return
  }
  if (add) entries.set(name, errno)
  else entries.delete(name)
}
