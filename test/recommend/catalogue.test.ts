import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ASSESSORS } from '../../src/model/assessors.js'
import { SYSTEMD_VERSIONS } from '../../src/model/versions.js'
import { CATALOGUE, PHASES, catalogueEntry, honouredBy } from '../../src/recommend/catalogue.js'
import { renderDirectiveDocs } from '../../src/recommend/docs.js'
import { DIRECTIVES } from '../../src/service/directives/index.js'
import { knownUnitKeys } from '../../src/unit/key-parsers.generated.js'

describe('directive catalogue', () => {
  it('has one record per directive value, each in a known phase with a risk tier and texts', () => {
    const ids = CATALOGUE.map((e) => e.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const e of CATALOGUE) {
      expect(e.id).toBe(`${e.directive}=${e.value}`)
      expect(PHASES.map((p) => p.id)).toContain(e.phase)
      expect(['low', 'medium', 'high']).toContain(e.risk)
      expect(e.protects.length).toBeGreaterThan(10)
      expect(e.breaks.length).toBeGreaterThan(10)
    }
  })

  it('names only real assessor rows', () => {
    const rows = new Set(ASSESSORS.map((a) => a.id))
    for (const e of CATALOGUE) for (const r of e.improves) expect(rows, `${e.id} → ${r}`).toContain(r)
  })

  it('covers the rows the phases are meant to improve', () => {
    const improved = new Set(CATALOGUE.flatMap((e) => e.improves))
    for (const row of [
      'NoNewPrivileges=',
      'CapabilityBoundingSet=~CAP_SYS_ADMIN',
      'SystemCallFilter=~@mount',
      'RestrictNamespaces=~user',
      'RestrictAddressFamilies=~AF_PACKET',
      'User=/DynamicUser=',
      'IPAddressDeny=',
    ]) {
      expect(improved).toContain(row)
    }
  })

  it('names directives the target systemd knows in [Service]', () => {
    for (const v of SYSTEMD_VERSIONS) {
      const known = knownUnitKeys(v)
      for (const e of CATALOGUE) {
        const key = `Service.${e.directive}`
        expect(known.has(key) || DIRECTIVES.has(key), `${v} ${key}`).toBe(true)
      }
    }
  })

  it('gates each value by the oldest supported systemd that honours it', () => {
    expect(catalogueEntry('PrivateTmp=disconnected').minVersion).toBe('257')
    expect(honouredBy(catalogueEntry('PrivateTmp=disconnected'), '254')).toBe(false)
    expect(honouredBy(catalogueEntry('PrivateTmp=disconnected'), '257')).toBe(true)
    expect(catalogueEntry('ProtectClock=yes').since).toBe(245)
    for (const e of CATALOGUE) {
      const first = SYSTEMD_VERSIONS.find((v) => Number(v) >= e.since)
      expect(e.minVersion).toBe(first)
      for (const v of SYSTEMD_VERSIONS) expect(honouredBy(e, v)).toBe(Number(v) >= e.since)
    }
  })

  it('is what docs/directives.md says (npm run gen:docs regenerates it)', () => {
    const docs = renderDirectiveDocs()
    expect(docs.split('\n')[0]).toMatch(/generated .* do not edit/)
    for (const e of CATALOGUE) expect(docs).toContain(`### \`${e.id}\``)
    expect(readFileSync(new URL('../../docs/directives.md', import.meta.url), 'utf8')).toBe(docs)
  })
})
