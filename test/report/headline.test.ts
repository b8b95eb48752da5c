/** The verdict line never hides what the gate did not check, nor a pass that rests on the change's own waivers (red team A03, A04). */
import { describe, expect, it } from 'vitest'
import { annotations } from '../../src/action/annotations.js'
import { DEFAULT_GATE } from '../../src/diff/gate.js'
import { headline } from '../../src/report/headline.js'
import { renderMarkdown } from '../../src/report/markdown.js'
import { review, TIGHT_UNIT } from '../helpers/review.js'

const base = { 'units/api.service': TIGHT_UNIT(), 'units/db.service': TIGHT_UNIT() }
const widen = (caps: string, waiver = '') =>
  TIGHT_UNIT(`${waiver}AmbientCapabilities=${caps}\nCapabilityBoundingSet=${caps}\n`)
const WAIVE_SYS_ADMIN = '# systemd-exposure: allow CAP_SYS_ADMIN -- needed for the new mount feature\n'

describe('the headline', () => {
  it('says a pass rests on a waiver the pull request adds, and where', () => {
    const r = review(base, { 'units/api.service': widen('CAP_SYS_ADMIN', WAIVE_SYS_ADMIN) })
    expect(headline(r)).toBe(
      '✅ **systemd-exposure: pass** — 1 unit changed, 1 privilege widening, all accepted. It passes because this pull request adds a waiver for CAP_SYS_ADMIN at `units/api.service:9`.',
    )
  })

  it('never says "all accepted" when the gate is off and nothing accepts a widening: it counts them as not gated', () => {
    const gate = { ...DEFAULT_GATE, failOnCapabilityWidening: false }
    const none = review(base, { 'units/api.service': widen('CAP_SYS_ADMIN') }, { gate })
    expect(none.verdict).toBe('pass')
    expect(headline(none)).toBe(
      '✅ **systemd-exposure: pass** — 1 unit changed, 1 privilege widening not gated (fail-on-capability-widening is off).',
    )
    const some = review(
      base,
      {
        'units/api.service': widen('CAP_SYS_ADMIN'),
        'units/db.service': widen('CAP_KILL', '# systemd-exposure: allow CAP_KILL -- ok\n'),
      },
      { gate },
    )
    expect(headline(some)).toBe(
      '✅ **systemd-exposure: pass** — 2 units changed, 1 privilege widening accepted, 1 privilege widening not gated (fail-on-capability-widening is off). This pull request adds a waiver for CAP_KILL at `units/db.service:9`.',
    )
    for (const r of [none, some]) expect(renderMarkdown(r)).not.toMatch(/all accepted/)
  })

  it('names several waivers and counts the rest; a failing report keeps the mark on its own line', () => {
    const files: Record<string, string> = {}
    for (const n of ['a', 'b', 'c', 'd'])
      files[`units/${n}.service`] = widen(
        'CAP_KILL CAP_CHOWN',
        '# systemd-exposure: allow CAP_KILL CAP_CHOWN -- setup\n',
      )
    files['units/api.service'] = widen('CAP_SYS_ADMIN')
    const r = review(base, files)
    expect(r.verdict).toBe('fail')
    const md = renderMarkdown(r)
    expect(md.split('\n')[2]).toBe(
      '⚠️ This pull request accepts its own widening: it adds waivers for CAP_CHOWN and CAP_KILL at `units/a.service:9`, for CAP_CHOWN and CAP_KILL at `units/b.service:9`, for CAP_CHOWN and CAP_KILL at `units/c.service:9` and 1 more.',
    )
  })
})

describe('annotations', () => {
  it("a widening accepted only by the change's own waiver is a warning (an error when the gate refuses such waivers), before regressions", () => {
    const self = review(base, { 'units/api.service': widen('CAP_SYS_ADMIN', WAIVE_SYS_ADMIN) })
    const [first] = annotations(self, '').shown
    expect(first).toMatchObject({ level: 'warning', file: 'units/api.service', line: 10 })
    expect(first!.message).toBe(
      'new ambient capabilities (accepted only by a waiver this pull request adds, at units/api.service:9: needed for the new mount feature)',
    )
    const refused = review(
      base,
      { 'units/api.service': widen('CAP_SYS_ADMIN', WAIVE_SYS_ADMIN) },
      { gate: { ...DEFAULT_GATE, failOnNewWaiver: true } },
    )
    expect(annotations(refused, '').shown[0]).toMatchObject({ level: 'error' })
    const allowed = review(
      base,
      { 'units/api.service': widen('CAP_SYS_ADMIN') },
      { allow: [{ unit: null, capability: 'CAP_SYS_ADMIN' }] },
    )
    expect(annotations(allowed, '').shown.find((a) => a.title.includes('now holds'))).toMatchObject({
      level: 'notice',
      line: 9,
    })
  })
})
