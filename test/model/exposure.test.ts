import { describe, expect, it } from 'vitest'
import { ASSESSORS } from '../../src/model/assessors.js'
import { formatExposure, verdictOf } from '../../src/model/exposure.js'

describe('exposure arithmetic', () => {
  it('uses systemd verdict bands on the integer exposure', () => {
    expect([100, 99, 90, 89, 75, 74, 50, 49, 10, 9, 1, 0].map(verdictOf)).toEqual([
      'DANGEROUS',
      'UNSAFE',
      'UNSAFE',
      'EXPOSED',
      'EXPOSED',
      'MEDIUM',
      'MEDIUM',
      'OK',
      'OK',
      'SAFE',
      'SAFE',
      'PERFECT',
    ])
    expect([96, 5, 100, 0].map(formatExposure)).toEqual(['9.6', '0.5', '10.0', '0.0'])
  })

  it("has systemd's 81 assessors with their weights", () => {
    expect(ASSESSORS).toHaveLength(81)
    expect(ASSESSORS.reduce((s, a) => s + a.weight, 0)).toBe(56460)
    expect(new Set(ASSESSORS.map((a) => a.jsonField)).size).toBe(81)
  })
})
