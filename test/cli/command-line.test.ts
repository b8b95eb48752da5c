import { parseArgs } from 'node:util'
import { describe, expect, it } from 'vitest'
import { parseCommandLine, readCommandLine } from '../../src/cli/command-line.js'
import { readDiffOptions } from '../../src/cli/diff.js'
import { UsageError } from '../../src/cli/usage.js'
import { DEFAULT_GATE } from '../../src/diff/gate.js'
import { commandOptions, OPTIONS } from '../../src/options/option-table.js'

// score's options all take a value, so its command line is parseArgs' exactly.
const SCORE_OPTIONS = commandOptions('score')
const NAMES = SCORE_OPTIONS.map((o) => o.flag!)

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
    const r = parseCommandLine(args, SCORE_OPTIONS)
    return { values: { ...r.values }, positionals: r.positionals }
  } catch (e) {
    return { error: (e as { code?: string }).code }
  }
}

describe('parseCommandLine', () => {
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
    const pieces = [
      'a.service',
      'b@.service',
      '-',
      '--',
      '--format',
      '--format=json',
      'json',
      '--threshold',
      '7',
      '--systemd-version',
      '257',
      '--bad',
      '-q',
      '--threshold=',
      '',
    ]
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

describe('the boolean grammar on the command line', () => {
  const gate = (...args: string[]) => readDiffOptions(args, {}).review.gate

  it('takes a boolean flag alone as true, and its value inline or as the next boolean word', () => {
    expect(gate()).toEqual(DEFAULT_GATE)
    expect(gate('--fail-on-regression').failOnRegression).toBe(true)
    expect(gate('--fail-on-new-waiver').failOnNewWaiver).toBe(true)
    expect(gate('--fail-on-capability-widening', 'false').failOnCapabilityWidening).toBe(false)
    expect(gate('--fail-on-capability-widening=false').failOnCapabilityWidening).toBe(false)
    expect(gate('--fail-on-capability-widening').failOnCapabilityWidening).toBe(true)
    for (const word of ['true', 'YES', 'On', '1'])
      expect(gate('--fail-on-invalid-unit', word).failOnInvalidUnit, word).toBe(true)
    for (const word of ['false', 'No', 'OFF', '0'])
      expect(gate(`--fail-on-regression=${word}`).failOnRegression, word).toBe(false)
  })

  it('leaves an argument that is not a boolean word to be a path', () => {
    const r = readDiffOptions(['--fail-on-regression', 'units/a.service', '--fail-on-invalid-unit', '--', 'no'], {})
    expect(r.review.gate).toMatchObject({ failOnRegression: true, failOnInvalidUnit: true })
    expect(r.paths).toEqual(['units/a.service', 'no'])
  })

  it('refuses other words, naming the flag and the words it takes', () => {
    expect(() => gate('--fail-on-regression=maybe')).toThrow(UsageError)
    expect(() => gate('--fail-on-regression=maybe')).toThrow(
      "--fail-on-regression must be true or false (true, yes, on, 1 / false, no, off, 0, in any case), got 'maybe'",
    )
  })
})

describe('readCommandLine', () => {
  it('reads an empty value as not given, and the environment when a flag is not given', () => {
    const env = { SYSTEMD_EXPOSURE_VERSION: '257' }
    const version = (args: string[], e: Record<string, string>) =>
      readCommandLine('score', args, e).read(OPTIONS.systemdVersion).text
    expect(version([], env)).toBe('257')
    expect(version(['--systemd-version='], env)).toBe('257')
    expect(version(['--systemd-version=262'], env)).toBe('262')
    expect(version([], {})).toBe('252')
    expect(readDiffOptions(['--max-exposure='], {}).review.gate.maxExposure).toBeNull()
    expect(() => version([], { SYSTEMD_EXPOSURE_VERSION: '250' })).toThrow(
      "SYSTEMD_EXPOSURE_VERSION must be one of 252, 254, 257, 262, or a range OLDEST-NEWEST (such as 252-257) that contains one of them, got '250'",
    )
  })

  it('reads a range of releases: its supported versions, and the oldest release', () => {
    expect(readCommandLine('recommend', ['--systemd-version', '252-257'], {}).read(OPTIONS.systemdVersion)).toEqual({
      text: '252-257',
      oldest: 252,
      versions: ['252', '254', '257'],
    })
    expect(readCommandLine('recommend', ['--systemd-version', '249-255'], {}).read(OPTIONS.systemdVersion)).toEqual({
      text: '249-255',
      oldest: 249,
      versions: ['252', '254'],
    })
    expect(readDiffOptions(['--systemd-version', '254-262'], {}).review.version).toBe('254')
    for (const bad of ['258-260', '257-252', '252-', '25-257']) {
      expect(() => readCommandLine('recommend', ['--systemd-version', bad], {}).read(OPTIONS.systemdVersion)).toThrow(
        /--systemd-version must be/,
      )
    }
  })

  it('names the flag and the accepted values in errors', () => {
    expect(() => readDiffOptions(['--max-exposure', '11'], {})).toThrow(
      "--max-exposure must be an exposure score from 0.0 to 10.0 with at most one decimal, got '11'",
    )
    expect(() => readDiffOptions(['--allow-capability', 'CAP_NOPE'], {})).toThrow(
      "--allow-capability must be CAP_NAME or UNIT:CAP_NAME, got 'CAP_NOPE'",
    )
    expect(() => readDiffOptions(['--format', 'yaml'], {})).toThrow(
      "--format must be one of markdown, comment, json, sarif, codequality, got 'yaml'",
    )
    expect(() => readCommandLine('score', ['--threshold', '101'], {}).read(OPTIONS.threshold)).toThrow(
      "--threshold must be an integer from 0 to 100 (ten times the score), got '101'",
    )
  })

  it('shows a refused value short and with invisible characters escaped', () => {
    const long = `${'x'.repeat(100_000)}\u001b[2Jend`
    let message = ''
    try {
      readDiffOptions(['--format', long], {})
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toMatch(/^--format must be one of .*, got 'x{53}…x{19}\\x1b\[2Jend'$/)
  })

  it('reads an option the command does not take as its default', () => {
    const { read } = readCommandLine('score', [], {})
    expect(read(OPTIONS.failOnCapabilityWidening)).toBe(true)
    expect(read(OPTIONS.include)).toEqual([])
    expect(() => readCommandLine('score', ['--include', 'x'], {})).toThrow(/Unknown option '--include'/)
  })
})
