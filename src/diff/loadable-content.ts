/**
 * Whether a file's content can change a unit when systemd loads it — as a unit file or drop-in,
 * reached through a symbolic link from a unit directory — whatever the file is called. A setting
 * takes effect only under a section systemd knows (an assignment before any section, or in an
 * unknown one, is ignored), so content that systemd's parser finds no setting in changes no unit. Pure.
 */
import { parseUnitFile } from '../unit/syntax.js'

/** Every section a unit file or drop-in of any type has (systemd.unit(5) and each type's page). */
const UNIT_SECTIONS = new Set([
  'Unit',
  'Install',
  'Service',
  'Socket',
  'Mount',
  'Automount',
  'Swap',
  'Timer',
  'Path',
  'Slice',
  'Scope',
])

/** Whether systemd, loading the content as any unit's file or drop-in, would apply a setting of it. */
export function hasUnitSettings(bytes: Uint8Array, path: string): boolean {
  return parseUnitFile(bytes, path, UNIT_SECTIONS).assignments.length > 0
}
