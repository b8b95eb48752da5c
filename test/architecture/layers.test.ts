/**
 * The data flows one way, and so do the imports: each folder of src/ may import only from its
 * own folder and the layers listed before it. An import that runs upwards (the loader reaching
 * into the report, the model knowing about services) fails here, naming the line.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = resolve(__dirname, '../../src')

/** Lowest first. Layers in one group are siblings: neither may import the other. */
const LAYERS: readonly (readonly string[])[] = [
  ['version', 'text'],
  ['model'],
  ['unit'],
  ['service'],
  ['engine'],
  ['recommend'],
  ['git'],
  ['diff'],
  ['report'],
  ['options'],
  ['cli', 'action'],
  ['cli.ts', 'index.ts'],
]

function rankOf(layer: string): number {
  const rank = LAYERS.findIndex((group) => group.includes(layer))
  if (rank < 0)
    throw new Error(`src/${layer} is in no layer: add it to LAYERS in ${relative(process.cwd(), __filename)}`)
  return rank
}

/** The layer of a file under src/: its top folder, or for a file at the top its name. */
function layerOf(file: string): string {
  const [top = '', ...rest] = relative(SRC, file).split('/')
  if (rest.length > 0) return top
  return top === 'cli.ts' || top === 'index.ts' ? top : top.replace(/\.ts$/, '')
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(path)
    return e.name.endsWith('.ts') ? [path] : []
  })
}

interface ImportLine {
  readonly file: string
  readonly line: number
  readonly target: string
}

function relativeImports(file: string): ImportLine[] {
  const lines = readFileSync(file, 'utf8').split('\n')
  const found: ImportLine[] = []
  lines.forEach((text, i) => {
    for (const m of text.matchAll(/\bfrom '(\.{1,2}\/[^']+)'|\bimport\('(\.{1,2}\/[^']+)'\)/g)) {
      const spec = m[1] ?? m[2] ?? ''
      found.push({ file, line: i + 1, target: resolve(dirname(file), spec).replace(/\.js$/, '.ts') })
    }
  })
  return found
}

/** Why an import breaks the layering, or null when it does not. */
export function layerViolation(from: string, to: string): string | null {
  const a = layerOf(from)
  const b = layerOf(to)
  if (a === b) return null
  const ra = rankOf(a)
  const rb = rankOf(b)
  if (rb < ra) return null
  return rb === ra ? `${a} and ${b} are siblings` : `${b} is above ${a}`
}

describe('layers', () => {
  it('every import in src/ points to its own layer or a lower one', () => {
    const violations = sourceFiles(SRC).flatMap((file) =>
      relativeImports(file).flatMap(({ line, target }) => {
        const why = layerViolation(file, target)
        return why === null ? [] : [`src/${relative(SRC, file)}:${line} imports src/${relative(SRC, target)} (${why})`]
      }),
    )
    expect(violations).toEqual([])
  })

  it('notices an upward import and an import between siblings', () => {
    expect(layerViolation(join(SRC, 'model/x.ts'), join(SRC, 'service/state.ts'))).toBe('service is above model')
    expect(layerViolation(join(SRC, 'cli/x.ts'), join(SRC, 'action/run.ts'))).toBe('cli and action are siblings')
    expect(layerViolation(join(SRC, 'service/load.ts'), join(SRC, 'unit/syntax.ts'))).toBeNull()
  })

  it('knows the layer of every folder in src/', () => {
    for (const file of sourceFiles(SRC)) expect(() => rankOf(layerOf(file))).not.toThrow()
  })
})
