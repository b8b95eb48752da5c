/** The file-system UnitSource (the only one that touches the disk). */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync } from 'node:fs'
import { basename, dirname, type UnitSource } from './source.js'

/** Unit files larger than this are refused before reading (systemd caps lines at 1 MiB too). */
export const MAX_UNIT_FILE_BYTES = 64 * 1024 * 1024

interface Listing {
  readonly names: readonly string[]
  /** The names as a set, made on the first lookup in a large directory. */
  set?: ReadonlySet<string>
}

/**
 * Directory listings are read once per directory and cached for the life of the source (one
 * CLI run). Units sharing a directory then cost no extra readdir(), and the many drop-in
 * directories that do not exist (`foo.service.d`, `foo-.service.d`, `service.d`, …) are ruled
 * out from their parent's listing instead of by a failing readdir() — failing system calls
 * are expensive in Node, each one builds an Error with a stack trace.
 */
export function fileSystemSource(): UnitSource {
  const listings = new Map<string, Listing | null>()

  const listing = (dir: string, consultParent: boolean): Listing | null => {
    let l = listings.get(dir)
    if (l === undefined) {
      l = consultParent && !parentMayHold(dir) ? null : readListing(dir)
      listings.set(dir, l)
    }
    return l
  }

  /** False when the parent's listing shows there is no entry of that name. */
  const parentMayHold = (dir: string): boolean => {
    const name = basename(dir)
    if (name === '' || name === '.' || name === '..') return true
    // Only one level up: the grandparent is not listed to decide about the parent.
    const parent = listing(dirname(dir), false)
    // (An unlistable parent proves nothing: a directory may be searchable but not readable.)
    if (parent === null) return true
    // A few entries are searched as they are; many get a set.
    if (parent.names.length <= 16) return parent.names.includes(name)
    parent.set ??= new Set(parent.names)
    return parent.set.has(name)
  }

  return {
    read: readUnitFile,
    list: (dir) => listing(dir, true)?.names ?? null,
  }
}

function readListing(dir: string): Listing | null {
  try {
    // Names only: an entry's type would cost an object per entry, and a file where a
    // directory was expected merely fails this same call (rare: it is named `*.d`).
    return { names: readdirSync(dir) }
  } catch {
    return null
  }
}

/** Reused for every read: unit files nearly always fit, and are then copied out at their size. */
const scratch = Buffer.allocUnsafe(64 * 1024)

/**
 * A file's bytes, or null when it is not a regular file (nor a link to /dev/null, which masks).
 * open + read + close: system calls are dear on small virtual machines, so the fstat() that
 * readFileSync() makes comes only when the first read leaves a doubt — nothing read (an empty
 * file masks the unit, a FIFO is no unit) or the scratch buffer filled (a large file).
 */
function readUnitFile(path: string): Uint8Array | null {
  let fd: number
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch {
    return null
  }
  try {
    const got = readSync(fd, scratch, 0, scratch.length, null)
    if (got > 0 && got < scratch.length) return Uint8Array.prototype.slice.call(scratch, 0, got)
    const st = fstatSync(fd)
    if (st.isCharacterDevice()) return new Uint8Array(0) // a link to /dev/null masks the unit
    if (!st.isFile()) return null
    if (got === 0) return new Uint8Array(0)
    if (st.size > MAX_UNIT_FILE_BYTES) throw new UnitFileTooLarge(path, st.size)
    return readRest(fd, path, scratch.subarray(0, got))
  } catch (e) {
    if (e instanceof UnitFileTooLarge) throw e
    return null // a directory (EISDIR) or an unreadable file
  } finally {
    closeSync(fd)
  }
}

/** The rest of a file larger than the scratch buffer, after its first bytes `head`. */
function readRest(fd: number, path: string, head: Uint8Array): Uint8Array {
  const chunks = [Buffer.from(head)]
  let total = head.length
  const chunk = Buffer.allocUnsafe(1024 * 1024)
  for (;;) {
    const got = readSync(fd, chunk, 0, chunk.length, null)
    if (got === 0) break
    total += got
    // The size can grow while we read (or fstat() may lie, as procfs does): the limit holds.
    if (total > MAX_UNIT_FILE_BYTES) throw new UnitFileTooLarge(path, total)
    chunks.push(Buffer.from(chunk.subarray(0, got)))
  }
  return Buffer.concat(chunks, total)
}

export class UnitFileTooLarge extends Error {
  constructor(
    readonly path: string,
    readonly size: number,
  ) {
    super(`${path}: file is ${size} bytes, larger than the ${MAX_UNIT_FILE_BYTES}-byte limit for unit files`)
  }
}
