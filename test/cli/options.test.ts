import { parseArgs } from 'node:util'
import { describe, expect, it } from 'vitest'
import { parseStringOptions } from '../../src/cli/options.js'

const NAMES = ['format', 'systemd-version', 'threshold'] as const

/** What util.parseArgs itself gives (or the error it throws). */
function reference(args: string[]): unknown {
  try {
    const options = Object.fromEntries(NAMES.map((n) => [n, { type: 'string' as const }]))
    const r = parseArgs({ args, options, allowPositionals: true, strict: true })
    return { values: { ...r.values }, positionals: r.positionals }
  } catch (e) {
    return { error: (e as { code?: string }).code }
  }
}

function ours(args: string[]): unknown {
  try {
    const r = parseStringOptions(args, NAMES)
    return { values: { ...r.values }, positionals: r.positionals }
  } catch (e) {
    return { error: (e as { code?: string }).code }
  }
}

describe('parseStringOptions', () => {
  it('agrees with util.parseArgs on the usual forms and errors', () => {
    const cases: string[][] = [
      ['a.service', 'b.service'],
      ['--format', 'json', 'a.service', '--threshold=50', 'b.service'],
      ['a.service', '--format', 'text'],
      ['--format'],
      ['--format', '--threshold', '3'],
      ['--unknown', 'a.service'],
      ['-x', 'a.service'],
      ['-', 'a.service'],
      ['--', '--format', 'json', '-'],
      ['a', '--', 'b', '--', 'c'],
      ['--format=json', '--format=text', 'x'],
      ['--format', '-', 'x'],
      [],
    ]
    for (const args of cases) expect(ours(args), JSON.stringify(args)).toEqual(reference(args))
  })

  it('agrees with util.parseArgs on random argument lists', () => {
    const pieces = ['a.service', 'b@.service', '-', '--', '--format', '--format=json', 'json', '--threshold', '7', '--systemd-version', '257', '--bad', '-q', '--threshold=', '']
    let seed = 42
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return seed % n
    }
    for (let run = 0; run < 2000; run++) {
      const args = Array.from({ length: random(8) }, () => pieces[random(pieces.length)]!)
      expect(ours(args), JSON.stringify(args)).toEqual(reference(args))
    }
  })
})
