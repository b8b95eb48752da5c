/**
 * Loading one unit of one side, and what the load read: the files that make the unit what it is
 * are exactly those the loader read (its fragment and drop-ins, through the links and build
 * templates behind them), so a change affects the unit when it changed one of them. The drop-in
 * rules live in the loader alone.
 */
import type { VersionTraits } from '../model/versions.js'
import type { TemplateNote } from '../unit/build-template.js'
import { findDropIns, loadService, type LoadResult } from '../unit/load.js'
import { templateOf, unitNameKind, withInstance } from '../unit/names.js'
import { basename, dirname, joinPath } from '../unit/source.js'
import type { Snapshot } from './snapshot.js'
import { isDropInDirectory } from './unit-paths.js'
import type { UnitRef } from './units.js'

export interface UnitLoad {
  readonly ref: UnitRef
  readonly result: LoadResult
  /** Why the unit (or part of it) could not be read: it must not pass unseen. Null when it could. */
  readonly unreadable: string | null
  /** Repository paths whose change changes this unit: links followed and files read. */
  readonly reaches: ReadonlySet<string>
  /** Build-template notes, with the template's path. */
  readonly templateNotes: readonly { readonly file: string; readonly line: number; readonly message: string }[]
}

/** The unit name systemd loads a unit file as (templates are analysed as an instance). */
export function loadedName(path: string, traits: VersionTraits): string {
  const name = basename(path)
  return unitNameKind(name) === 'template' ? withInstance(name, traits.templateInstance) : name
}

export function loadUnit(snapshot: Snapshot, ref: UnitRef, traits: VersionTraits): UnitLoad {
  let result: LoadResult
  let unreadable: string | null = null
  try {
    result = loadService(ref.view.source, ref.loadPath, traits)
  } catch (e) {
    // Whatever a source cannot give (a link out of the repository, a file over the limit, an
    // I/O or git error) makes the unit unreadable — never a unit without that part.
    unreadable = (e as Error).message
    result = { ok: false, unit: loadedName(ref.loadPath, traits), error: unreadable, diagnostics: [] }
  }

  const read = result.ok ? [result.fragmentPath, ...result.dropInPaths] : filesOfFailedLoad(snapshot, ref, result.unit ?? loadedName(ref.loadPath, traits))
  const reaches = new Set<string>()
  const templateNotes: { file: string; line: number; message: string }[] = []
  const unresolvable: string[] = []
  const unknown = new Set<string>()
  for (const p of read) {
    const origin = ref.view.origin(p)
    for (const r of snapshot.tree.reaches(origin).paths) reaches.add(r)
    const x = ref.view.expansion(p)
    if (x === null) continue
    const note = (n: TemplateNote, prefix: string) => templateNotes.push({ file: origin, line: n.line, message: prefix + n.message })
    for (const n of x.unresolvable) {
      note(n, 'build template: ')
      unresolvable.push(`${origin}${n.line > 0 ? `:${n.line}` : ''}: ${n.message}`)
    }
    for (const n of x.warnings) note(n, 'build template: ')
    for (const u of x.unknown) unknown.add(u)
  }
  for (const p of ref.namedBy) for (const r of snapshot.tree.reaches(p).paths) reaches.add(r)
  if (unreadable === null && unresolvable.length > 0) {
    unreadable = `unresolvable build template: ${unresolvable.join('; ')} (a value for the placeholder, in the template placeholder settings, resolves it)`
  }
  // A generated unit that does not load with unknown placeholders in it says nothing about the
  // unit the build makes: that is not systemd refusing it, but the tool not knowing it.
  if (unreadable === null && !result.ok && unknown.size > 0) {
    unreadable = `the unit generated from its build template does not load with the unknown placeholders ${[...unknown].join(' ')} (${result.error})`
  }
  return { ref, result, unreadable, reaches, templateNotes }
}

/**
 * What a load that failed would have read: the unit's file (or its template) and its drop-ins.
 * When the drop-ins cannot be listed (a drop-in directory that leaves the repository), every
 * file of every drop-in directory beside the unit counts: a change there must not slip past a
 * unit that is unreadable for another reason.
 */
function filesOfFailedLoad(snapshot: Snapshot, ref: UnitRef, unit: string): string[] {
  const dir = dirname(ref.loadPath)
  const files = [ref.loadPath]
  if (unitNameKind(basename(ref.loadPath)) === 'instance') files.push(joinPath(dir, templateOf(basename(ref.loadPath))))
  try {
    for (const d of findDropIns(ref.view.source, dir, unit)) files.push(d)
  } catch {
    for (const name of snapshot.tree.listDir(dir) ?? []) {
      const d = joinPath(dir, name)
      if (!isDropInDirectory(d)) continue
      files.push(d)
      const r = snapshot.tree.resolve(d)
      if (r.kind === 'dir') for (const entry of snapshot.tree.listDir(r.path) ?? []) files.push(joinPath(d, entry))
    }
  }
  return files
}
