/**
 * Which files make a unit, as offline `systemd-analyze security` finds them from the unit file
 * it is given: the name it is loaded under, the fragment, every alias name, and the drop-ins.
 *
 * The given file's directory is the first directory of the search path (verify_set_unit_path():
 * only when the file — or, for an instance, its template — exists there); the system unit
 * directories after it are empty (source-view.ts). In that directory, as systemd does:
 *
 * - unit_file_build_name_map(): a regular file is a unit; a symbolic link with a unit name is an
 *   alias when its target (resolved from the link's directory, `..` after the links on the way)
 *   lies in the search path — the unit is then found by the target's *name* in the search path —
 *   and otherwise links a unit file: the link's own name is the unit, the target its content. A
 *   link to /dev/null links nothing and masks. Alias links are checked
 *   (unit_validate_alias_symlink_or_warn()): same type, a template only to a template, an
 *   instance to the same instance or to a template.
 * - unit_file_find_fragment(): the fragment of the name asked for (following aliases, at most 8
 *   hops, an instance falling back to its template), and the unit's names: the name asked for,
 *   the fragment's name, and every name whose link leads to either (templates' aliases carrying
 *   the instance). The unit's main name — the one reported — is the fragment's (with the
 *   instance); without a fragment, the name asked for.
 * - unit_file_find_dropin_paths(): `<name>.d/` for the main name, then for each alias, each with
 *   its template and dash-prefix directories, then the type-wide `service.d/`. A directory is
 *   looked into only when the unit directory lists it (the unit path cache): a real directory,
 *   or a link whose stored target, *read from systemd-analyze's working directory* (is_dir() on
 *   the raw target), is a directory — then its contents are read where the link really leads.
 *   Files ending in `.conf` (not hidden, no backup suffix) are applied in file-name order; a name
 *   in several directories is taken from the first directory in that order (main name before
 *   aliases, unit directories before `service.d/`). A drop-in may itself be a link (to /dev/null:
 *   it masks the same name in later directories).
 *
 * Two aliases with a same-named drop-in and neither in the main name's directories: systemd
 * walks the aliases in hash-table order, which changes from run to run. We take them in byte
 * order and say so in a warning.
 */
import { compareBytes } from '../text/compare-bytes.js'
import type { Diagnostic } from './diagnostics.js'
import {
  dropInUnitNames,
  templateOf,
  UNIT_TYPES,
  unitInstance,
  unitNameKind,
  unitType,
  withInstance,
  type UnitNameKind,
} from './names.js'
import { listingOf, SourceView, SYSTEM_UNIT_PATH, type FollowedLink } from './source-view.js'
import { basename, dirname, joinPath, type UnitSource } from './source.js'

/** Where systemd-analyze runs, for what depends on it. */
export interface LoadLocation {
  /**
   * The directory systemd-analyze runs in, as a path of the source (default '.', the source's
   * own working directory). A drop-in directory that is a link with a relative target counts
   * only when that target, taken from here, is a directory.
   */
  readonly workingDirectory?: string
  /** The absolute path of the source's working directory, when known (the CLI: its cwd). */
  readonly absoluteRoot?: string
  /**
   * Take a drop-in directory that is a link with a relative target from the link's own
   * directory, as a deployment that copies the files with links resolved would have it — not
   * systemd's reading (which takes the raw target from its working directory). The capability
   * gate also reads units this way, so that neither reading hides a widening.
   */
  readonly followDropInDirectoryLinks?: boolean
  /**
   * The unit lies in a root file system the source ships: it is loaded from that root's whole
   * search path, as `systemd-analyze --root=` loads it by name (not from its own directory alone).
   */
  readonly searchRoot?: SearchRoot
}

/** A root file system of the source, with its unit search path. */
export interface SearchRoot {
  /** The root's directory in the source ('.' for the source's top). */
  readonly prefix: string
  /** Its unit directories in the order systemd searches them (paths of the source). */
  readonly dirs: readonly string[]
}

export interface UnitFiles {
  /** The name asked for: the file's name, a template with the version's instance. */
  readonly requested: string
  /** The unit's main name: the fragment's name (with the instance), else the name asked for. */
  readonly unit: string
  /** Every name the unit has, the main name first, then the aliases in byte order. */
  readonly names: readonly string[]
  /** The file the unit is read from (in the unit's directory; it may be a link), or null: not found. */
  readonly fragmentPath: string | null
  /** Drop-ins in the order they apply (paths in the directories links led to). */
  readonly dropInPaths: readonly string[]
  /** Symbolic links that decided any of the above, with their stored targets. */
  readonly links: readonly FollowedLink[]
  /**
   * Every path whose content or link target decides the unit: the fragment and the drop-ins,
   * the links on the way to them and the files those lead to. A change to any of them may
   * change the unit.
   */
  readonly involved: readonly string[]
  /** Reads a file of the unit as systemd-analyze on a clean machine would (links followed). */
  readonly read: (path: string) => Uint8Array | null
  readonly diagnostics: readonly Diagnostic[]
}

const BACKUP_SUFFIXES = [
  '~',
  '.rpmnew',
  '.rpmsave',
  '.rpmorig',
  '.dpkg-old',
  '.dpkg-new',
  '.dpkg-tmp',
  '.dpkg-dist',
  '.dpkg-bak',
  '.dpkg-backup',
  '.dpkg-remove',
  '.ucf-new',
  '.ucf-old',
  '.ucf-dist',
  '.swp',
  '.bak',
  '.old',
  '.new',
]

/** unit_ids_map_get(): hops through alias names before giving up with -ELOOP. */
const FOLLOW_MAX = 8

/** An entry of the name map: a unit file (path), or an alias (the target's unit name). */
type IdEntry = { readonly file: string } | { readonly alias: string }

/** How a link in the unit directory was read, and what systemd logged about it. */
interface LinkReading {
  readonly entry: IdEntry | null
  readonly warning: string | null
  readonly links: readonly FollowedLink[]
}

/**
 * One unit directory as the name map sees it: its entries and the links among the unit names.
 * Built once per source and directory (units of one directory share it).
 */
interface DirectoryIndex {
  readonly view: SourceView
  /** view.read, bound once. */
  readonly read: (path: string) => Uint8Array | null
  readonly names: ReadonlySet<string>
  /** Entries with a unit name that are symbolic links, with their stored targets. */
  readonly unitLinks: ReadonlyMap<string, string>
  /** Some entry ends in `.d`: a drop-in directory may be there. */
  readonly dropInDirectories: boolean
  readonly readings: Map<string, LinkReading>
}

const UNIT_SUFFIXES: ReadonlySet<string> = new Set(UNIT_TYPES)

const indexes = new WeakMap<UnitSource, Map<string, DirectoryIndex | null>>()

function directoryIndex(source: UnitSource, dir: string, location: LoadLocation): DirectoryIndex | null {
  let bySource = indexes.get(source)
  if (!bySource) indexes.set(source, (bySource = new Map<string, DirectoryIndex | null>()))
  // How links read depends on where the source's working directory is.
  const key = `${location.absoluteRoot ?? ''}\0${location.followDropInDirectoryLinks === true}\0${dir}`
  let index = bySource.get(key)
  if (index !== undefined) return index
  const entries = listingOf(source, dir)
  if (entries === null) index = null
  else {
    const unitLinks = new Map<string, string>()
    let dropInDirectories = false
    for (const name of entries) {
      // (A suffix check first: this runs for every entry of every unit directory.)
      if (name.endsWith('.d')) dropInDirectories = true
      else if (UNIT_SUFFIXES.has(name.slice(name.lastIndexOf('.') + 1)) && unitNameKind(name) !== null) {
        const target = source.link(joinPath(dir, name))
        if (target !== null) unitLinks.set(name, target)
      }
    }
    const view = new SourceView(source, location.absoluteRoot, dir)
    index = { view, read: (p) => view.read(p), names: entries, unitLinks, dropInDirectories, readings: new Map() }
  }
  bySource.set(key, index)
  return index
}

/** Resolves the unit a file is loaded as. `path` is the unit file as given; `instance` names templates. */
export function resolveUnitFiles(
  source: UnitSource,
  path: string,
  instance: string,
  location: LoadLocation = {},
): UnitFiles {
  const dir = dirname(path)
  const base = basename(path)
  const kind = unitNameKind(base)
  if (kind === null) throw new Error(`not a unit name: ${base}`)
  const requested = kind === 'template' ? withInstance(base, instance) : base
  if (location.searchRoot !== undefined) return resolveInRoot(source, path, requested, location.searchRoot, location)
  const diagnostics: Diagnostic[] = []
  const index = directoryIndex(source, dir, location)
  if (index !== null && index.unitLinks.size === 0) {
    // No links among the unit names (nearly every directory): the file is the unit, or the
    // template of the instance is; the unit has no other name.
    const name = index.names.has(base)
      ? base
      : kind === 'instance' && index.names.has(templateOf(base))
        ? templateOf(base)
        : null
    if (name !== null) {
      const fragmentPath = joinPath(dir, name)
      const drop = index.dropInDirectories ? findDropIns(index.view, dir, requested, [], location) : NO_DROP_INS
      const plain = drop.paths.length === 0 && drop.links.length === 0
      if (plain || (drop.links.length === 0 && drop.paths.every((p) => index.view.link(p) === null))) {
        return {
          requested,
          unit: requested,
          names: [requested],
          fragmentPath,
          dropInPaths: drop.paths,
          links: [],
          involved: plain ? [path] : [...new Set([path, fragmentPath, ...drop.paths])].sort(compareBytes),
          read: index.read,
          diagnostics: drop.diagnostics,
        }
      }
    }
  }
  const notFound = (): UnitFiles => ({
    requested,
    unit: requested,
    names: [requested],
    fragmentPath: null,
    dropInPaths: [],
    links: [],
    involved: [path],
    read: index?.read ?? ((p) => source.read(p)),
    diagnostics,
  })
  if (index === null) return notFound()
  const { view } = index

  // verify_set_unit_path() puts the directory in the search path only when the file, or the
  // template of an instance, is there (links followed).
  const present = (name: string): boolean =>
    index.names.has(name) && (!index.unitLinks.has(name) || view.exists(joinPath(dir, name)))
  const here = present(base)
  if (!here && !(kind === 'instance' && present(templateOf(base)))) return notFound()

  let fragment: string | null
  let unit = requested
  let aliases: string[] = []
  const links: FollowedLink[] = []
  if (index.unitLinks.size === 0) {
    // No links among the unit names (nearly every directory): the file is the unit, or the
    // template of the instance is; the unit has no other name.
    fragment = joinPath(dir, here ? base : templateOf(base))
  } else {
    const map = new NameMap(directoryTable(view, dir, index))
    const found = map.findFragment(requested)
    for (const w of map.warnings()) diagnostics.push(linkDiagnostic(w))
    if (found === null) return notFound()
    fragment = found.fragment
    const inst = unitInstance(requested)
    const ofInstance = (name: string): string =>
      unitNameKind(name) === 'template' && inst !== null ? withInstance(name, inst) : name
    if (fragment !== null) unit = ofInstance(basename(fragment))
    const aliasSet = new Set<string>()
    for (const n of found.names) {
      const name = ofInstance(n)
      if (name !== unit) aliasSet.add(name)
    }
    aliases = [...aliasSet].sort(compareBytes)
    for (const l of map.followed()) links.push(l)
  }
  return unitFiles(view, {
    path,
    requested,
    unit,
    aliases,
    fragment,
    drop: findDropIns(view, dir, unit, aliases, location),
    links,
    read: index.read,
    diagnostics,
  })
}

/** A root file system's name table: the first unit directory with a name has it (unit_file_build_name_map()). */
interface RootTable {
  readonly view: SourceView
  readonly table: NameTable
}

const rootTables = new WeakMap<UnitSource, Map<string, RootTable>>()

function rootTable(source: UnitSource, root: SearchRoot): RootTable {
  let bySource = rootTables.get(source)
  if (!bySource) rootTables.set(source, (bySource = new Map<string, RootTable>()))
  const key = `${root.prefix}\0${root.dirs.join('\0')}`
  let t = bySource.get(key)
  if (t !== undefined) return t
  const view = new SourceView(source, undefined, root.prefix, root.prefix)
  const where = new Map<string, string>()
  const unitLinks = new Map<string, string>()
  for (const dir of root.dirs) {
    for (const name of view.entries(dir) ?? []) {
      if (where.has(name) || !UNIT_SUFFIXES.has(name.slice(name.lastIndexOf('.') + 1)) || unitNameKind(name) === null)
        continue
      where.set(name, dir)
      const target = view.link(joinPath(dir, name))
      if (target !== null) unitLinks.set(name, target)
    }
  }
  // A link is an alias when it leads into the root's search path (any of its unit directories).
  const tail = (p: string): string | null => {
    for (const d of root.dirs) {
      if (p === d) return ''
      if (d === '.' ? !p.startsWith('/') && !p.startsWith('../') : p.startsWith(d + '/'))
        return d === '.' ? p : p.slice(d.length + 1)
    }
    return null
  }
  const readings = new Map<string, LinkReading>()
  const table: NameTable = {
    has: (name) => where.has(name),
    unitLinks,
    pathOf: (name) => joinPath(where.get(name) ?? root.dirs[0]!, name),
    reading: (name) => {
      let r = readings.get(name)
      if (r === undefined)
        readings.set(name, (r = readUnitLink(view, where.get(name)!, name, unitLinks.get(name)!, tail)))
      return r
    },
  }
  bySource.set(key, (t = { view, table }))
  return t
}

/**
 * The unit of a root file system the source ships, loaded by name from that root's whole
 * search path (`systemd-analyze --root=`): the fragment from the first unit directory that has
 * the name (or an alias leading to it), the names from every directory's links, and the drop-ins
 * of every name from every directory.
 */
function resolveInRoot(
  source: UnitSource,
  path: string,
  requested: string,
  root: SearchRoot,
  location: LoadLocation,
): UnitFiles {
  const { view, table } = rootTable(source, root)
  const read = (p: string): Uint8Array | null => view.read(p)
  const diagnostics: Diagnostic[] = []
  const map = new NameMap(table)
  const found = map.findFragment(requested)
  for (const w of map.warnings()) diagnostics.push(linkDiagnostic(w))
  if (found === null) {
    return {
      requested,
      unit: requested,
      names: [requested],
      fragmentPath: null,
      dropInPaths: [],
      links: [],
      involved: [path],
      read,
      diagnostics,
    }
  }
  const fragment = found.fragment
  const inst = unitInstance(requested)
  const ofInstance = (name: string): string =>
    unitNameKind(name) === 'template' && inst !== null ? withInstance(name, inst) : name
  const unit = fragment !== null ? ofInstance(basename(fragment)) : requested
  const aliasSet = new Set<string>()
  for (const n of found.names) {
    const name = ofInstance(n)
    if (name !== unit) aliasSet.add(name)
  }
  const aliases = [...aliasSet].sort(compareBytes)
  const links: FollowedLink[] = [...map.followed()]
  return unitFiles(view, {
    path,
    requested,
    unit,
    aliases,
    fragment,
    drop: findDropInsIn(view, root.dirs, unit, aliases, location),
    links,
    read,
    diagnostics,
  })
}

/**
 * The result of a resolution, from the unit's fragment and drop-ins: every repository path that
 * decides it (the files, the links on the way, and where a file that is a link leads).
 */
function unitFiles(
  view: SourceView,
  r: {
    readonly path: string
    readonly requested: string
    readonly unit: string
    readonly aliases: readonly string[]
    readonly fragment: string | null
    readonly drop: DropIns
    readonly links: FollowedLink[]
    readonly read: UnitFiles['read']
    readonly diagnostics: Diagnostic[]
  },
): UnitFiles {
  const { path, unit, aliases, fragment, drop, links, diagnostics } = r
  for (const d of drop.diagnostics) diagnostics.push(d)
  for (const l of drop.links) links.push(l)
  const involved = new Set<string>([path])
  for (const p of fragment === null ? drop.paths : [fragment, ...drop.paths]) {
    involved.add(p)
    // A file that is a link: where it leads decides the content (a mask leads out of the repository).
    if (view.link(p) === null) continue
    const c = view.chase(p, { followLast: true, nonexistent: true })
    if ('error' in c) continue
    for (const l of c.links) links.push(l)
    if (c.path !== '/dev/null') involved.add(c.path)
  }
  for (const l of links) involved.add(l.path)
  return {
    requested: r.requested,
    unit,
    names: aliases.length === 0 ? [unit] : [unit, ...aliases],
    fragmentPath: fragment,
    dropInPaths: drop.paths,
    links: links.length === 0 ? links : dedupeLinks(links),
    involved: involved.size === 1 ? [path] : [...involved].sort(compareBytes),
    read: r.read,
    diagnostics,
  }
}

function dedupeLinks(links: readonly FollowedLink[]): FollowedLink[] {
  const byPath = new Map<string, FollowedLink>()
  for (const l of links) byPath.set(l.path, l)
  return [...byPath.values()].sort((a, b) => compareBytes(a.path, b.path))
}

/** unit_file_build_name_map() and unit_file_find_fragment() over one unit directory. */
/** The names of the unit directories a name map is built from (first directory first). */
interface NameTable {
  /** An entry of that name is there. */
  has(name: string): boolean
  /** Entries with a unit name that are symbolic links, with their stored targets. */
  readonly unitLinks: ReadonlyMap<string, string>
  /** The path of the entry of that name. */
  pathOf(name: string): string
  /** How the link of that name reads (cached). */
  reading(name: string): LinkReading
}

/** The name table of one directory. */
function directoryTable(view: SourceView, dir: string, index: DirectoryIndex): NameTable {
  const tail = (p: string): string | null => searchPathTail(view, dir, p)
  return {
    has: (name) => index.names.has(name),
    unitLinks: index.unitLinks,
    pathOf: (name) => joinPath(dir, name),
    reading: (name) => {
      let r = index.readings.get(name)
      if (r === undefined)
        index.readings.set(name, (r = readUnitLink(view, dir, name, index.unitLinks.get(name)!, tail)))
      return r
    },
  }
}

class NameMap {
  private readonly consulted = new Set<string>()

  constructor(private readonly table: NameTable) {}

  /** The map's entry for a name; undefined when none (not there, or a link systemd rejected). */
  private entry(name: string, track: Set<string>): IdEntry | undefined {
    if (!this.table.has(name) || unitNameKind(name) === null) return undefined
    if (!this.table.unitLinks.has(name)) return { file: this.table.pathOf(name) }
    track.add(name)
    return this.reading(name).entry ?? undefined
  }

  private reading(name: string): LinkReading {
    return this.table.reading(name)
  }

  /** unit_ids_map_get(): the fragment a name leads to; 'ENOENT' (no such name), 'ENXIO' (a broken alias), 'ELOOP'. */
  private fragmentOf(name: string, track = this.consulted): string {
    let id: string | null = null
    for (let n = 0; n < FOLLOW_MAX; n++) {
      let t = this.entry(id ?? name, track)
      if (t === undefined) {
        if (id === null) return 'ENOENT'
        // A link to an instance: the template's file.
        if (unitNameKind(id) !== 'instance') return 'ENXIO'
        t = this.entry(templateOf(id), track)
        if (t === undefined) return 'ENXIO'
      }
      if ('file' in t) return t.file
      id = t.alias
    }
    return 'ELOOP'
  }

  /** The reverse map: every name whose entry leads to a fragment called `key` (instance links as instances). */
  private namesOf(key: string): string[] {
    const out: string[] = []
    if (this.table.has(key) && unitNameKind(key) !== null && !this.table.unitLinks.has(key)) out.push(key)
    for (const [src, target] of this.table.unitLinks) {
      if (this.reading(src).entry === null) {
        // A link systemd rejected, meant for this name: its warning concerns this unit.
        if (basename(target) === key) this.consulted.add(src)
        continue
      }
      const hops = new Set<string>()
      const dst = this.fragmentOf(src, hops)
      if (dst === 'ENOENT' || dst === 'ENXIO' || dst === 'ELOOP') continue
      let name = basename(dst)
      // A link from an instance to a template aliases that instance only.
      if (unitNameKind(name) === 'template' && unitNameKind(src) === 'instance')
        name = withInstance(name, unitInstance(src)!)
      if (name === key) {
        out.push(src)
        for (const h of hops) this.consulted.add(h)
      }
    }
    return out
  }

  /** unit_file_find_fragment(): the fragment (null: none) and the set of names; null on a loop. */
  findFragment(unitName: string): { fragment: string | null; names: Set<string> } | null {
    const kind = unitNameKind(unitName)!
    const instance = unitInstance(unitName)
    const names = new Set<string>()
    if (!this.addNames(unitName, null, kind, instance, names, unitName)) return null
    let fragment = this.fragmentOf(unitName)
    if ((fragment === 'ENOENT' || fragment === 'ENXIO') && kind === 'instance')
      fragment = this.fragmentOf(templateOf(unitName))
    if (fragment === 'ELOOP') return null
    if (fragment === 'ENOENT' || fragment === 'ENXIO') return { fragment: null, names }
    const fragmentName = basename(fragment)
    if (fragmentName !== unitName && !this.addNames(unitName, fragmentName, kind, instance, names, fragmentName))
      return null
    return { fragment, names }
  }

  /** add_names(): false when a name leads into a loop (the unit fails to load). */
  private addNames(
    unitName: string,
    fragmentName: string | null,
    kind: UnitNameKind,
    instance: string | null,
    names: Set<string>,
    name: string,
  ): boolean {
    if (kind !== 'template') names.add(name)
    for (const alias of this.namesOf(name)) {
      if (kind === 'instance' && unitNameKind(alias) === 'template') {
        const inst = withInstance(alias, instance!)
        const instFragment = this.fragmentOf(inst)
        if (instFragment === 'ELOOP') return false
        // Aliases that point somewhere else are not ours.
        if (
          instFragment !== 'ENOENT' &&
          instFragment !== 'ENXIO' &&
          fragmentName !== null &&
          basename(instFragment) !== fragmentName
        )
          continue
        names.add(inst)
      } else names.add(alias)
    }
    void unitName
    return true
  }

  /** What systemd logged about the links this unit's lookup involved. */
  warnings(): { file: string; message: string }[] {
    const out: { file: string; message: string }[] = []
    for (const name of [...this.consulted].sort(compareBytes)) {
      const w = this.reading(name).warning
      if (w !== null) out.push({ file: this.table.pathOf(name), message: w })
    }
    return out
  }

  /** The links the lookup went through. */
  followed(): FollowedLink[] {
    return [...this.consulted].sort(compareBytes).flatMap((name) => this.reading(name).links)
  }
}

/** unit_file_resolve_symlink() + unit_validate_alias_symlink_or_warn() for one link of the unit directory. */
function readUnitLink(
  view: SourceView,
  dir: string,
  name: string,
  target: string,
  searchPathTail: (path: string) => string | null,
): LinkReading {
  const path = joinPath(dir, name)
  const own: FollowedLink = { path, target }
  const joined = target.startsWith('/') ? target : joinPath(dir, target)
  const simplified = view.chase(joined, { followLast: false, nonexistent: true })
  if ('error' in simplified) {
    return {
      entry: null,
      warning: `Failed to resolve symlink ${view.absolute(path)} pointing to ${target.startsWith('/') ? target : joinPath(view.absolute(dir), target)}: ${simplified.error}`,
      links: [own],
    }
  }
  const links = [own, ...simplified.links]
  const tail = searchPathTail(simplified.path)
  if (tail === null) return { entry: { file: path }, warning: null, links } // a linked unit file (or a mask)
  const dst = basename(simplified.path)
  const invalid = aliasProblem(name, dst)
  if (invalid === 'self') return { entry: null, warning: null, links }
  if (invalid !== null) return { entry: null, warning: invalid, links }
  const warning = tail.includes('/')
    ? `Suspicious symlink ${view.absolute(path)} → ${view.absolute(simplified.path)}, treating as alias.`
    : null
  return { entry: { alias: dst }, warning, links }
}

/** path_startswith_strv() over the search path (the unit directory as given and resolved, then the system's). */
function searchPathTail(view: SourceView, dir: string, path: string): string | null {
  const abs = view.absolute(path)
  const dirs = [view.absolute(dir)]
  const resolved = view.chase(dir, { followLast: true, nonexistent: false })
  if (!('error' in resolved)) dirs.push(view.absolute(resolved.path))
  for (const d of [...dirs, ...SYSTEM_UNIT_PATH]) {
    if (abs === d) return ''
    if (d === '.' && !abs.startsWith('/') && !abs.startsWith('../')) return abs
    if (abs.startsWith(d === '/' ? '/' : d + '/')) return abs.slice(d === '/' ? 1 : d.length + 1)
  }
  return null
}

/**
 * A link's warning as systemd logs it: without a file and line, a rejected alias with the link's
 * name in front (unit_validate_alias_symlink_or_warn()).
 */
function linkDiagnostic(w: { file: string; message: string }): Diagnostic {
  const message = w.message.endsWith(', rejecting.') ? `${basename(w.file)}: ${w.message}` : w.message
  return { file: w.file, line: 0, severity: 'warning', message, unlocated: true }
}

/** Why systemd rejects an alias link `src` → `dst` ('self': silently), or null. */
function aliasProblem(src: string, dst: string): string | null {
  const srcKind = unitNameKind(src)!
  if (src === dst) return 'self'
  const dstKind = unitNameKind(dst)
  if (dstKind === null) return `symlink target "${dst}" is not a valid unit name, rejecting.`
  // Units of every type the analyser loads from files may be aliased and templated.
  if (!(dstKind === srcKind || (srcKind === 'instance' && dstKind === 'template'))) {
    return `symlink target name type "${dst}" does not match source, rejecting.`
  }
  if (dstKind === 'instance' && unitInstance(src) !== unitInstance(dst)) {
    return `unit symlink target "${dst}" instance name doesn't match, rejecting.`
  }
  if (unitType(src) !== unitType(dst)) return `symlink target "${dst}" has incompatible suffix, rejecting.`
  return null
}

interface DropIns {
  readonly paths: string[]
  readonly links: FollowedLink[]
  readonly diagnostics: Diagnostic[]
}

const NO_DROP_INS: DropIns = Object.freeze({ paths: [], links: [], diagnostics: [] })

const anyDropInDirectory = new WeakMap<ReadonlySet<string>, boolean>()

/** The listing has an entry ending in `.d` (most unit directories have none at all). */
function hasDirectoryNamedD(entries: ReadonlySet<string>): boolean {
  let any = anyDropInDirectory.get(entries)
  if (any === undefined) {
    any = false
    for (const e of entries) if (e.endsWith('.d')) any = true
    anyDropInDirectory.set(entries, any)
  }
  return any
}

/**
 * The drop-ins of a unit with these names, in the order they apply (unit_file_find_dropin_paths()
 * for one unit directory). The single place that decides which drop-ins apply.
 */
export function findDropIns(
  view: SourceView,
  dir: string,
  unit: string,
  aliases: readonly string[],
  location: LoadLocation = {},
): DropIns {
  return findDropInsIn(view, [dir], unit, aliases, location)
}

/**
 * findDropIns() over a search path of several unit directories (a root file system's): for each
 * name, its drop-in directory in every unit directory, in search order; a file name found in an
 * earlier directory hides the same name in later ones (conf_files_list_strv()).
 */
function findDropInsIn(
  view: SourceView,
  unitDirs: readonly string[],
  unit: string,
  aliases: readonly string[],
  location: LoadLocation = {},
): DropIns {
  const listed: { dir: string; siblings: ReadonlySet<string> }[] = []
  for (const dir of unitDirs) {
    const siblings = view.entries(dir)
    if (siblings !== null && hasDirectoryNamedD(siblings)) listed.push({ dir, siblings })
  }
  if (listed.length === 0) return NO_DROP_INS
  const typeDir = `${unitType(unit)}.d`
  const own = dropInUnitNames(unit)
  // Most units have no drop-in directory at all: the listing says so without more work.
  if (
    aliases.length === 0 &&
    !listed.some(({ siblings }) => siblings.has(typeDir) || own.some((n) => siblings.has(`${n}.d`)))
  )
    return NO_DROP_INS
  const out: DropIns = { paths: [], links: [], diagnostics: [] }
  const workingDirectory = location.workingDirectory ?? '.'
  // Directories in search order, each with the name it was found for (null: type-wide).
  const dirs: { path: string; name: string | null }[] = []
  const seen = new Set<string>()
  const visit = (dirName: string, forName: string | null): void => {
    for (const { dir, siblings } of listed) {
      if (!siblings.has(dirName)) continue
      const p = joinPath(dir, dirName)
      if (seen.has(p)) continue
      seen.add(p)
      const target = view.link(p)
      // The unit path cache: a directory, or a link whose raw target is a directory as seen from
      // systemd-analyze's working directory (not from the link's). In a root file system, from
      // the link's own directory, its absolute targets under that root.
      if (target === null) {
        if (view.entries(p) !== null) dirs.push({ path: p, name: forName })
        continue
      }
      const from =
        location.followDropInDirectoryLinks === true || location.searchRoot !== undefined ? dir : workingDirectory
      if (!view.isDirectory(target.startsWith('/') ? target : joinPath(from, target))) continue
      const chased = view.chase(p, { followLast: true, nonexistent: false })
      if ('error' in chased || view.entries(chased.path) === null) continue
      for (const l of chased.links) out.links.push(l)
      dirs.push({ path: chased.path, name: forName })
    }
  }
  for (const n of own) visit(`${n}.d`, unit)
  for (const name of aliases) for (const n of dropInUnitNames(name)) visit(`${n}.d`, name)
  visit(typeDir, null)

  const chosen = new Map<string, { path: string; name: string | null }>()
  const ambiguous = new Set<string>()
  for (const d of dirs) {
    for (const entry of view.entries(d.path)!) {
      if (!entry.endsWith('.conf') || entry.startsWith('.') || BACKUP_SUFFIXES.some((s) => entry.endsWith(s))) continue
      const first = chosen.get(entry)
      if (first === undefined) chosen.set(entry, { path: joinPath(d.path, entry), name: d.name })
      else if (
        first.name !== null &&
        first.name !== unit &&
        d.name !== null &&
        d.name !== first.name &&
        d.path !== dirname(first.path)
      )
        ambiguous.add(entry)
    }
  }
  for (const entry of [...chosen.keys()].sort(compareBytes)) {
    const { path } = chosen.get(entry)!
    out.paths.push(path)
    const target = view.link(path)
    if (target !== null) out.links.push({ path, target })
    if (ambiguous.has(entry)) {
      out.diagnostics.push({
        file: path,
        line: 0,
        severity: 'warning',
        message: `drop-in ${entry} exists for several aliases of ${unit}; systemd applies one of them, which one changes from run to run`,
      })
    }
  }
  return out
}
