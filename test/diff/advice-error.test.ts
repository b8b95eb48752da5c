/**
 * Advice is extra, and a failure computing it is reported, not hidden: the review keeps its
 * scores and verdict, and says which unit's advice failed and why.
 */
import { describe, expect, it } from 'vitest'
import { diffSnapshots } from '../../src/diff/diff.js'
import { DEFAULT_GATE } from '../../src/diff/gate.js'
import { RepoTree, type RepoEntry } from '../../src/diff/repo-tree.js'
import { treeSnapshot } from '../../src/diff/snapshot.js'
import { renderMarkdown } from '../../src/report/markdown.js'

const UNIT = '[Service]\nExecStart=/usr/bin/web\nUser=web\n'
const SOCKET = '[Socket]\nListenStream=8080\n'

/** A revision whose socket unit cannot be read by a bug-like error (not an unreadable file). */
function revision(rev: string, service: string, socketFails: boolean) {
  const files = new Map([
    ['svc/web.service', Buffer.from(service)],
    ['svc/web.socket', Buffer.from(SOCKET)],
  ])
  const entries = new Map<string, RepoEntry>([...files].map(([p, b]) => [p, { kind: 'file', size: b.length }]))
  return treeSnapshot(rev, new RepoTree(entries), (p) => {
    if (socketFails && p === 'svc/web.socket') throw new TypeError('simulated bug reading the socket')
    return files.get(p)!
  })
}

describe('advice that fails', () => {
  const run = (socketFails: boolean) =>
    diffSnapshots(
      revision('b'.repeat(40), UNIT, false),
      revision('a'.repeat(40), `${UNIT}PrivateTmp=yes\n`, socketFails),
      [{ status: 'modified', path: 'svc/web.service' }],
      { version: '252', gate: DEFAULT_GATE, recommend: true },
    )

  it('is reported with its reason; scores and the verdict stand', () => {
    const good = run(false)
    const bad = run(true)
    expect(good.services[0]!.adviceError).toBeUndefined()
    expect(good.services[0]!.recommendation).not.toBeNull()
    const s = bad.services[0]!
    expect(s.adviceError).toBe('simulated bug reading the socket')
    expect(s.recommendation).toBeNull()
    expect([s.before, s.after, bad.verdict]).toEqual([good.services[0]!.before, good.services[0]!.after, good.verdict])
    expect(renderMarkdown(bad)).toContain(
      '- `svc/web.service` (`web.service`): simulated bug reading the socket. A bug in systemd-exposure: please report it',
    )
  })
})
