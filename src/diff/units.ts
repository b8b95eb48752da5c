/**
 * The units of one side of a diff in the directories a change touched: what is a unit, what is
 * only a name of one, and what is not a unit at all.
 *
 * - A unit file of a reviewed type (service, socket, mount, swap) is a unit; so is a build
 *   template of one (`foo.service.in`), read through the build view.
 * - An alias (a link to a unit file of the same directory) is a name of that unit; so is
 *   everything in an enablement directory (`multi-user.target.wants/`). Any other link systemd
 *   loads as a unit is the unit at its own path: a linked unit file (its target in another
 *   directory), a unit under a linked directory. An alias is loaded as the unit at its path when
 *   the other side has a unit there (affected.ts). A link to /dev/null, or an empty file, masks: no
 *   unit on that side. A link that leaves the repository, dangles or loops is a unit that cannot
 *   be read (it fails closed when loaded).
 * - A template `app@.service` is analysed as systemd-analyze's own instance, and every instance
 *   the repository names is a unit too: `app@main.service.d/` next to it, a link named
 *   `app@main.service` to it (in an enablement directory or as an alias), or the name in the
 *   content of the directory's units and drop-ins (`DefaultInstance=`, `Unit=`, `Wants=`, …).
 * - Files named like units that are something else are no units: D-Bus activation files
 *   (`[D-BUS Service]`) and XML files (Avahi service definitions). Only when nothing in them is a
 *   systemd section: a `[Service]` section makes the file a unit, whatever comes first.
 */
import { unitNameKind, unitType, templateOf, withInstance } from '../unit/names.js'
import { basename, dirname, joinPath, UnreadableFile, type UnitSource } from '../unit/source.js'
import { buildView, generatedName, type BuildSettings, type BuildView } from './build-view.js'
import type { RepoTree } from './repo-tree.js'
import { rootAliasTarget } from './rootfs.js'
import type { Snapshot } from './snapshot.js'
import {
  dropInDirectoryUnit,
  isDropInDirectory,
  isEnablementDirectory,
  isUnitDirectory,
  REVIEWED_TYPES,
} from './unit-paths.js'

export interface UnitRef {
  /**
   * The unit's identity on its side: its file's path, or `dir/app@main.service` for an instance
   * the repository names (it has no file of its own).
   */
  readonly id: string
  /** The repository file the unit comes from (a template's file for its instances). */
  readonly file: string
  /** The path the loader is given (the generated file of a build template). */
  readonly loadPath: string
  readonly view: BuildView
  /** Links and directories that name an instance into existence. */
  readonly namedBy: readonly string[]
}

export interface SideUnits {
  readonly units: ReadonlyMap<string, UnitRef>
  /** Alias links of the directories (names of another unit): loaded only when the other side has a unit there. */
  readonly aliases: ReadonlyMap<string, UnitRef>
  /** Files named like units that are none, with the reason. */
  readonly notUnits: Map<string, string>
}

/**
 * Extensions of source code: `user.service.ts` is an Angular service, `auth.service.go` a Go file —
 * never a unit with a suffix, and listing every one under "not reviewed" buries what is.
 */
const SOURCE_CODE =
  /^\.(ts|tsx|js|jsx|mjs|cjs|go|py|rb|rs|java|kt|cs|php|swift|scala|c|h|cc|cpp|hpp|m|dart|vue|svelte|spec|test|map|snap|md|html|css|scss|json|ya?ml)$/

/** Why a file named like a unit is not a systemd unit, or null when it may be one. */
export function foreignFormat(bytes: Uint8Array, type: string): string | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  const first = /\S/.exec(text)
  if (first === null) return null
  const systemdSections = new Set(['Unit', 'Install', type.charAt(0).toUpperCase() + type.slice(1)])
  // Nearly every unit opens with one of its own sections: then nothing more is read.
  const opening = /^[ \t]*\[([^\]\r\n]*)\]/m.exec(text)
  if (opening !== null && systemdSections.has(opening[1]!)) return null
  let firstSection: string | null = null
  for (const m of text.matchAll(/^[ \t]*\[([^\]\r\n]*)\]/gm)) {
    if (systemdSections.has(m[1]!)) return null
    firstSection ??= m[1]!
  }
  if (firstSection === 'D-BUS Service') return 'a D-Bus activation file ([D-BUS Service]), not a systemd unit'
  if (text[first.index] === '<') return 'an XML file (such as an Avahi service definition), not a systemd unit'
  return null
}

/** What a unit-named path of a unit directory is on this side. */
type Kind = 'unit' | 'name' | 'mask' | 'none'

/**
 * A unit-named path is a unit when systemd loads it as one from its directory: a file (also
 * under a linked directory), or a link that is no alias — a linked unit file, whose target lies
 * in another directory (`units/extra/app.service -> ../app.service`,
 * `deploy/acme.service -> ../vendor/acme/acme.service`), or a link to something not named like a
 * unit. An alias (a link to a unit file of the same directory) is a name of that unit.
 */
function kindOf(tree: RepoTree, path: string, suffixes: readonly string[]): Kind {
  const e = tree.entryAt(path)
  if (e === undefined) return 'none'
  // An empty unit file masks, as a link to /dev/null does (systemd's null_or_empty()).
  if (e.kind === 'file') return e.size === 0 ? 'mask' : 'unit'
  const r = tree.resolve(path)
  if (r.kind === 'mask') return 'mask'
  if (r.kind === 'dir') return 'none'
  if (r.kind === 'file') {
    if (isUnitFileName(basename(r.path), suffixes) && isAliasLink(tree, path, e.target)) return 'name'
    return (tree.entry(r.path) as { size: number }).size === 0 ? 'mask' : 'unit'
  }
  // An alias into a shipped root file system's search path, to a name none of its directories
  // ships (`sshd.service -> /lib/systemd/system/ssh.service`): a name of the distribution's unit.
  if (r.kind === 'missing' && e.target !== null && rootAliasTarget(path, e.target) !== null) return 'name'
  // Dangling, outside the repository, a loop: a unit whose content cannot be read.
  return 'unit'
}

/**
 * A link whose target (one hop, as systemd's unit_file_resolve_symlink() reads it) lies in the
 * link's own directory: an alias. An absolute target (a root file system's own unit directory)
 * is an alias too. Anything else links a unit file: the link's path is the unit.
 */
function isAliasLink(tree: RepoTree, path: string, target: string | null): boolean {
  if (target === null) return false
  if (target.startsWith('/')) return true
  const dir = dirname(path)
  const joined = normalizeRelative(joinPath(dir, target))
  if (joined === null) return false
  const targetDir = dirname(joined)
  if (targetDir === dir) return true
  const a = tree.resolve(targetDir)
  const b = tree.resolve(dir)
  return a.kind === 'dir' && b.kind === 'dir' && a.path === b.path
}

function normalizeRelative(p: string): string | null {
  const out: string[] = []
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (out.length === 0) return null
      out.pop()
    } else out.push(part)
  }
  return out.join('/') || '.'
}

function isUnitFileName(name: string, suffixes: readonly string[]): boolean {
  return unitNameKind(name) !== null || generatedName(name, false, suffixes) !== null
}

/**
 * Instances named by links anywhere in the tree (`x.target.wants/app@main.service ->
 * ../app@.service`): template file path → instance name → the links naming it.
 */
function instanceLinks(tree: RepoTree, suffixes: readonly string[]): Map<string, Map<string, string[]>> {
  const out = new Map<string, Map<string, string[]>>()
  const add = (template: string, instance: string, link: string): void => {
    let m = out.get(template)
    if (!m) out.set(template, (m = new Map<string, string[]>()))
    const links = m.get(instance)
    if (links) links.push(link)
    else m.set(instance, [link])
  }
  for (const link of tree.links()) {
    const name = basename(link)
    if (unitNameKind(name) !== 'instance') continue
    const wanted = templateOf(name)
    const isTemplate = (p: string): boolean =>
      basename(p) === wanted || suffixes.some((s) => basename(p) === wanted + s)
    // Where the link leads; whether a file is there is asked only where it matters.
    const routed = tree.route(link)
    const r =
      routed.kind === 'file' && (isTemplate(routed.path) || isEnablementDirectory(dirname(link)))
        ? tree.resolve(link)
        : routed
    if (r.kind === 'file' && isTemplate(r.path)) add(r.path, name, link)
    else if (r.kind !== 'file' && isEnablementDirectory(dirname(link))) {
      // A name whose target is not in the repository (`-> /usr/lib/systemd/system/app@.service`)
      // still names an instance of the template the repository ships beside the directory.
      const parent = dirname(dirname(link))
      for (const n of tree.listDir(parent) ?? []) if (isTemplate(n)) add(joinPath(parent, n), name, link)
    }
  }
  return out
}

export function unitsOf(snapshot: Snapshot, dirs: Iterable<string>, settings: BuildSettings): SideUnits {
  const { tree } = snapshot
  const source = snapshot.source
  const global = buildView(source, settings)
  const units = new Map<string, UnitRef>()
  const aliases = new Map<string, UnitRef>()
  const notUnits = new Map<string, string>()
  let linked: Map<string, Map<string, string[]>> | undefined

  for (const dir of [...dirs].sort()) {
    if (!isUnitDirectory(dir)) continue
    const names = tree.listing(dir) ?? []
    let named: Map<string, string[]> | undefined
    for (const name of names) {
      const path = joinPath(dir, name)
      const generated = generatedName(name, false, settings.suffixes)
      const unitName = generated ?? (unitNameKind(name) !== null ? name : null)
      if (unitName === null) {
        const dot = name.lastIndexOf('.')
        if (
          dot > 0 &&
          unitNameKind(name.slice(0, dot)) !== null &&
          !SOURCE_CODE.test(name.slice(dot)) &&
          tree.entryAt(path) !== undefined
        ) {
          notUnits.set(
            path,
            `named like the unit ${name.slice(0, dot)} with the suffix ${name.slice(dot)}, which is not a build-template suffix: not reviewed`,
          )
        }
        continue
      }
      const type = unitType(unitName)
      if (!REVIEWED_TYPES.includes(type)) {
        notUnits.set(path, `a .${type} unit starts no process of its own`)
        continue
      }
      const kind = kindOf(tree, path, settings.suffixes)
      const loadPath = generated !== null ? joinPath(dir, unitName) : path
      const view = generated !== null ? buildView(source, settings, { generated: loadPath, template: path }) : global
      if (kind === 'name') {
        // An alias: a name of the unit it leads to — unless the other side has a unit at this
        // path (a file turned into an alias): then what runs under this name changed.
        aliases.set(path, { id: path, file: path, loadPath, view, namedBy: [] })
        continue
      }
      if (kind !== 'unit') continue
      units.set(path, { id: path, file: path, loadPath, view, namedBy: [] })
      if (unitNameKind(unitName) !== 'template') continue

      // The instances the repository names.
      const instances = new Map<string, string[]>()
      const add = (instance: string, by: readonly string[]): void => {
        instances.set(instance, [...new Set([...(instances.get(instance) ?? []), ...by])])
      }
      for (const n of names) {
        const stem = dropInDirectoryUnit(joinPath(dir, n))
        if (stem !== null && unitNameKind(stem) === 'instance' && templateOf(stem) === unitName)
          add(stem, [joinPath(dir, n)])
      }
      linked ??= instanceLinks(tree, settings.suffixes)
      const resolved = tree.resolve(path)
      for (const [instance, links] of linked.get(resolved.kind === 'file' ? resolved.path : path) ?? [])
        add(instance, links)
      named ??= instancesNamedIn(source, dir, names, settings.suffixes)
      for (const [instance, files] of named) if (templateOf(instance) === unitName) add(instance, files)
      for (const [instance, namedBy] of instances) {
        const id = joinPath(dir, instance)
        // An instance with a file of its own is a unit already (and shadows the template).
        if (units.has(id) || kindOf(tree, id, settings.suffixes) === 'unit') continue
        units.set(id, { id, file: path, loadPath: id, view, namedBy })
      }
    }
  }
  return { units, aliases, notUnits }
}

/** Keys whose values name units that are started (or enabled) with the unit that names them. */
const NAMING_KEYS = new Set([
  'Wants',
  'Requires',
  'Requisite',
  'BindsTo',
  'PartOf',
  'Upholds',
  'OnFailure',
  'OnSuccess',
  'Also',
  'Unit',
  'Service',
  'Sockets',
  'PropagatesReloadTo',
  'ReloadPropagatedFrom',
  'PropagatesStopTo',
  'StopPropagatedFrom',
])

/**
 * Instances named by the content of a directory's units and drop-ins: `[Install]
 * DefaultInstance=` of a template, `Unit=` of timers and paths, `Service=` of sockets and every
 * dependency key (`Wants=backup@etc.service`). Instance name → the files naming it.
 */
function instancesNamedIn(
  source: UnitSource,
  dir: string,
  names: readonly string[],
  suffixes: readonly string[],
): Map<string, string[]> {
  const out = new Map<string, string[]>()
  const add = (instance: string, file: string): void => {
    if (instance.includes('%') || unitNameKind(instance) !== 'instance') return
    const files = out.get(instance)
    if (files === undefined) out.set(instance, [file])
    else if (!files.includes(file)) files.push(file)
  }
  const scan = (file: string, unitName: string | null): void => {
    let bytes: Uint8Array | null
    try {
      bytes = source.read(file)
    } catch (e) {
      if (e instanceof UnreadableFile) return
      throw e
    }
    if (bytes === null || bytes.length > 1 << 20) return
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
    for (const m of text.matchAll(/^[ \t]*([A-Za-z]+)[ \t]*=(.*)$/gm)) {
      const key = m[1]!
      const value = m[2]!.trim()
      if (key === 'DefaultInstance') {
        if (unitName !== null && unitNameKind(unitName) === 'template' && value !== '')
          add(withInstance(unitName, value), file)
      } else if (NAMING_KEYS.has(key)) {
        for (const w of value.split(/\s+/)) if (w !== '') add(w, file)
      }
    }
  }
  for (const name of names) {
    const path = joinPath(dir, name)
    const unitName = generatedName(name, false, suffixes) ?? (unitNameKind(name) !== null ? name : null)
    if (unitName !== null) {
      scan(path, unitName)
      continue
    }
    if (!isDropInDirectory(path)) continue
    let entries: readonly string[] | null
    try {
      entries = source.list(path)
    } catch {
      continue
    }
    for (const e of entries ?? []) if (e.endsWith('.conf')) scan(joinPath(path, e), null)
  }
  return out
}

/**
 * Why a unit's file is in a foreign format, or null (an unreadable one is left to the loader).
 * Asked only of units a change reaches: it reads the file.
 */
export function foreignIn(source: UnitSource, path: string, type: string): string | null {
  try {
    const bytes = source.read(path)
    return bytes === null ? null : foreignFormat(bytes, type)
  } catch {
    return null
  }
}
