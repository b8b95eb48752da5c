/**
 * The settings of the other unit types that decide whether systemd loads them at all: a mount's
 * or automount's Where=, a mount's or swap's What=, a path unit's paths, a timer's values, a
 * socket's listeners and how it accepts. Each parser does what its load-fragment.c counterpart
 * does with the value: an empty assignment clears the list, a value it cannot read is ignored
 * with a warning. unit-type-verify.ts then refuses the unit as the type's verify() does.
 */
import type { VersionTraits } from '../model/versions.js'
import { unitNameKind } from '../unit/names.js'
import {
  deprecatedSpecifierMessage,
  expandSpecifiers,
  type SpecifierContext,
  type SpecifierUse,
} from '../unit/specifiers.js'
import type { Assignment } from '../unit/syntax.js'
import { parseSocketAddress } from './socket-address.js'
import { isCalendarSpec, isTimespan } from './time-specs.js'
import { isNormalizedPath, isValidPath, parseBoolean, utf8Length } from './words.js'

export type ListenerKind = 'stream' | 'datagram' | 'seqpacket' | 'fifo' | 'special' | 'netlink' | 'mqueue' | 'usb'

export interface Listener {
  readonly kind: ListenerKind
  /** The file system node it creates (a FIFO, an AF_UNIX socket with a path), else null. */
  readonly node: string | null
}

export interface UnitTypeSettings {
  /** Mount/Automount Where=, Swap What= (a path), Mount What= (any string); null when unset. */
  where: string | null
  what: string | null
  pathSpecs: number
  timerValues: number
  onClockChange: boolean
  onTimezoneChange: boolean
  listeners: Listener[]
  accept: boolean
  maxConnections: number
  explicitService: boolean
  /** The unit a socket's Service=, a timer's or path unit's Unit= names (the last one given); null when unset. */
  triggerName: string | null
  symlinks: number
}

export function initialUnitTypeSettings(): UnitTypeSettings {
  return {
    where: null,
    what: null,
    pathSpecs: 0,
    timerValues: 0,
    onClockChange: false,
    onTimezoneChange: false,
    listeners: [],
    accept: false,
    maxConnections: 64,
    explicitService: false,
    triggerName: null,
    symlinks: 0,
  }
}

interface SettingContext {
  readonly traits: VersionTraits
  readonly specifiers: SpecifierContext
  warn(a: Assignment, message: string): void
  note(a: Assignment, message: string): void
}

type Setter = (t: UnitTypeSettings, a: Assignment, ctx: SettingContext) => string | undefined

/** specifier_printf(); a failure is warned about and the assignment ignored (null). */
function expanded(a: Assignment, ctx: SettingContext, use: SpecifierUse, quote = true): string | null {
  const r = expandSpecifiers(a.value, ctx.specifiers, use, (c) =>
    ctx.note(a, deprecatedSpecifierMessage(c, ctx.specifiers.unitName)),
  )
  if (!('error' in r)) return r.value
  ctx.warn(a, `Failed to resolve unit specifiers in ${quote ? `'${a.value}'` : a.value}, ignoring: ${r.error}`)
  return null
}

/** path_simplify_and_warn(PATH_CHECK_ABSOLUTE): the simplified path, or null after its warning. */
function absolutePath(a: Assignment, path: string, ctx: SettingContext): string | null {
  if (!path.startsWith('/')) {
    ctx.warn(a, `${a.key}= path is not absolute, ignoring: ${path}`)
    return null
  }
  const simple = `/${path
    .split('/')
    .filter((p) => p !== '' && p !== '.')
    .join('/')}`
  if (!isValidPath(simple)) {
    ctx.warn(a, `${a.key}= path has invalid length (${utf8Length(simple)} bytes), ignoring.`)
    return null
  }
  if (!isNormalizedPath(simple)) {
    ctx.warn(a, `${a.key}= path is not normalized, ignoring: ${simple}`)
    return null
  }
  return simple
}

/** config_parse_unit_path_printf() (ltype 0): empty unsets, a bad path is ignored. */
const pathSetting =
  (set: (t: UnitTypeSettings, v: string | null) => void): Setter =>
  (t, a, ctx) => {
    if (a.value === '') return void set(t, null)
    const value = expanded(a, ctx, 'path')
    if (value === null) return undefined
    const path = absolutePath(a, value, ctx)
    if (path !== null) set(t, path)
    return undefined
  }

/** fstab_node_to_udev_node(): `LABEL=`, `UUID=`, `PARTUUID=`, `PARTLABEL=` name a /dev/disk/by-* link. */
function udevNode(value: string): string {
  const m = /^(LABEL|UUID|PARTUUID|PARTLABEL)=(.*)$/.exec(value)
  if (!m) return value
  const dir = { LABEL: 'by-label', UUID: 'by-uuid', PARTUUID: 'by-partuuid', PARTLABEL: 'by-partlabel' }[
    m[1] as 'LABEL'
  ]
  const tag = m[1] === 'UUID' || m[1] === 'PARTUUID' ? m[2]!.toLowerCase() : m[2]!
  // Characters udev would not put in a link name are escaped as \xNN.
  return `/dev/disk/${dir}/${tag.replace(/[^A-Za-z0-9#+\-.:=@_]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}`
}

/**
 * A mount's What=: any string (config_parse_unit_string_printf); 257+ config_parse_mount_node()
 * turns `LABEL=…` and the like into the device path first.
 */
const mountWhat: Setter = (t, a, ctx) => {
  if (a.value === '') return void (t.what = null)
  const value = expanded(a, ctx, 'full')
  if (value !== null) t.what = ctx.traits.mountNodeWhat ? udevNode(value) : value
  return undefined
}

/**
 * A swap's What=: a path. 257+ reads it as a mount node, and a value that is then no normalized
 * absolute path makes the unit fail to load (EINVAL, without a message of its own).
 */
const swapWhat: Setter = (t, a, ctx) => {
  if (!ctx.traits.mountNodeWhat) return pathSetting((st, v) => (st.what = v))(t, a, ctx)
  if (a.value === '') return void (t.what = null)
  const value = expanded(a, ctx, 'full')
  if (value === null) return undefined
  const node = udevNode(value)
  const simple = `/${node
    .split('/')
    .filter((p) => p !== '' && p !== '.')
    .join('/')}`
  if (!node.startsWith('/') || !isNormalizedPath(simple)) return SILENT_EINVAL
  t.what = simple
  return undefined
}

/** config_parse_path_spec(): empty clears every path of the unit; a bad path is ignored. */
const pathSpec: Setter = (t, a, ctx) => {
  if (a.value === '') return void (t.pathSpecs = 0)
  const r = expandSpecifiers(a.value, ctx.specifiers, 'path', (c) =>
    ctx.note(a, deprecatedSpecifierMessage(c, ctx.specifiers.unitName)),
  )
  if ('error' in r) return void ctx.warn(a, `Failed to resolve unit specifiers in ${a.value}, ignoring: ${r.error}`)
  if (absolutePath(a, r.value, ctx) !== null) t.pathSpecs++
  return undefined
}

/** config_parse_timer(): empty clears every value (monotonic and calendar); a bad one is ignored. */
const timerValue: Setter = (t, a, ctx) => {
  if (a.value === '') return void (t.timerValues = 0)
  const value = expanded(a, ctx, 'full')
  if (value === null) return undefined
  if (a.key === 'OnCalendar') {
    if (!isCalendarSpec(value)) return void ctx.warn(a, `Failed to parse calendar specification, ignoring: ${value}`)
  } else if (!isTimespan(value)) return void ctx.warn(a, `Failed to parse timer value, ignoring: ${value}`)
  t.timerValues++
  return undefined
}

/** config_parse_bool(): 257+ names the setting in its warning. */
const boolSetting =
  (set: (t: UnitTypeSettings, v: boolean) => void): Setter =>
  (t, a, ctx) => {
    const v = parseBoolean(a.value)
    if (v !== null) set(t, v)
    else if (ctx.traits.namedParseWarnings)
      ctx.warn(a, `Failed to parse ${a.key}=${a.value}, ignoring: Invalid argument`)
    else ctx.warn(a, `Failed to parse boolean value, ignoring: ${a.value}`)
    return undefined
  }

const LISTEN_KINDS: Record<string, ListenerKind> = {
  ListenStream: 'stream',
  ListenDatagram: 'datagram',
  ListenSequentialPacket: 'seqpacket',
  ListenFIFO: 'fifo',
  ListenSpecial: 'special',
  ListenNetlink: 'netlink',
  ListenMessageQueue: 'mqueue',
  ListenUSBFunction: 'usb',
}

/** config_parse_socket_listen(): empty clears every listener; one it cannot read is ignored. */
const listen: Setter = (t, a, ctx) => {
  if (a.value === '') return void (t.listeners = [])
  const kind = LISTEN_KINDS[a.key]!
  const socket = kind === 'stream' || kind === 'datagram' || kind === 'seqpacket'
  const value = expanded(a, ctx, socket || kind === 'netlink' ? 'full' : 'path')
  if (value === null) return undefined
  if (kind === 'netlink') {
    if (!/^[a-z_]+([ \t\n\r]+\d+)?[ \t\n\r]*$/.test(value.trim()))
      return void ctx.warn(a, `Failed to parse address value in '${value}', ignoring: Invalid argument`)
    t.listeners.push({ kind, node: null })
    return undefined
  }
  if (!socket) {
    const path = absolutePath(a, value, ctx)
    if (path !== null) t.listeners.push({ kind, node: kind === 'fifo' ? path : null })
    return undefined
  }
  const address = parseSocketAddress(value)
  if ('error' in address)
    return void ctx.warn(a, `Failed to parse address value in '${value}', ignoring: ${address.error}`)
  if (kind === 'seqpacket' && address.family !== 'unix')
    return void ctx.warn(a, `Address family not supported, ignoring: ${a.value}`)
  t.listeners.push({ kind, node: address.family === 'unix' ? address.path : null })
  return undefined
}

/** config_parse_unsigned(). */
const maxConnections: Setter = (t, a, ctx) => {
  const m = /^[ \t\n\r]*\+?(\d+)$/.exec(a.value)
  if (m && Number(m[1]) <= 0xffffffff) t.maxConnections = Number(m[1])
  else if (ctx.traits.namedParseWarnings)
    ctx.warn(
      a,
      `Failed to parse ${a.key}=${a.value}, ignoring: ${m ? 'Numerical result out of range' : 'Invalid argument'}`,
    )
  else ctx.warn(a, `Failed to parse unsigned value, ignoring: ${a.value}`)
  return undefined
}

/** config_parse_socket_service(): a service name (loaded, so a missing file is fine); anything else is ignored. */
const socketService: Setter = (t, a, ctx) => {
  const value = expanded(a, ctx, 'full', false)
  if (value === null) return undefined
  if (!value.endsWith('.service')) return void ctx.warn(a, `Unit must be of type service, ignoring: ${a.value}`)
  t.explicitService = true
  t.triggerName = value
  return undefined
}

/** A timer's or path unit's Unit=: only which unit it names matters here (systemd checks it when it starts the trigger). */
const triggerUnit: Setter = (t, a, ctx) => {
  const value = expanded(a, ctx, 'full', false)
  if (value !== null && value !== '') t.triggerName = value
  return undefined
}

/** config_parse_unit_path_strv_printf(): empty clears, each absolute path counts. */
const symlinks: Setter = (t, a, ctx) => {
  if (a.value === '') return void (t.symlinks = 0)
  for (const word of a.value.split(/[ \t\n\r]+/).filter((w) => w !== '')) {
    const r = expandSpecifiers(word, ctx.specifiers, 'path', (c) =>
      ctx.note(a, deprecatedSpecifierMessage(c, ctx.specifiers.unitName)),
    )
    if ('error' in r) ctx.warn(a, `Failed to resolve unit specifiers in '${word}', ignoring: ${r.error}`)
    else if (absolutePath(a, r.value, ctx) !== null) t.symlinks++
  }
  return undefined
}

/**
 * A slice's own Slice= (config_parse_unit_slice()): a slice's parent comes from its name, so
 * unit_set_slice() refuses any other, with a warning; the unit still loads.
 */
const sliceOfSlice: Setter = (_t, a, ctx) => {
  const value = expanded(a, ctx, 'full', false)
  if (value === null || value === '' || !value.endsWith('.slice') || unitNameKind(value) === null) return undefined
  ctx.warn(a, `Failed to assign slice ${value} to unit ${ctx.specifiers.unitName}, ignoring: Invalid argument`)
  return undefined
}

/** A setter's failure that systemd does not log: the load fails with EINVAL, nothing more said. */
export const SILENT_EINVAL = 'Invalid argument'

/** Setters keyed by `Section.Key`. */
export const UNIT_TYPE_SETTINGS: ReadonlyMap<string, Setter> = new Map<string, Setter>([
  ['Mount.Where', pathSetting((t, v) => (t.where = v))],
  ['Automount.Where', pathSetting((t, v) => (t.where = v))],
  ['Mount.What', mountWhat],
  ['Swap.What', swapWhat],
  ...['PathExists', 'PathExistsGlob', 'PathChanged', 'PathModified', 'DirectoryNotEmpty'].map((k): [string, Setter] => [
    `Path.${k}`,
    pathSpec,
  ]),
  ...['OnActiveSec', 'OnBootSec', 'OnStartupSec', 'OnUnitActiveSec', 'OnUnitInactiveSec', 'OnCalendar'].map(
    (k): [string, Setter] => [`Timer.${k}`, timerValue],
  ),
  ['Timer.OnClockChange', boolSetting((t, v) => (t.onClockChange = v))],
  ['Timer.OnTimezoneChange', boolSetting((t, v) => (t.onTimezoneChange = v))],
  ...Object.keys(LISTEN_KINDS).map((k): [string, Setter] => [`Socket.${k}`, listen]),
  ['Socket.Accept', boolSetting((t, v) => (t.accept = v))],
  ['Socket.MaxConnections', maxConnections],
  ['Socket.Service', socketService],
  ['Timer.Unit', triggerUnit],
  ['Slice.Slice', sliceOfSlice],
  ['Path.Unit', triggerUnit],
  ['Socket.Symlinks', symlinks],
])
