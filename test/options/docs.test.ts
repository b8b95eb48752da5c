/**
 * action.yml, the README and the usage text against the option table: every input and flag
 * documented, with the table's defaults and values, and nothing documented that is not in it.
 * action.yml and the README are hand-written; the README's synopses are rewritten by
 * `npm run gen:docs`.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseCommandLine } from '../../src/cli/command-line.js'
import { OUTPUT_FORMATS } from '../../src/cli/output-formats.js'
import { synopsesShown, withCurrentSynopses } from '../../src/cli/readme-synopses.js'
import { COMMAND_NAMES, commandHelp, GLOBAL_FLAGS, optionLines, synopsis, usageText } from '../../src/cli/usage-text.js'
import { DEFAULT_SYSTEMD_VERSION, SYSTEMD_VERSIONS } from '../../src/model/versions.js'
import { actionInputs, ALL_OPTIONS, commandOptions } from '../../src/options/option-table.js'
import type { Option } from '../../src/options/option.js'
import { BOOLEAN, BOOLEAN_WORDS } from '../../src/options/value-types.js'

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const ACTION_YML = readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')

/** Flags of other programs the docs mention: systemd-analyze's, git's and npm's. */
const OTHER_PROGRAMS_FLAGS = new Set([
  '--offline',
  '--json',
  '--batch',
  '--global',
  '--root',
  '--no-verify',
  '--no-install',
])
const TABLE_FLAGS = new Set([...ALL_OPTIONS.filter((o) => o.flag !== null).map((o) => `--${o.flag}`), ...GLOBAL_FLAGS])

/** action.yml's default for an input. */
const documentedDefault = (o: Option): string => o.runnerDefault ?? o.default

/** The values of an input that takes one of a few (a version, a choice): none for other types. */
// Upper-case words (OLDEST-NEWEST) are placeholders for a value, not values themselves.
const fixedValues = (o: Option): string[] =>
  o.type !== BOOLEAN && o.type.placeholder.includes('|')
    ? o.type.placeholder.split('|').filter((v) => !/^[A-Z][A-Z-]*$/.test(v))
    : []

interface YamlInput {
  readonly name: string
  readonly default: string | undefined
  readonly description: string
}

/** action.yml's inputs, for this file's shapes: plain, quoted and folded (`>-`) scalars. */
function actionYmlInputs(text: string): YamlInput[] {
  const lines = text.split('\n')
  const inputs: { name: string; default?: string; description: string }[] = []
  for (let i = lines.indexOf('inputs:') + 1; i < lines.length && (lines[i] === '' || lines[i]!.startsWith(' ')); i++) {
    const name = /^ {2}([a-z-]+):$/.exec(lines[i]!)
    if (name) {
      inputs.push({ name: name[1]!, description: '' })
      continue
    }
    const field = /^ {4}(default|description): ?(.*)$/.exec(lines[i]!)
    if (!field) continue
    let value = field[2]!
    if (value === '>-') {
      const folded: string[] = []
      while (lines[i + 1]?.startsWith('      ')) folded.push(lines[++i]!.trim())
      value = folded.join(' ')
    } else if (/^'.*'$/.test(value)) value = value.slice(1, -1).replaceAll("''", "'")
    else if (/^".*"$/.test(value)) value = value.slice(1, -1)
    inputs.at(-1)![field[1] as 'default' | 'description'] = value
  }
  return inputs.map((i) => ({ name: i.name, default: i.default, description: i.description }))
}

/** The README's table of inputs: name, default and meaning cells. */
function readmeInputRows(text: string): { name: string; default: string; meaning: string }[] {
  const lines = text.split('\n')
  const rows: { name: string; default: string; meaning: string }[] = []
  for (let i = lines.indexOf('| input | default | meaning |') + 2; lines[i]?.startsWith('|'); i++) {
    const [name, def, meaning] = lines[i]!.slice(1, -1)
      .split(' | ')
      .map((c) => c.trim())
    rows.push({ name: name!.replaceAll('`', ''), default: def!, meaning: meaning! })
  }
  return rows
}

describe('action.yml', () => {
  const inputs = actionYmlInputs(ACTION_YML)

  it("declares the table's inputs, in its order, with its defaults", () => {
    expect(inputs.map((i) => i.name)).toEqual(actionInputs().map((o) => o.input))
    for (const o of actionInputs())
      expect(inputs.find((i) => i.name === o.input)?.default, o.input!).toBe(documentedDefault(o))
  })

  it('describes every input, with the values of those that take one of a few', () => {
    for (const o of actionInputs()) {
      const description = inputs.find((i) => i.name === o.input)?.description ?? ''
      expect(description.length, o.input!).toBeGreaterThan(10)
      for (const value of fixedValues(o))
        expect(description.split(/[^a-z0-9]+/i), `${o.input}: ${value}`).toContain(value)
    }
    const versions = inputs.find((i) => i.name === 'systemd-version')!.description.match(/\b\d{3}\b/g)
    expect(versions).toEqual([...SYSTEMD_VERSIONS])
    expect(inputs.find((i) => i.name === 'systemd-version')!.description).toContain('OLDEST-NEWEST')
  })
})

describe('the README', () => {
  it("documents the table's inputs, in its order, with its defaults and values", () => {
    const rows = readmeInputRows(README)
    expect(rows.map((r) => r.name)).toEqual(actionInputs().map((o) => o.input))
    for (const o of actionInputs()) {
      const row = rows.find((r) => r.name === o.input) ?? { default: 'missing', meaning: '' }
      expect(row.default, o.input!).toBe(documentedDefault(o) === '' ? '—' : `\`${documentedDefault(o)}\``)
      for (const value of fixedValues(o)) expect(row.meaning, `${o.input}: ${value}`).toContain(`\`${value}\``)
    }
  })

  it('uses only inputs in the example workflow, with their defaults where it says "(default)"', () => {
    const example = README.slice(
      README.indexOf('        with:\n'),
      README.indexOf('```', README.indexOf('        with:\n')),
    )
    const used = [...example.matchAll(/^ {10}#? ?([a-z-]+): '?([^'\s]*)'?(.*)$/gm)]
    expect(used.length).toBeGreaterThan(2)
    for (const [, name, value, rest] of used) {
      const option = actionInputs().find((o) => o.input === name)
      expect(option, name).toBeDefined()
      if (rest!.includes('(default)')) expect(value, name).toBe(documentedDefault(option!))
    }
  })

  it('shows the synopses the option table makes (npm run gen:docs rewrites them)', () => {
    expect(synopsesShown(README)).toEqual(['conformance', 'score', 'recommend', 'diff'])
    expect(withCurrentSynopses(README)).toBe(README)
  })

  it('documents every option of every command, with what it does', () => {
    for (const command of COMMAND_NAMES) {
      const rows = optionLines(command).join('\n')
      expect(README, command).toContain(rows)
      for (const o of commandOptions(command))
        expect(rows, `${command} --${o.flag}`).toMatch(new RegExp(`^  --${o.flag}( [a-z]+)? +\\S`, 'm'))
    }
    for (const flag of GLOBAL_FLAGS)
      expect(README).toContain(`\`systemd-exposure ${flag === '--help' ? 'COMMAND --help' : flag}\``)
  })

  it('names no flag that the table does not have', () => {
    for (const [flag] of README.matchAll(/--[a-z][a-z-]*/g))
      expect(TABLE_FLAGS.has(flag) || OTHER_PROGRAMS_FLAGS.has(flag), flag).toBe(true)
  })

  it('names the supported versions, the default and the boolean words', () => {
    const last = SYSTEMD_VERSIONS.at(-1)
    expect(README).toContain(`systemd **${SYSTEMD_VERSIONS.slice(0, -1).join(', ')} and ${last}**`)
    expect(README).toContain(`The default systemd version is **${DEFAULT_SYSTEMD_VERSION}**`)
    const values = README.slice(README.indexOf('**Values.**'))
    for (const word of [...BOOLEAN_WORDS.true, ...BOOLEAN_WORDS.false]) expect(values).toContain(`\`${word}\``)
  })
})

describe('the usage text', () => {
  const full = usageText()
  const short = usageText(false)

  it('shows every command with its synopsis, options and formats', () => {
    for (const command of COMMAND_NAMES) {
      const section = full.slice(full.indexOf(`\n  ${command} `), full.indexOf('\n\n', full.indexOf(`\n  ${command} `)))
      expect(section).toContain(synopsis(command, `  ${command} `).join('\n'))
      expect(short).toContain(synopsis(command, `  ${command} `).join('\n'))
      for (const o of commandOptions(command)) {
        if (o.flag === 'format') {
          for (const f of OUTPUT_FORMATS[command]!)
            expect(section).toMatch(new RegExp(`--format ${f.name} +${f.description.split(' ')[0]}`))
        } else expect(section).toMatch(new RegExp(`\\n {6}--${o.flag} +${o.description.split(' ')[0]}`))
      }
    }
  })

  it("every flag each command's help shows is one its parser takes", () => {
    for (const command of COMMAND_NAMES) {
      const options = commandOptions(command)
      const shown = new Set(
        [...commandHelp(command).matchAll(/--[a-z][a-z-]*/g)]
          .map((m) => m[0])
          .filter((f) => !OTHER_PROGRAMS_FLAGS.has(f)),
      )
      expect(shown.size, command).toBeGreaterThan(0)
      for (const flag of shown) {
        if ((GLOBAL_FLAGS as readonly string[]).includes(flag)) continue
        expect(() => parseCommandLine([`${flag}=x`], options), `${command} ${flag}`).not.toThrow(/Unknown option/)
      }
    }
  })

  it('names no flag that the table does not have, and every supported version', () => {
    for (const [flag] of full.matchAll(/--[a-z][a-z-]*/g))
      expect(TABLE_FLAGS.has(flag) || OTHER_PROGRAMS_FLAGS.has(flag), flag).toBe(true)
    expect(full).toContain(`--systemd-version ${SYSTEMD_VERSIONS.join('|')}`)
    expect(full).toContain(`(default: $SYSTEMD_EXPOSURE_VERSION, else ${DEFAULT_SYSTEMD_VERSION})`)
  })
})
