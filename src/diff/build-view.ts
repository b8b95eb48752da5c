/**
 * The repository as the build would install it: next to each build template (`foo.service.in`,
 * `override.conf.in` in a drop-in directory, other suffixes from the settings) the file it
 * generates, with placeholders substituted (unit/build-template.ts). A real file of the same name
 * wins, except for the one template a view is made for (`force`): a template and the generated
 * file it sits next to are reviewed as two units.
 */
import { expandBuildTemplate, type BuildTemplateResult, type TemplateChoices } from '../unit/build-template.js'
import { unitNameKind } from '../unit/names.js'
import { basename, dirname, joinPath, type UnitSource } from '../unit/source.js'
import { isDropInDirectory } from './unit-paths.js'

export interface BuildView {
  readonly source: UnitSource
  /** The repository file a path of the view is read from: the template of a generated file. */
  origin(path: string): string
  /** What expanding the template behind a generated path found (null: not generated). */
  expansion(path: string): BuildTemplateResult | null
  /** The same view where the build decides as `choices` say (build-template.ts: TemplateChoice). */
  withChoices(choices: TemplateChoices): BuildView
}

export interface BuildSettings {
  /** Suffixes of build templates (`.in`). */
  readonly suffixes: readonly string[]
  /** Placeholder values that override the defaults (`{ user: 'app' }` for `@user@`). */
  readonly placeholders: Readonly<Record<string, string>>
}

/** The name a template generates (`foo.service.in`, `foo.service.meson.in` → `foo.service`), or null. */
export function generatedName(name: string, inDropInDirectory: boolean, suffixes: readonly string[]): string | null {
  for (const s of suffixes) {
    if (s === '' || !name.endsWith(s) || name.length === s.length) continue
    const stem = name.slice(0, -s.length)
    if (unitNameKind(stem) !== null || (inDropInDirectory && stem.endsWith('.conf'))) return stem
    // A variant of the template for one build system or version, as projects name them
    // (PowerDNS's `pdns.service.meson.in`, netdata's `netdata.service.v235.in`): the same unit.
    const variant = /^(.+)\.[A-Za-z0-9_-]+$/.exec(stem)
    if (variant && unitNameKind(variant[1]!) !== null) return variant[1]!
  }
  return null
}

export function buildView(
  base: UnitSource,
  settings: BuildSettings,
  force?: { readonly generated: string; readonly template: string },
  choices: TemplateChoices = new Map(),
): BuildView {
  const expanded = new Map<string, BuildTemplateResult | null>()
  /** generated path → template path, per directory, worked out from the directory's listing. */
  const generatedIn = new Map<string, Map<string, string>>()

  const generatedOf = (dir: string): Map<string, string> => {
    let m = generatedIn.get(dir)
    if (m !== undefined) return m
    m = new Map()
    const names = base.list(dir)
    if (names !== null) {
      const real = new Set(names)
      const inDropIns = isDropInDirectory(dir)
      for (const n of names) {
        const gen = generatedName(n, inDropIns, settings.suffixes)
        // The first template of a name wins (suffixes in settings order); a real file beats both.
        if (gen !== null && !real.has(gen) && !m.has(joinPath(dir, gen))) m.set(joinPath(dir, gen), joinPath(dir, n))
      }
    }
    if (force && dirname(force.generated) === dir) m.set(force.generated, force.template)
    generatedIn.set(dir, m)
    return m
  }
  const templateOf = (path: string): string | null => generatedOf(dirname(path)).get(path) ?? null

  const expansion = (path: string): BuildTemplateResult | null => {
    const t = templateOf(path)
    if (t === null) return null
    let r = expanded.get(t)
    if (r === undefined) {
      const bytes = base.read(t)
      r = bytes === null ? null : expandBuildTemplate(bytes, settings.placeholders, choices)
      expanded.set(t, r)
    }
    return r
  }

  return {
    origin: (path) => templateOf(path) ?? path,
    expansion,
    withChoices: (c) => buildView(base, settings, force, c),
    source: {
      read(path) {
        if (templateOf(path) === null) return base.read(path)
        // An empty template masks, as an empty unit file does.
        return expansion(path)?.bytes ?? null
      },
      list(dir) {
        const names = base.list(dir)
        if (names === null) return null
        const gen = generatedOf(dir)
        if (gen.size === 0) return names
        const out = new Set(names)
        for (const p of gen.keys()) out.add(basename(p))
        return [...out]
      },
      link: (path) => (templateOf(path) === null ? base.link(path) : null),
    },
  }
}
