/**
 * SARIF and GitLab Code Quality from real reviews: SARIF validated against the official SARIF
 * 2.1.0 schema (vendored in test/schemas from oasis-tcs/sarif-spec), Code Quality against the
 * fields GitLab's merge-request widget reads.
 */
import { readFileSync } from 'node:fs'
import AjvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { DEFAULT_GATE } from '../../src/diff/gate.js'
import { mergeOnlyWidenings, withMergeResult } from '../../src/diff/merge-check.js'
import { codeQualityIssues } from '../../src/report/codequality.js'
import { FINGERPRINT_KEY, pathUri, renderSarif } from '../../src/report/sarif.js'
import { review, TIGHT_UNIT } from '../helpers/review.js'

const schema = JSON.parse(readFileSync(new URL('../schemas/sarif-schema-2.1.0.json', import.meta.url), 'utf8'))
// Both are CommonJS modules whose exports also carry themselves as `default`.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false })
ajvFormats.default(ajv)
const validate = ajv.compile(schema)

interface SarifResult {
  ruleId: string
  ruleIndex: number
  level: string
  message: { text: string }
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[]
  partialFingerprints: Record<string, string>
  suppressions?: { kind: string; justification: string }[]
}

function sarifOf(report: Parameters<typeof renderSarif>[0], options?: Parameters<typeof renderSarif>[1]) {
  const log = JSON.parse(renderSarif(report, options))
  const ok = validate(log)
  expect(validate.errors ?? [], 'schema errors').toEqual([])
  expect(ok).toBe(true)
  return log as { runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: SarifResult[] }[] }
}

const BASE = {
  'units/api.service': TIGHT_UNIT(),
  'units/web.service': '[Service]\nExecStart=/usr/bin/web\nUser=web\nNoNewPrivileges=yes\nPrivateTmp=yes\n',
}

describe('SARIF', () => {
  it('files a widening, a self-waived widening and a regression, valid against the SARIF 2.1.0 schema', () => {
    const report = review(BASE, {
      'units/api.service': TIGHT_UNIT('AmbientCapabilities=CAP_NET_RAW\nCapabilityBoundingSet=CAP_NET_RAW\n'),
      'units/web.service':
        '[Service]\nExecStart=/usr/bin/web\nUser=web\nNoNewPrivileges=yes\n# systemd-exposure: allow CAP_NET_BIND_SERVICE -- port 80\nAmbientCapabilities=CAP_NET_BIND_SERVICE\n',
    })
    const run = sarifOf(report).runs[0]!
    const byRule = (id: string) => run.results.filter((r) => r.ruleId === id)
    const [api, web] = [
      byRule('capability/held').find((r) => r.message.text.startsWith('api.service'))!,
      byRule('capability/held').find((r) => r.message.text.startsWith('web.service'))!,
    ]
    expect(api.level).toBe('error')
    expect(api.message.text).toContain(
      'api.service now holds CAP_NET_RAW at start (AmbientCapabilities=, units/api.service:',
    )
    expect(api.locations[0]!.physicalLocation.artifactLocation.uri).toBe('units/api.service')
    expect(api.locations[0]!.physicalLocation.region.startLine).toBe(9)
    // The change's own waiver accepts it, so it does not fail; but nobody agreed to it yet.
    expect(web.level).toBe('warning')
    expect(web.suppressions).toBeUndefined()
    // PrivateTmp= removed: a line of base, so the finding points at the unit's file.
    const tmp = byRule('exposure/PrivateTmp=')[0]!
    expect(tmp.message.text).toContain('(units/web.service:5 removed)')
    expect(tmp.locations[0]!.physicalLocation.region.startLine).toBe(1)
    expect(['warning', 'note']).toContain(tmp.level)
    // Every result's rule is in the driver's table, with the man page of its directive.
    const rules = run.tool.driver.rules
    for (const r of run.results) expect(rules[r.ruleIndex]!.id).toBe(r.ruleId)
    expect(rules.find((r) => r.id === 'exposure/PrivateTmp=')!.helpUri).toBe(
      'https://www.freedesktop.org/software/systemd/man/latest/systemd.exec.html#PrivateTmp=',
    )
  })

  it('suppresses a widening a waiver of base accepts (inSource) or the allow-list does (external)', () => {
    const waived =
      '[Service]\nExecStart=/usr/bin/web\nUser=web\nNoNewPrivileges=yes\n# systemd-exposure: allow CAP_NET_BIND_SERVICE CAP_NET_RAW -- port 80 and ping\nAmbientCapabilities=CAP_NET_BIND_SERVICE\n'
    const report = review(
      { ...BASE, 'units/web.service': waived },
      {
        'units/web.service': waived.replace(
          'AmbientCapabilities=CAP_NET_BIND_SERVICE',
          'AmbientCapabilities=CAP_NET_BIND_SERVICE CAP_NET_RAW',
        ),
        'units/api.service': TIGHT_UNIT('AmbientCapabilities=CAP_CHOWN\nCapabilityBoundingSet=CAP_CHOWN\n'),
      },
      { allow: [{ unit: 'api.service', capability: 'CAP_CHOWN' }] },
    )
    const results = sarifOf(report).runs[0]!.results.filter((r) => r.ruleId === 'capability/held')
    const web = results.find((r) => r.message.text.startsWith('web.service'))!
    const api = results.find((r) => r.message.text.startsWith('api.service'))!
    expect(web.level).toBe('note')
    expect(web.suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'waiver at units/web.service:5: port 80 and ping' },
    ])
    expect(api.suppressions![0]!.kind).toBe('external')
  })

  it("keeps a finding's fingerprint when lines above it move, and tells two findings apart", () => {
    const change = TIGHT_UNIT('AmbientCapabilities=CAP_NET_RAW\nCapabilityBoundingSet=CAP_NET_RAW\n')
    const first = sarifOf(review(BASE, { 'units/api.service': change })).runs[0]!.results
    const moved = sarifOf(review(BASE, { 'units/api.service': `# a comment\n# and another\n${change}` })).runs[0]!
      .results
    const key = (rs: SarifResult[]) =>
      rs
        .filter((r) => r.ruleId === 'capability/held')
        .map((r) => [r.partialFingerprints[FINGERPRINT_KEY], r.locations[0]!.physicalLocation.region.startLine])
    const [[fp1, line1]] = key(first) as [[string, number]]
    const [[fp2, line2]] = key(moved) as [[string, number]]
    expect(line2).toBe(line1 + 2)
    expect(fp2).toBe(fp1)
    const all = first.map((r) => r.partialFingerprints[FINGERPRINT_KEY])
    expect(new Set(all).size).toBe(all.length)
  })

  it('files an unreadable unit and a unit systemd refuses; a unit under the working directory gets its prefix', () => {
    const report = review(
      BASE,
      {
        // A build template whose user is a placeholder nobody knows: not readable in full.
        'units/templated.service.in': '[Service]\nExecStart=@bindir@/templated\nUser=@app_user@\n',
        'units/broken.service': '[Service]\nUser=x\n',
      },
      { gate: { ...DEFAULT_GATE, failOnInvalidUnit: true } },
    )
    const results = sarifOf(report, { pathPrefix: 'deploy/' }).runs[0]!.results
    const unreadable = results.filter((r) => r.ruleId === 'unit/unreadable')
    const invalid = results.filter((r) => r.ruleId === 'unit/invalid')
    expect(unreadable.map((r) => [r.level, r.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual([
      ['error', 'deploy/units/templated.service.in'],
    ])
    expect(invalid.map((r) => [r.level, r.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual([
      ['error', 'deploy/units/broken.service'],
    ])
  })

  it("files a widening only the pull request's merge result shows, at its line", () => {
    const unit = (caps: string) => TIGHT_UNIT(`AmbientCapabilities=${caps}\nCapabilityBoundingSet=${caps}\n`)
    const dropIn = {
      'units/api.service.d/10-tuning.conf':
        '[Service]\nAmbientCapabilities=CAP_SYS_ADMIN\nCapabilityBoundingSet=CAP_SYS_ADMIN\n',
    }
    // From the merge base the unit already held CAP_SYS_ADMIN; main removed it since.
    const change = review({ 'units/api.service': unit('CAP_NET_ADMIN CAP_SYS_ADMIN') }, dropIn)
    const merged = review({ 'units/api.service': unit('CAP_NET_ADMIN') }, dropIn)
    const check = {
      checked: true as const,
      from: 'b'.repeat(40),
      to: 'c'.repeat(40),
      how: 'merge-commit' as const,
      widened: mergeOnlyWidenings(change, merged),
    }
    const report = withMergeResult(
      change,
      { from: 'd'.repeat(40), to: 'a'.repeat(40), what: 'merge-base' },
      check,
      'main',
      DEFAULT_GATE,
    )
    expect(change.failures).toEqual([])
    const results = sarifOf(report).runs[0]!.results.filter((r) => r.message.text.includes('once merged'))
    expect(results).toHaveLength(1)
    expect(results[0]).toMatchObject({ ruleId: 'capability/held', level: 'error' })
    expect(results[0]!.locations[0]!.physicalLocation).toMatchObject({
      artifactLocation: { uri: 'units/api.service.d/10-tuning.conf' },
      region: { startLine: 2 },
    })
    expect(codeQualityIssues(report).filter((i) => i.description.includes('once merged'))).toHaveLength(1)
  })

  it('the schema check refuses what is not SARIF', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [{ message: {} }] }] })).toBe(false)
  })

  it('writes paths as URI references: spaces, percent signs and bytes that are not UTF-8 escaped', () => {
    expect(pathUri('units/my app%.service')).toBe('units/my%20app%25.service')
    expect(pathUri('units/\udcff.service')).toBe('units/%FF.service')
    expect(pathUri('units/é.service')).toBe('units/%C3%A9.service')
  })
})

describe('GitLab Code Quality', () => {
  it('has the fields the merge-request widget reads, one fingerprint per issue; accepted widenings are left out', () => {
    const waived =
      '[Service]\nExecStart=/usr/bin/web\nUser=web\nNoNewPrivileges=yes\n# systemd-exposure: allow CAP_NET_BIND_SERVICE -- port 80\nAmbientCapabilities=CAP_NET_BIND_SERVICE\n'
    const report = review(
      { ...BASE, 'units/web.service': waived },
      {
        'units/web.service': waived + 'ExecStartPre=/usr/bin/true\n',
        'units/api.service': TIGHT_UNIT('AmbientCapabilities=CAP_NET_RAW\nCapabilityBoundingSet=CAP_NET_RAW\n').replace(
          'NoNewPrivileges=yes\n',
          '',
        ),
      },
    )
    const issues = codeQualityIssues(report)
    expect(issues.length).toBeGreaterThan(0)
    for (const i of issues) {
      expect(Object.keys(i).sort()).toEqual([
        'categories',
        'check_name',
        'description',
        'fingerprint',
        'location',
        'severity',
        'type',
      ])
      expect(i.fingerprint).toMatch(/^[0-9a-f]{64}$/)
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(i.severity)
      expect(i.location.lines.begin).toBeGreaterThanOrEqual(1)
    }
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length)
    const held = issues.find((i) => i.check_name === 'capability/held')!
    expect(held).toMatchObject({ severity: 'critical', location: { path: 'units/api.service' } })
    // web.service's widening was accepted by a waiver base already had: nothing to file.
    expect(issues.some((i) => i.description.startsWith('web.service') && i.check_name.startsWith('capability/'))).toBe(
      false,
    )
  })
})
