/**
 * Paths are bytes on Linux and in git; everywhere else in the tool they are strings. A path that
 * is valid UTF-8 becomes that text; each byte of one that is not becomes the lone surrogate
 * U+DC80–U+DCFF (Python's "surrogateescape"), which no valid UTF-8 decodes to. So the mapping is
 * one-to-one: `encodePath(decodePath(b))` gives back exactly `b`, a path read from git names the
 * same file on disk, and the rest of the tool can compare, sort and join paths as strings.
 * Reports show such characters escaped (src/report/escape.ts).
 */
import { isUtf8 } from 'node:buffer'

const LOW = 0xdc00

/** Bytes of a path (git output, readlink) → its string form. */
export function decodePath(bytes: Uint8Array): string {
  if (isUtf8(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
  let out = ''
  for (let i = 0; i < bytes.length;) {
    const n = validSequenceLength(bytes, i)
    if (n === 0) {
      out += String.fromCharCode(LOW + bytes[i]!)
      i++
    } else {
      out += Buffer.from(bytes.buffer, bytes.byteOffset + i, n).toString('utf8')
      i += n
    }
  }
  return out
}

/** The string form of a path → the bytes it stands for (for the file system and git). */
export function encodePath(path: string): Buffer {
  if (!/[\udc80-\udcff]/.test(path)) return Buffer.from(path, 'utf8')
  const parts: Buffer[] = []
  let run = ''
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i)
    const prev = i > 0 ? path.charCodeAt(i - 1) : 0
    // A low surrogate that ends a valid pair is text; a lone one in the escape range is a byte.
    if (c >= 0xdc80 && c <= 0xdcff && !(prev >= 0xd800 && prev <= 0xdbff)) {
      if (run !== '') parts.push(Buffer.from(run, 'utf8'))
      run = ''
      parts.push(Buffer.of(c - LOW))
    } else run += path[i]
  }
  if (run !== '') parts.push(Buffer.from(run, 'utf8'))
  return Buffer.concat(parts)
}

/** NUL-separated records (git's -z output) as path strings; empty records dropped. */
export function splitNulPaths(out: Uint8Array): string[] {
  // Nearly always all UTF-8: then one decode and one split.
  if (isUtf8(out))
    return Buffer.from(out.buffer, out.byteOffset, out.byteLength)
      .toString('utf8')
      .split('\0')
      .filter((p) => p !== '')
  const paths: string[] = []
  let start = 0
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== 0) continue
    if (i > start) paths.push(decodePath(out.subarray(start, i)))
    start = i + 1
  }
  if (start < out.length) paths.push(decodePath(out.subarray(start)))
  return paths
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
function validSequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!
  if (c < 0x80) return 1
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0 // no surrogates
  if (c >= 0xe1 && c <= 0xef) return cont(1) && cont(2) ? 3 : 0
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0
  return 0
}
