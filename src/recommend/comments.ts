/**
 * The comments of a unit's own files, which the parsed unit does not keep: upstream units explain
 * there what a setting is for ("Delegate=yes is required for plugins", "jobs run as root"). Read
 * for the evidence they give, never for settings. Pure apart from the UnitSource reads.
 */
import type { LoadedService } from '../service/load.js'
import { UnreadableFile, type UnitSource } from '../unit/source.js'

/** At most this many comment lines per file, each cut at 300 characters: a unit is not a novel. */
const MAX_LINES = 200
const MAX_LENGTH = 300

/** Comment lines (`#` or `;` first) of the fragment and its drop-ins, without the marker. */
export function unitComments(source: UnitSource, service: LoadedService): string[] {
  const out: string[] = []
  for (const f of service.files) {
    let bytes: Uint8Array | null
    try {
      bytes = source.read(f.file)
    } catch (e) {
      // A file the loader read and the source now refuses is no evidence; anything else is a bug.
      if (e instanceof UnreadableFile) continue
      throw e
    }
    if (bytes === null) continue
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 1 << 20))
    let n = 0
    for (const line of text.split('\n')) {
      const t = line.trimStart()
      if (!t.startsWith('#') && !t.startsWith(';')) continue
      out.push(t.slice(1).trim().slice(0, MAX_LENGTH))
      if (++n >= MAX_LINES) break
    }
  }
  return out
}
