/** The file-system UnitSource (the only one that touches the disk). */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import type { UnitSource } from './source.js'

/** Unit files larger than this are refused before reading (systemd caps lines at 1 MiB too). */
export const MAX_UNIT_FILE_BYTES = 64 * 1024 * 1024

export function fileSystemSource(): UnitSource {
  const dirs = new Map<string, readonly string[] | null>()
  return {
    read(path) {
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
      let entries = dirs.get(dir)
      if (entries === undefined) {
        try {
          entries = readdirSync(dir)
        } catch {
          entries = null
        }
        dirs.set(dir, entries)
      }
      return entries
    },
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
