import { describe, expect, it } from 'vitest'
import { SYSTEMD_VERSIONS } from '../../src/model/versions.js'
import { ALLOW_ENTRY, BOOLEAN, PATH_PATTERN, SCORE, SYSTEMD_VERSION, THRESHOLD } from '../../src/options/value-types.js'

describe('value types', () => {
  it('BOOLEAN: true, yes, on, 1 and false, no, off, 0 in any case, nothing else', () => {
    for (const word of ['true', 'True', 'TRUE', 'yes', 'YES', 'on', 'oN', '1'])
      expect(BOOLEAN.parse(word), word).toBe(true)
    for (const word of ['false', 'False', 'FALSE', 'no', 'No', 'off', 'OFF', '0'])
      expect(BOOLEAN.parse(word), word).toBe(false)
    for (const word of ['', 'y', 'n', 't', 'tru', '2', ' true', 'enable'])
      expect(BOOLEAN.parse(word), word).toBeUndefined()
  })

  it("SCORE: 0.0 to 10.0 with at most one decimal, as systemd prints scores; '' is no limit", () => {
    for (const [text, value] of [
      ['0', 0],
      ['0.0', 0],
      ['7', 7],
      ['9.9', 9.9],
      ['10', 10],
      ['10.0', 10],
    ] as const)
      expect(SCORE.parse(text), text).toBe(value)
    for (const text of ['10.1', '11', '-1', '7.25', '.5', '5.', ' 5', '1e1', 'high'])
      expect(SCORE.parse(text), text).toBeUndefined()
    expect(SCORE.parse('')).toBeNull()
  })

  it('THRESHOLD: an integer from 0 to 100', () => {
    expect(THRESHOLD.parse('0')).toBe(0)
    expect(THRESHOLD.parse('100')).toBe(100)
    for (const text of ['101', '-1', '9.6', '', 'x']) expect(THRESHOLD.parse(text), text).toBeUndefined()
  })

  it('SYSTEMD_VERSION: exactly the supported versions', () => {
    for (const v of SYSTEMD_VERSIONS) expect(SYSTEMD_VERSION.parse(v)).toBe(v)
    for (const v of ['250', '253', '', 'latest']) expect(SYSTEMD_VERSION.parse(v), v).toBeUndefined()
    expect(SYSTEMD_VERSION.placeholder).toBe(SYSTEMD_VERSIONS.join('|'))
  })

  it('ALLOW_ENTRY and PATH_PATTERN', () => {
    expect(ALLOW_ENTRY.parse('foo.service:cap_kill')).toEqual({ unit: 'foo.service', capability: 'CAP_KILL' })
    expect(ALLOW_ENTRY.parse(':CAP_KILL')).toBeUndefined()
    expect(PATH_PATTERN.parse('!a/**')).toEqual({ glob: 'a/**', exclude: true })
    expect(PATH_PATTERN.parse('a/**')).toEqual({ glob: 'a/**', exclude: false })
    expect(PATH_PATTERN.parse('!')).toBeUndefined()
  })
})
