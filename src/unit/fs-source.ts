/** The file-system UnitSource (the only one that touches the disk). */
import { closeSync, constants, fstatSync, openSync, readdirSync, readlinkSync, readSync, statSync } from 'node:fs'
import { basename, dirname, UnreadableFile, type UnitSource } from './source.js'

/** Unit files larger than this are refused before reading (systemd caps lines at 1 MiB too). */
export const MAX_UNIT_FILE_BYTES = 64 * 1024 * 1024

/** A directory's entries, and which of them the directory says are regular files. */
interface Listing {
  readonly names: readonly string[]
  readonly regularFiles: ReadonlySet<string>
  readonly links: ReadonlySet<string>
}

/**
 * Directory listings are read once per directory and cached for the life of the source (one
 * CLI run): units sharing a directory cost no extra readdir(). The loader lists a unit's own
 * directory first and looks into the drop-in directories that listing shows (findDropIns), so
 * no readdir() is made of a directory that does not exist.
 */
export function fileSystemSource(): UnitSource {
  const listings = new Map<string, Listing | null>()

  const listing = (dir: string): Listing | null => {
    let l = listings.get(dir)
    if (l === undefined) listings.set(dir, (l = readListing(dir)))
    return l
  }

  return {
    // Only what its directory lists as a regular file is opened straight away: anything else
    // (a link, perhaps to /dev/null or to a device; a directory that cannot be listed) is
    // stat()ed first, so no device is ever opened (opening some has effects: a watchdog).
    read: (path) =>
      listing(dirname(path))?.regularFiles.has(basename(path)) ? readRegularFile(path) : readCarefully(path),
    list: (dir) => listing(dir)?.names ?? null,
    // Only a name its directory lists as a link is read as one (no readlink() of every file).
    link: (path) => (listing(dirname(path))?.links.has(basename(path)) ? readLink(path) : null),
  }
}

function readLink(path: string): string | null {
  try {
    return readlinkSync(path)
  } catch {
    return null
  }
}

function readListing(dir: string): Listing | null {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return null
  }
  const names: string[] = []
  const regularFiles = new Set<string>()
  const links = new Set<string>()
  for (const e of entries) {
    names.push(e.name)
    if (e.isFile()) regularFiles.add(e.name)
    else if (e.isSymbolicLink()) links.add(e.name)
  }
  return { names, regularFiles, links }
}

/** What a path that is not a listed regular file holds: stat() decides before anything is opened. */
function readCarefully(path: string): Uint8Array | null {
  const st = statSync(path, { throwIfNoEntry: false })
  if (st === undefined) return null
  // A link to /dev/null masks the unit, as any character device does for systemd (null_or_empty()).
  if (st.isCharacterDevice()) return new Uint8Array(0)
  return st.isFile() ? readRegularFile(path) : null
}

/** Reused for every read: unit files nearly always fit, and are then copied out at their size. */
const scratch = Buffer.allocUnsafe(64 * 1024)

/**
 * The bytes of a file known to be regular, or null when it no longer is (replaced meanwhile)
 * or cannot be read. open + read + close: system calls are dear on small virtual machines, so
 * the fstat() that readFileSync() makes comes only when the first read leaves a doubt — nothing
 * read (an empty file masks the unit) or the scratch buffer filled (a large file).
 */
function readRegularFile(path: string): Uint8Array | null {
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

export class UnitFileTooLarge extends UnreadableFile {
  constructor(
    path: string,
    readonly size: number,
  ) {
    super(path, `file is ${size} bytes, larger than the ${MAX_UNIT_FILE_BYTES}-byte limit for unit files`)
  }
}
