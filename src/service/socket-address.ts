/**
 * socket_address_parse() as config_parse_socket_listen() uses it for ListenStream=,
 * ListenDatagram= and ListenSequentialPacket=: only whether an address is accepted, and whether it
 * names a file system socket, matter (a socket unit without listeners is refused; Symlinks= needs
 * exactly one file system node).
 */
import { isIPv4, isIPv6 } from 'node:net'

export type SocketAddress =
  { readonly family: 'unix'; readonly path: string | null } | { readonly family: 'inet' | 'vsock' }

/** The address, or the strerror() text systemd logs when it refuses it. */
export function parseSocketAddress(text: string): SocketAddress | { readonly error: string } {
  const invalid = { error: 'Invalid argument' }
  // sizeof(sockaddr_un.sun_path): the path and its NUL must fit.
  if (text.startsWith('/')) return utf8Bytes(text) < 108 ? { family: 'unix', path: text } : invalid
  if (text.startsWith('@'))
    return utf8Bytes(text) - 1 < 108 && text.length > 1 ? { family: 'unix', path: null } : invalid
  if (text.startsWith('vsock:')) return /^vsock:(\d+)?:\d+$/.test(text) ? { family: 'vsock' } : invalid
  if (text.startsWith('[')) {
    const m = /^\[([^\]]*)\]:(.*)$/.exec(text)
    // A scope (`%lo`) is not accepted here.
    if (!m || m[1]!.includes('%') || !isIPv6(m[1]!)) return invalid
    const port = parseIpPort(m[2]!)
    return typeof port === 'string' ? { error: port } : { family: 'inet' }
  }
  const colon = text.lastIndexOf(':')
  if (colon >= 0) {
    if (!isIPv4(text.slice(0, colon))) return invalid
    const port = parseIpPort(text.slice(colon + 1))
    return typeof port === 'string' ? { error: port } : { family: 'inet' }
  }
  const port = parseIpPort(text)
  return typeof port === 'string' ? { error: port } : { family: 'inet' }
}

/** parse_ip_port(): 1–65535 (safe_atou16(): leading blanks, no sign); the strerror() text otherwise. */
function parseIpPort(text: string): number | string {
  const m = /^[ \t\n\r]*(\d+)$/.exec(text)
  if (!m) return 'Invalid argument'
  const n = Number(m[1])
  if (n > 65535) return 'Numerical result out of range'
  return n === 0 ? 'Invalid argument' : n
}

function utf8Bytes(s: string): number {
  return new TextEncoder().encode(s).length
}
