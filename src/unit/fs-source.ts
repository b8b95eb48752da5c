/** The file-system UnitSource (the only one that touches the disk). */
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs'
import { basename, dirname, type UnitSource } from './source.js'

/** Unit files larger than this are refused before reading (systemd caps lines at 1 MiB too). */
export const MAX_UNIT_FILE_BYTES = 64 * 1024 * 1024

/** What a directory listing says an entry is: enough to skip pointless system calls. */
const enum EntryKind {
  File,
  Directory,
  /** A symlink, or a type the file system does not report: only stat() can tell. */
  Unknown,
  Other,
}

interface Listing {
  readonly names: readonly string[]
  readonly kinds: ReadonlyMap<string, EntryKind>
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

  const listing = (dir: string): Listing | null => {
    let l = listings.get(dir)
    if (l === undefined) {
      l = readListing(dir, listings)
      listings.set(dir, l)
    }
    return l
  }

  return {
    read(path) {
      // A regular file named in its directory's listing: open it straight away (fstat() below
      // still checks it). Anything else (a symlink, perhaps to /dev/null; a path whose
      // directory cannot be listed) takes the careful route that stats before opening.
      if (listing(dirname(path))?.kinds.get(basename(path)) === EntryKind.File) {
        const bytes = readRegularFile(path)
        if (bytes !== undefined) return bytes
      }
      try {
        const st = statSync(path)
        if (!st.isFile() && !st.isCharacterDevice()) return null
        if (st.isCharacterDevice()) return new Uint8Array(0) // a link to /dev/null masks the unit
        if (st.size > MAX_UNIT_FILE_BYTES) throw new UnitFileTooLarge(path, st.size)
        return readFileSync(path)
      } catch (e) {
        if (e instanceof UnitFileTooLarge) throw e
        return null
      }
    },
    list(dir) {
      return listing(dir)?.names ?? null
    },
  }
}

function readListing(dir: string, known: ReadonlyMap<string, Listing | null>): Listing | null {
  // When the parent has been listed and has no directory (or link) of that name, readdir()
  // would fail: skip it. Names compare exactly, as systemd's own lookups do.
  const name = basename(dir)
  const parent = name === '' || name === '.' || name === '..' ? undefined : known.get(dirname(dir))
  // (An unlistable parent proves nothing: a directory may be searchable but not readable.)
  if (parent !== undefined && parent !== null) {
    const kind = parent.kinds.get(name)
    if (kind === undefined || kind === EntryKind.File || kind === EntryKind.Other) return null
  }
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return null
  }
  const names: string[] = []
  const kinds = new Map<string, EntryKind>()
  for (const e of entries) {
    names.push(e.name)
    kinds.set(
      e.name,
      e.isFile()
        ? EntryKind.File
        : e.isDirectory()
          ? EntryKind.Directory
          : e.isSymbolicLink() || !(e.isFIFO() || e.isSocket() || e.isBlockDevice() || e.isCharacterDevice())
            ? EntryKind.Unknown
            : EntryKind.Other,
    )
  }
  return { names, kinds }
}

/**
 * open + fstat + read + close of a file the listing says is regular; undefined when that turns
 * out wrong (it was replaced meanwhile), so the caller takes the careful route.
 */
function readRegularFile(path: string): Uint8Array | undefined {
  let fd: number
  try {
    // O_NONBLOCK: should the entry have become a FIFO since the listing, open() must not hang.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch {
    return undefined
  }
  try {
    const st = fstatSync(fd)
    if (!st.isFile()) return undefined
    if (st.size > MAX_UNIT_FILE_BYTES) throw new UnitFileTooLarge(path, st.size)
    // A size of 0 may be a lie (procfs and the like): read to the end, as readFileSync does.
    if (st.size === 0) return readFileSync(fd)
    const buf = Buffer.allocUnsafe(st.size)
    let n = 0
    while (n < buf.length) {
      const got = readSync(fd, buf, n, buf.length - n, null)
      if (got === 0) break
      n += got
    }
    return n === buf.length ? buf : buf.subarray(0, n)
  } catch (e) {
    if (e instanceof UnitFileTooLarge) throw e
    return undefined
  } finally {
    closeSync(fd)
  }
}

export class UnitFileTooLarge extends Error {
  constructor(
    readonly path: string,
    readonly size: number,
  ) {
    super(`${path}: file is ${size} bytes, larger than the ${MAX_UNIT_FILE_BYTES}-byte limit for unit files`)
  }
}
