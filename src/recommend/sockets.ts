/**
 * The socket units that activate a service, read next to it: the ones its `Sockets=` names, else
 * `<name>.socket` in the same directory. systemd binds what they listen on and passes the file
 * descriptors, so the service needs no CAP_NET_BIND_SERVICE for those ports, and
 * RestrictAddressFamilies= does not apply to the passed sockets (systemd.exec(5)).
 */
import type { LoadedService } from '../service/load.js'
import { unitPrefix } from '../unit/names.js'
import { basename, dirname, joinPath, UnreadableFile, type UnitSource } from '../unit/source.js'
import { parseUnitFile } from '../unit/syntax.js'
import { listValue } from './unit-text.js'

export interface Listen {
  readonly directive: string
  readonly value: string
  readonly family: 'inet' | 'unix' | 'netlink' | 'other'
  readonly port: number | null
}

export interface SocketUnit {
  readonly unit: string
  readonly listens: readonly Listen[]
}

const LISTEN = [
  'ListenStream',
  'ListenDatagram',
  'ListenSequentialPacket',
  'ListenNetlink',
  'ListenFIFO',
  'ListenSpecial',
  'ListenMessageQueue',
  'ListenUSBFunction',
]
const SECTIONS: ReadonlySet<string> = new Set(['Unit', 'Socket', 'Install'])

/** The socket units next to the service file; unreadable or unparsable ones are left out. */
export function socketUnitsOf(source: UnitSource, path: string, service: LoadedService): SocketUnit[] {
  const named = listValue(service, 'Service', 'Sockets').filter((n) => /^[^/]+\.socket$/.test(n))
  const names = named.length > 0 ? named : [`${unitPrefix(basename(path))}.socket`]
  const out: SocketUnit[] = []
  for (const name of names.slice(0, 8)) {
    let bytes: Uint8Array | null
    try {
      bytes = source.read(joinPath(dirname(path), name))
    } catch (e) {
      // A socket file the source cannot give (too large, a link out of the repository) is no evidence.
      if (e instanceof UnreadableFile) continue
      throw e
    }
    if (bytes === null) continue
    const syntax = parseUnitFile(bytes, name, SECTIONS)
    if (syntax.aborted) continue
    const listens = syntax.assignments
      .filter((a) => a.section === 'Socket' && LISTEN.includes(a.key) && a.value !== '')
      .map((a) => listenOf(a.key, a.value))
    out.push({ unit: name, listens })
  }
  return out
}

function listenOf(directive: string, value: string): Listen {
  if (directive === 'ListenNetlink') return { directive, value, family: 'netlink', port: null }
  if (!['ListenStream', 'ListenDatagram', 'ListenSequentialPacket'].includes(directive))
    return { directive, value, family: 'other', port: null }
  if (value.startsWith('/') || value.startsWith('@')) return { directive, value, family: 'unix', port: null }
  if (/^vsock:/i.test(value)) return { directive, value, family: 'other', port: null }
  const m = /(?:^|:)(\d{1,5})$/.exec(value)
  return { directive, value, family: 'inet', port: m ? Number(m[1]) : null }
}
