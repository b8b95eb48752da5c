/**
 * What a repository path is to systemd, by its name alone: a unit file, a drop-in directory, an
 * enablement directory. Content and links decide the rest (units.ts).
 */
import { UNIT_TYPES, unitNameKind } from '../unit/names.js'
import { basename, dirname } from '../unit/source.js'

/** Unit types whose units start processes of their own: the diff reviews these. */
export const REVIEWED_TYPES: readonly string[] = ['service', 'socket', 'mount', 'swap']

/** Directories whose entries are names of units (dependencies made by `systemctl enable`). */
const ENABLEMENT_SUFFIXES = ['.wants', '.requires', '.upholds']

/**
 * A directory systemd reads drop-ins from: `<unit name>.d` (templates and dash prefixes such as
 * `foo-.service` are unit names too) or `<type>.d`. Any other `*.d` directory (`units.d/`,
 * `conf.d/`) is an ordinary directory, and the unit files in it are units.
 */
export function isDropInDirectory(dir: string): boolean {
  const name = basename(dir)
  if (!name.endsWith('.d')) return false
  const stem = name.slice(0, -2)
  return unitNameKind(stem) !== null || (UNIT_TYPES as readonly string[]).includes(stem)
}

/** `multi-user.target.wants/`, `foo.service.requires/`, `bar.target.upholds/`. */
export function isEnablementDirectory(dir: string): boolean {
  const name = basename(dir)
  const suffix = ENABLEMENT_SUFFIXES.find((s) => name.endsWith(s))
  return suffix !== undefined && unitNameKind(name.slice(0, -suffix.length)) !== null
}

/** A directory where unit files are units (not a drop-in or enablement directory). */
export function isUnitDirectory(dir: string): boolean {
  return !isDropInDirectory(dir) && !isEnablementDirectory(dir)
}

/**
 * Named like a unit file, or like one with one or two more extensions (`foo.service.in`,
 * `mosquitto.service.notify`, `pdns.service.meson.in`): what a change can make a unit of. Used
 * to choose what to look at; which suffixes are build templates is a setting, decided later.
 */
export function isUnitLikeName(name: string): boolean {
  if (unitNameKind(name) !== null) return true
  const dot = name.lastIndexOf('.')
  if (dot <= 0) return false
  if (unitNameKind(name.slice(0, dot)) !== null) return true
  const second = name.lastIndexOf('.', dot - 1)
  return second > 0 && unitNameKind(name.slice(0, second)) !== null
}

/**
 * A path whose content or target can change a unit: a unit-like file, anything in a drop-in or
 * enablement directory, or a drop-in directory itself (it can be a link).
 */
export function isUnitRelevantPath(path: string): boolean {
  const dir = dirname(path)
  return (
    isUnitLikeName(basename(path)) || isDropInDirectory(path) || isDropInDirectory(dir) || isEnablementDirectory(dir)
  )
}

/** The unit name a drop-in directory is for (`foo.service.d` → `foo.service`), or null. */
export function dropInDirectoryUnit(dir: string): string | null {
  return isDropInDirectory(dir) ? basename(dir).slice(0, -2) : null
}
