import { describe, expect, it } from 'vitest'
import { findWaivers } from '../../src/diff/waivers.js'
import { lineSpans } from '../../src/unit/line-ends.js'

const lines = (text: string) => [...lineSpans(text)].map((l) => text.slice(l.start, l.end))

describe('physical lines as read_line_full() ends them (attack1 B4)', () => {
  it('takes \\r\\n\\0 and \\n\\r\\0 as one line end, \\0\\n and \\n\\n as two', () => {
    expect(lines('a\r\n\0b\n\r\0c\0\nd\n\ne')).toEqual(['a', 'b', 'c', '', 'd', '', 'e'])
  })

  it('has no empty line after a final terminator and counts a last line without one', () => {
    expect(lines('a\r\n\0')).toEqual(['a'])
    expect(lines('a\nb')).toEqual(['a', 'b'])
    expect(lines('')).toEqual([])
  })

  it('numbers waiver comments as the loader numbers assignments', () => {
    // The NUL after \r\n belongs to that line end, so the waiver is line 3 and covers line 4.
    const text =
      '[Service]\nUser=app\r\n\0# systemd-exposure: allow CAP_NET_ADMIN -- vpn\nAmbientCapabilities=CAP_NET_ADMIN\n'
    const { waivers, problems } = findWaivers('a.service', Buffer.from(text))
    expect(problems).toEqual([])
    expect(waivers).toMatchObject([{ capabilities: ['CAP_NET_ADMIN'], line: 3, nextLine: 4 }])
  })
})
