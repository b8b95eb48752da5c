/** IPAddressAllow=/IPAddressDeny= words: keywords and ADDR[/LEN] prefixes (in-addr-prefix-util.c). */
import type { IpPrefix } from './state.js'

function parseIPv4(s: string): Uint8Array | null {
  const parts = s.split('.')
  if (parts.length !== 4) return null
  const out = new Uint8Array(4)
  for (let i = 0; i < 4; i++) {
    const p = parts[i]!
    // inet_pton(): 1–3 decimal digits, no leading zero, at most 255.
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p)) return null
    const v = Number(p)
    if (v > 255) return null
    out[i] = v
  }
  return out
}

function parseIPv6(s: string): Uint8Array | null {
  let text = s
  let tail: Uint8Array | null = null
  const lastColon = text.lastIndexOf(':')
  if (text.includes('.')) {
    tail = parseIPv4(text.slice(lastColon + 1))
    if (!tail) return null
    text = text.slice(0, lastColon + 1) + '0:0'
  }
  const halves = text.split('::')
  if (halves.length > 2) return null
  const groups = (h: string): number[] | null => {
    if (h === '') return []
    const out: number[] = []
    for (const g of h.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null
      out.push(parseInt(g, 16))
    }
    return out
  }
  const head = groups(halves[0]!)
  const rest = halves.length === 2 ? groups(halves[1]!) : []
  if (!head || !rest) return null
  let all: number[]
  if (halves.length === 2) {
    const missing = 8 - head.length - rest.length
    if (missing < 1) return null
    all = [...head, ...new Array<number>(missing).fill(0), ...rest]
  } else {
    if (head.length !== 8) return null
    all = head
  }
  const out = new Uint8Array(16)
  all.forEach((g, i) => {
    out[2 * i] = g >> 8
    out[2 * i + 1] = g & 0xff
  })
  if (tail) out.set(tail, 12)
  return out
}

function masked(address: Uint8Array, prefixLength: number): Uint8Array {
  const out = new Uint8Array(address)
  for (let bit = prefixLength; bit < out.length * 8; bit++) out[bit >> 3]! &= ~(0x80 >> (bit & 7))
  return out
}

function prefix(family: 4 | 6, address: Uint8Array, prefixLength: number): IpPrefix {
  return { family, address: masked(address, prefixLength), prefixLength }
}

const v4 = (a: number, b: number, c: number, d: number): Uint8Array => Uint8Array.of(a, b, c, d)
const v6 = (...bytes: number[]): Uint8Array => {
  const out = new Uint8Array(16)
  out.set(bytes)
  return out
}

export function isLocalhostName(word: string): boolean {
  const w = word.toLowerCase()
  return (
    ['localhost', 'localhost.', 'localhost.localdomain', 'localhost.localdomain.'].includes(w) ||
    ['.localhost', '.localhost.', '.localhost.localdomain', '.localhost.localdomain.'].some((s) => w.endsWith(s))
  )
}

/** The prefixes one word stands for; null for an invalid word (systemd skips it with a warning). */
export function parseAddressWord(word: string): IpPrefix[] | null {
  if (word === 'any') return [prefix(4, v4(0, 0, 0, 0), 0), prefix(6, v6(), 0)]
  if (isLocalhostName(word))
    return [prefix(4, v4(127, 0, 0, 0), 8), prefix(6, v6(...new Array<number>(15).fill(0), 1), 128)]
  if (word === 'link-local') return [prefix(4, v4(169, 254, 0, 0), 16), prefix(6, v6(0xfe, 0x80), 64)]
  if (word === 'multicast') return [prefix(4, v4(224, 0, 0, 0), 4), prefix(6, v6(0xff), 8)]
  const slash = word.indexOf('/')
  const addrText = slash >= 0 ? word.slice(0, slash) : word
  const a4 = parseIPv4(addrText)
  const a6 = a4 ? null : parseIPv6(addrText)
  const address = a4 ?? a6
  if (!address) return null
  const family: 4 | 6 = a4 ? 4 : 6
  const bits = family === 4 ? 32 : 128
  let length = bits
  if (slash >= 0) {
    const lenText = word.slice(slash + 1)
    if (!/^[0-9]{1,3}$/.test(lenText)) return null
    length = Number(lenText)
    if (length > bits) return null
  }
  return [prefix(family, address, length)]
}

export function isLocalhostPrefix(p: IpPrefix): boolean {
  if (p.family === 4) return p.address[0] === 127
  return p.address.every((b, i) => (i === 15 ? b === 1 : b === 0))
}
