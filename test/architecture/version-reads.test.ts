/**
 * Versions are data: what differs between systemd releases is a trait in src/model/versions.ts,
 * and only that file reads a version as a number (for "added in release N"). A comparison with
 * a version string or a version read as a number anywhere else fails here, naming the line.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = resolve(__dirname, '../../src')
const THE_TABLE = 'model/versions.ts'

/**
 * What reading a version looks like: a quoted release number, an ordering, a conversion. Telling
 * two versions apart (`v !== version`) is not a read: it picks among them without ranking.
 */
const ORDER = '(?<![=<>!])(?:<=|>=|<|>)(?!=)'
const VERSION_READS: readonly RegExp[] = [
  /(['"`])2[0-9]{2}\1/,
  new RegExp(`(?<!\\w)(?:[\\w.]*\\.)?version\\s*${ORDER}`),
  new RegExp(`${ORDER}\\s*(?:[\\w.]*\\.)?version\\b`),
  /(Number|parseInt|parseFloat)\(\s*(?:[\w.]*\.)?version\b/,
]

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(path)
    return e.name.endsWith('.ts') && !e.name.endsWith('.generated.ts') ? [path] : []
  })
}

/** `file:line: text` for each line outside the traits table that reads a version. */
export function versionReads(files: readonly string[], read: (file: string) => string): string[] {
  const found: string[] = []
  for (const file of files) {
    if (relative(SRC, file) === THE_TABLE) continue
    read(file)
      .split('\n')
      .forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '')
        if (/^\s*(\*|\/\*)/.test(code)) return
        if (VERSION_READS.some((re) => re.test(code))) found.push(`${relative(SRC, file)}:${i + 1}: ${line.trim()}`)
      })
  }
  return found
}

describe('versions are data', () => {
  it('no file but the traits table compares or converts a version', () => {
    expect(versionReads(sourceFiles(SRC), (f) => readFileSync(f, 'utf8'))).toEqual([])
  })

  it('the check sees the comparisons it forbids', () => {
    const samples: Record<string, string> = {
      [join(SRC, 'engine/a.ts')]: "if (version === '262') return",
      [join(SRC, 'engine/b.ts')]: 'const late = Number(options.version) >= 257',
      [join(SRC, 'engine/c.ts')]: "const old = '254' > v.version",
      [join(SRC, THE_TABLE)]: "if (version === '262') return",
      [join(SRC, 'engine/d.ts')]: 'const others = SYSTEMD_VERSIONS.filter((v) => v !== version)',
      [join(SRC, 'engine/e.ts')]: 'const pick = (version: SystemdVersion) => version',
    }
    expect(versionReads(Object.keys(samples), (f) => samples[f]!)).toEqual([
      "engine/a.ts:1: if (version === '262') return",
      'engine/b.ts:1: const late = Number(options.version) >= 257',
      "engine/c.ts:1: const old = '254' > v.version",
    ])
  })
})
