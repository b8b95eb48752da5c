/** Words looked up in tables of names: only the names themselves, nothing an object inherits. */
import { expect, it } from 'vitest'
import { assessUnitFile } from '../../src/engine.js'
import { memorySource } from '../../src/unit/source.js'

function restrictNamespaces(value: string) {
  const r = assessUnitFile(
    memorySource({ 'n.service': `[Service]\nExecStart=/bin/true\nRestrictNamespaces=${value}\n` }),
    'n.service',
    {
      version: '252',
    },
  )
  if (!r.ok) throw new Error(r.error)
  return { flags: r.service.state.restrictNamespaces, messages: r.diagnostics.map((d) => d.message) }
}

it('ignores a line naming an inherited property such as constructor, as an unknown namespace', () => {
  for (const word of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    const r = restrictNamespaces(`net ${word}`)
    expect(r.flags).toBeNull()
    expect(r.messages.join('\n')).toContain(`Failed to parse namespace type string, ignoring: net ${word}`)
  }
})

it('reads the namespace names it knows', () => {
  expect(restrictNamespaces('net time').flags).toBe(0x40000000 | 0x00000080)
})

it('SecureBits= sets no bit for a word an object inherits', () => {
  const r = assessUnitFile(
    memorySource({ 's.service': '[Service]\nExecStart=/bin/true\nSecureBits=constructor toString keep-caps\n' }),
    's.service',
    { version: '252' },
  )
  if (!r.ok) throw new Error(r.error)
  expect(r.service.state.secureBits).toBe(1 << 4)
})
