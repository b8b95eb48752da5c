/**
 * Rows that changed, in the comment: in systemd-analyze security's own terms (its text for the
 * row and the exposure the row adds), with a fix that says what to do with the line, and the rows
 * that got better shown briefly.
 */
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../src/report/markdown.js'
import { review } from '../helpers/review.js'

const UNIT = (extra = '') =>
  `[Service]\nExecStart=/usr/bin/api\nUser=api\nNoNewPrivileges=yes\nProtectKernelTunables=yes\nRestrictAddressFamilies=AF_INET AF_UNIX\n${extra}`
/** A row of the regressions table; one service, so no service column. */
const rowLine = (markdown: string, id: string) => markdown.split('\n').find((l) => l.startsWith('| `' + id + '` |'))

describe('regressed rows in the comment', () => {
  it("show systemd-analyze's text for the row and the exposure it adds, as its EXPOSURE column prints it", () => {
    const r = review(
      { 'units/api.service': UNIT() },
      { 'units/api.service': UNIT().replace('ProtectKernelTunables=yes\n', '') },
      { recommend: true },
    )
    const row = r.services[0]!.regressions.find((x) => x.id === 'ProtectKernelTunables=')!
    expect([row.exposureBefore, row.exposureAfter]).toEqual([null, 0.2])
    expect(rowLine(renderMarkdown(r), 'ProtectKernelTunables=')).toBe(
      '| `ProtectKernelTunables=` | Service may alter kernel tunables | — → 0.2 | `units/api.service:5` (removed) | restore `ProtectKernelTunables=yes` |',
    )
    expect(renderMarkdown(r)).not.toMatch(/\d\/1 /)
  })

  it('a line the change added is removed, not "restored"; a list setting is set back after an empty assignment', () => {
    const r = review(
      { 'units/api.service': UNIT() },
      { 'units/api.service': UNIT('AmbientCapabilities=CAP_NET_BIND_SERVICE\nRestrictAddressFamilies=AF_NETLINK\n') },
      { recommend: true },
    )
    const md = renderMarkdown(r)
    expect(rowLine(md, 'AmbientCapabilities=')).toMatch(/\| remove line 7 \|$/)
    expect(rowLine(md, 'RestrictAddressFamilies=~AF_NETLINK')).toMatch(
      /\| set back to `RestrictAddressFamilies=AF_INET AF_UNIX` after an empty `RestrictAddressFamilies=` \|$/,
    )
  })

  it('rows that got better are listed in one line, with the exposure they gave back', () => {
    const r = review(
      { 'units/api.service': UNIT() },
      { 'units/api.service': UNIT('PrivateTmp=yes\nProtectHome=yes\n') },
    )
    expect(r.services[0]!.improvements.map((x) => x.id)).toEqual(['PrivateTmp=', 'ProtectHome='])
    expect(renderMarkdown(r)).toContain('**Improved:** `api.service` `PrivateTmp=` −0.2, `ProtectHome=` −0.2')
  })
})

describe('template units in the comment', () => {
  it('are named as the repository names them, with the instance systemd-analyze analyses in a note', () => {
    const tpl = (extra = '') => `[Service]\nExecStart=/usr/bin/sync -home %h\nUser=%i\nNoNewPrivileges=yes\n${extra}`
    for (const [version, instance] of [
      ['252', 'i'],
      ['257', 'test_instance'],
    ] as const) {
      const md = renderMarkdown(
        review(
          { 'units/syncthing@.service': tpl() },
          { 'units/syncthing@.service': tpl('PrivateTmp=yes\n') },
          { version },
        ),
      )
      expect(md).toContain('| `syncthing@.service` | modified |')
      expect(md).toContain(
        `\`syncthing@.service\` is analysed as \`syncthing@${instance}.service\`, the instance systemd-analyze uses for a template.`,
      )
    }
    // An instance the repository names keeps its name.
    const named = renderMarkdown(
      review(
        { 'units/app@.service': tpl(), 'units/app@main.service.d/x.conf': '[Service]\n' },
        { 'units/app@main.service.d/x.conf': '[Service]\nPrivateTmp=yes\n' },
      ),
    )
    expect(named).toContain('| `app@main.service` |')
    expect(named).not.toContain('is analysed as')
  })
})
