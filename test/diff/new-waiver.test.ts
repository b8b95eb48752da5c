/** A pull request that accepts its own widening with a waiver it adds (red team A03). */
import { describe, expect, it } from 'vitest'
import { DEFAULT_GATE } from '../../src/diff/gate.js'
import { review, TIGHT_UNIT } from '../helpers/review.js'

const WAIVER = '# systemd-exposure: allow CAP_SYS_ADMIN -- needed for the new mount feature\n'
const SYS_ADMIN = 'AmbientCapabilities=CAP_SYS_ADMIN\nCapabilityBoundingSet=CAP_SYS_ADMIN\n'
const selfWaived = { 'units/api.service': TIGHT_UNIT(`${WAIVER}${SYS_ADMIN}`) }
const base = { 'units/api.service': TIGHT_UNIT() }

describe('fail-on-new-waiver', () => {
  it('off (the default): the waiver accepts the widening, marked as added by this change', () => {
    const r = review(base, selfWaived)
    expect(r.verdict).toBe('pass')
    expect(r.services[0]!.capabilities.widened[0]!.accepted).toEqual([
      {
        privilege: 'CAP_SYS_ADMIN',
        by: 'waiver',
        reason: 'needed for the new mount feature',
        file: 'units/api.service',
        line: 9,
        addedInChange: true,
      },
    ])
  })

  it("on: a widening only the change's own waiver accepts fails, naming the waiver's file and line", () => {
    const r = review(base, selfWaived, { gate: { ...DEFAULT_GATE, failOnNewWaiver: true } })
    expect(r.verdict).toBe('fail')
    expect(r.failures).toEqual([
      {
        kind: 'new-waiver',
        unit: 'api.service',
        path: 'units/api.service',
        message:
          'api.service now holds CAP_SYS_ADMIN at start (AmbientCapabilities=, units/api.service:10): accepted only by a waiver this change adds, at units/api.service:9',
      },
    ])
    expect(r.gate.failOnNewWaiver).toBe(true)
  })

  it("on: a waiver base already had, or the workflow's allow-list, still accepts; only what is left fails", () => {
    const gate = { ...DEFAULT_GATE, failOnNewWaiver: true }
    const kept = review(
      { 'units/api.service': TIGHT_UNIT(WAIVER) },
      { 'units/api.service': TIGHT_UNIT(`${WAIVER}${SYS_ADMIN}`) },
      { gate },
    )
    expect(kept.verdict).toBe('pass')
    // A new waiver next to an allow-list entry: the workflow accepts it, not the change.
    const allowed = review(base, selfWaived, { gate, allow: [{ unit: 'api.service', capability: 'CAP_SYS_ADMIN' }] })
    expect(allowed.verdict).toBe('pass')
    expect(allowed.services[0]!.capabilities.widened[0]!.accepted[0]).toMatchObject({
      by: 'allow-list',
      addedInChange: false,
    })
    // A finding also widened beyond any waiver fails once, as a widening.
    const partly = review(
      base,
      {
        'units/api.service': TIGHT_UNIT(
          `${WAIVER}AmbientCapabilities=CAP_SYS_ADMIN CAP_KILL\nCapabilityBoundingSet=CAP_SYS_ADMIN CAP_KILL\n`,
        ),
      },
      { gate },
    )
    expect(partly.failures.map((f) => f.kind)).toEqual(['capability-widening'])
  })
})
