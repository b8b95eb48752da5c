import { describe, expect, it } from 'vitest'
import { parseUnitFile } from '../../src/unit/syntax.js'

const SECTIONS = new Set(['Unit', 'Service', 'Install'])
const enc = new TextEncoder()
const parse = (text: string | Uint8Array) =>
  parseUnitFile(typeof text === 'string' ? enc.encode(text) : text, 'x.service', SECTIONS)
const pairs = (text: string | Uint8Array) => parse(text).assignments.map((a) => [a.key, a.value, a.line])

describe('unit-file syntax', () => {
  it('reads sections, keys and values, trimming around =', () => {
    expect(pairs('[Service]\n  User =  www \nExecStart=/bin/a b=c\n')).toEqual([
      ['User', 'www', 2],
      ['ExecStart', '/bin/a b=c', 3],
    ])
  })

  it('keeps repeated keys and empty assignments in order', () => {
    expect(pairs('[Service]\nA=1\nA=\nA=2\n')).toEqual([
      ['A', '1', 2],
      ['A', '', 3],
      ['A', '2', 4],
    ])
  })

  it('has no inline comments, and # or ; only start a comment at the line start', () => {
    expect(pairs('[Service]\n# x=1\n  ; y=2\nProtectSystem=strict # no\nZ=a;b\n')).toEqual([
      ['ProtectSystem', 'strict # no', 4],
      ['Z', 'a;b', 5],
    ])
  })

  it('joins continuation lines, skips comment lines inside them, reports the last line', () => {
    expect(pairs('[Service]\nA=one \\\n# gone\n  two\\\nthree\n')).toEqual([['A', 'one    two three', 5]])
  })

  it('does not continue after an escaped backslash', () => {
    expect(pairs('[Service]\nA=x\\\\\nB=y\n')).toEqual([
      ['A', 'x\\\\', 2],
      ['B', 'y', 3],
    ])
  })

  it('treats CR, CRLF, LFCR and NUL as line ends', () => {
    expect(pairs('[Service]\r\nA=1\rB=2\n\rC=3\0D=4')).toEqual([
      ['A', '1', 2],
      ['B', '2', 3],
      ['C', '3', 4],
      ['D', '4', 5],
    ])
  })

  it('drops one BOM at the start of the file', () => {
    expect(pairs('\uFEFF[Service]\nA=1\n')).toEqual([['A', '1', 2]])
  })

  it('stops at a line with invalid UTF-8, naming the line (systemd fails the file)', () => {
    const bytes = Uint8Array.from([...enc.encode('[Service]\nZ=1\nA='), 0xff, 0x0a, ...enc.encode('B=2\n')])
    const r = parse(bytes)
    expect(r.assignments.map((a) => a.key)).toEqual(['Z'])
    expect(r.aborted).toMatchObject({ file: 'x.service', line: 3, severity: 'error', message: 'String is not UTF-8 clean' })
  })

  it('warns about unknown sections, assignments outside sections and lines without =', () => {
    const r = parse('A=0\n[Foo]\nB=1\n[X-Vendor]\nC=2\n[Service]\njunk\n=x\n')
    expect(r.assignments).toEqual([])
    expect(r.diagnostics.map((d) => d.line)).toEqual([1, 2, 7, 8])
  })

  it('aborts the file at a malformed section header, keeping what came before', () => {
    const r = parse('[Service]\nA=1\n[Service\nB=2\n')
    expect(r.assignments.map((a) => a.key)).toEqual(['A'])
    expect(r.aborted).toMatchObject({ line: 3, severity: 'error' })
  })

  it('handles a 100,000-line continuation and a 10 MB file', () => {
    const long = '[Service]\nA=' + 'x \\\n'.repeat(100_000) + 'end\n'
    const r = parse(long)
    expect(r.assignments).toHaveLength(1)
    expect(r.assignments[0]!.value.endsWith('end')).toBe(true)
    const big = '[Service]\n' + 'Comment=0123456789\n'.repeat(550_000)
    expect(parse(big).assignments).toHaveLength(550_000)
  })

  it('fails a file whose continued line passes 1 MiB, as systemd does', () => {
    const r = parse('[Service]\nA=' + 'x'.repeat(2000) + '\\\n' + ('y'.repeat(2000) + '\\\n').repeat(600) + 'z\n')
    expect(r.aborted?.message).toBe('Continuation line too long')
  })
})
