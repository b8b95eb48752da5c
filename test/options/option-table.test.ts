/** The option table's own rules: what every entry must be for the parsers and the docs to work. */
import { describe, expect, it } from 'vitest'
import { formatOption } from '../../src/cli/format-option.js'
import { OUTPUT_FORMATS } from '../../src/cli/output-formats.js'
import { COMMAND_NAMES } from '../../src/cli/usage-text.js'
import { actionInputs, ALL_OPTIONS, commandOptions, OPTIONS } from '../../src/options/option-table.js'
import { defaultValue } from '../../src/options/read-option.js'
import { BOOLEAN } from '../../src/options/value-types.js'

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/

describe('the option table', () => {
  it('gives every option a flag with its commands, an input, or both', () => {
    for (const o of ALL_OPTIONS) {
      expect(o.flag !== null || o.input !== null, o.description).toBe(true)
      expect(o.flag === null ? o.commands.length === 0 : o.commands.length > 0, `${o.flag}: commands`).toBe(true)
      for (const name of [o.flag, o.input]) if (name !== null) expect(name).toMatch(KEBAB)
      expect(o.description.length, `${o.flag ?? o.input}`).toBeGreaterThan(10)
      if (o.env !== undefined) expect(o.flag, 'an environment variable stands in for a flag').not.toBeNull()
      if (o.runnerDefault !== undefined) expect(o.input, 'a runner default is an input default').not.toBeNull()
    }
  })

  it('has one option per flag of a command and per input', () => {
    for (const command of COMMAND_NAMES) {
      const flags = commandOptions(command).map((o) => o.flag)
      expect(new Set(flags).size, command).toBe(flags.length)
    }
    const inputs = actionInputs().map((o) => o.input)
    expect(new Set(inputs).size).toBe(inputs.length)
    expect(new Set(ALL_OPTIONS.flatMap((o) => o.commands))).toEqual(new Set(COMMAND_NAMES))
  })

  it('has defaults its types accept; lists have none', () => {
    for (const o of ALL_OPTIONS) {
      expect(() => defaultValue(o), `${o.flag ?? o.input}`).not.toThrow()
      if (o.list) expect(o.default).toBe('')
      if (o.type === BOOLEAN) expect(['true', 'false']).toContain(o.default)
    }
  })

  it('gives every command with --format a table of formats, and only those', () => {
    for (const command of COMMAND_NAMES) {
      const formats = OUTPUT_FORMATS[command]
      expect(formats !== undefined, command).toBe(OPTIONS.format.commands.includes(command))
      if (!formats) continue
      const names = formats.map((f) => f.name)
      expect(new Set(names).size).toBe(names.length)
      for (const f of formats) {
        expect(f.name).toMatch(KEBAB)
        expect(f.description.length).toBeGreaterThan(10)
      }
      expect(defaultValue(formatOption(formats))).toBe(names[0])
    }
  })
})
