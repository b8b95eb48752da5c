/**
 * docs/security.md names, for each bypass class, the test that closes it. A renamed or deleted
 * test would leave the page pointing at nothing, so every quoted test name in its "closed by"
 * column must match a test title somewhere under test/ (… stands for words left out).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const TEST_ROOT = new URL('..', import.meta.url).pathname
const PAGE = readFileSync(new URL('../../docs/security.md', import.meta.url), 'utf8')

function testSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testSources(path)
    return entry.name.endsWith('.ts') ? [readFileSync(path, 'utf8')] : []
  })
}

/** The quoted names in the last column of the page's tables. */
function citedTestNames(page: string): string[] {
  const names: string[] = []
  for (const line of page.split('\n')) {
    if (!line.startsWith('| ') || line.startsWith('| class') || line.startsWith('|---')) continue
    const cells = line.split(' | ')
    const closedBy = cells[cells.length - 1]!
    for (const m of closedBy.matchAll(/"([^"]+)"/g)) names.push(m[1]!)
  }
  return names
}

describe('docs/security.md', () => {
  const sources = testSources(TEST_ROOT).join('\n')
  const names = citedTestNames(PAGE)

  it('cites tests', () => {
    expect(names.length).toBeGreaterThan(40)
  })

  it.each(names)('cites a test that exists: %s', (name) => {
    // A title is on one line of its source; an apostrophe may be written there as \'.
    const pattern = name
      .split('…')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "\\\\?'"))
      .join('[^\\n]*')
    expect(new RegExp(pattern).test(sources), `no test title matches "${name}"`).toBe(true)
  })
})
