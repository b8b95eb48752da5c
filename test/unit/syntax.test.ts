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
    expect(r.aborted).toMatchObject({
      file: 'x.service',
      line: 3,
      severity: 'error',
      // As systemd prints it: each byte that starts no valid character as U+FFFD.
      message: 'String is not UTF-8 clean, ignoring assignment: A=\uFFFD',
    })
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

  describe('where systemd gives up on the rest of the file (attack1 B4–B7)', () => {
    const keys = (text: string | Uint8Array) => parse(text).assignments.map((a) => a.key)

    it('reads \r\n\0 and \n\r\0 as one line end, so a continuation swallows the next line', () => {
      // read_line_full(): an end-of-line byte of a kind not yet seen continues the same terminator.
      expect(pairs('[Service]\nDescription=app \\\r\n\0User=app\nB=1\n')).toEqual([
        ['Description', 'app  User=app', 3],
        ['B', '1', 4],
      ])
      expect(pairs('[Service]\nA=1\n\r\0B=2\r\n\0C=3')).toEqual([
        ['A', '1', 2],
        ['B', '2', 3],
        ['C', '3', 4],
      ])
    })

    it('reads \0\n, \n\n and \r\n\r as two line ends', () => {
      expect(pairs('[Service]\nA=1\0\nB=2\n\nC=3\r\n\rD=4\n')).toEqual([
        ['A', '1', 2],
        ['B', '2', 4],
        ['C', '3', 6],
        ['D', '4', 8],
      ])
    })

    it('gives the same lines in the ASCII and the byte splitter', () => {
      const text = '[Service]\nA=x \\\r\n\0B=1\n\r\0C=2\0\0D=3\r\rE=4'
      const bytes = Uint8Array.from([...enc.encode(text.replace('E=4', 'E=\u00e44'))])
      expect(pairs(bytes).map(([k, , l]) => [k, l])).toEqual(pairs(text).map(([k, , l]) => [k, l]))
    })

    it.each(['"', "'", '\\', '\x7f', '\x01', '\t'])('fails the file at a section header whose name holds %j', (c) => {
      const r = parse(`[Service]\nA=1\n[X-Vendor ${c}notes]\n[Service]\nUser=app\n`)
      expect(r.assignments.map((a) => a.key)).toEqual(['A'])
      expect(r.aborted).toMatchObject({
        line: 3,
        severity: 'error',
        message: `Bad characters in section header '[X-Vendor ${c}notes]'`,
      })
    })

    it('fails the file at a physical line of 1,048,576 bytes, not at 1,048,575', () => {
      const line = (n: number) => '#' + 'x'.repeat(n - 1)
      expect(parse(`[Service]\n${line(1024 * 1024)}\nUser=app\n`).aborted).toMatchObject({
        line: 2,
        message: 'Line too long',
      })
      expect(keys(`[Service]\n${line(1024 * 1024 - 1)}\nUser=app\n`)).toEqual(['User'])
      // Also as the last line, without a terminator, and in the byte splitter.
      expect(parse(`[Service]\nUser=app\n${line(1024 * 1024)}`).aborted?.message).toBe('Line too long')
      expect(parse(enc.encode(`[Service]\nA=\u00e4\n${line(1024 * 1024)}\nUser=app\n`)).aborted?.message).toBe(
        'Line too long',
      )
    })

    it.each([
      ['U+FDD0', '\uFDD0'],
      ['U+FDEF', '\uFDEF'],
      ['U+FFFE', '\uFFFE'],
      ['U+1FFFF', '\u{1FFFF}'],
      ['U+10FFFE', '\u{10FFFE}'],
    ])('fails the file at a line holding the non-character %s', (_, c) => {
      const r = parse(`[Unit]\nDescription=App ${c} hardening\n[Service]\nUser=app\n`)
      expect(r.assignments).toEqual([])
      const replaced = '\uFFFD'.repeat(new TextEncoder().encode(c).length)
      expect(r.aborted).toMatchObject({
        line: 2,
        message: `String is not UTF-8 clean, ignoring assignment: Description=App ${replaced} hardening`,
      })
    })

    it('accepts the code points next to the non-characters', () => {
      expect(keys('[Unit]\nDescription=\uFDCF\uFDF0\uFFFD\u{1FFFD}\u{10000}\n[Service]\nUser=app\n')).toEqual([
        'Description',
        'User',
      ])
    })

    it('checks the whole logical line, also inside a comment-free continuation, but not comment lines', () => {
      expect(parse('[Service]\nA=1 \\\n\uFFFF\nUser=app\n').aborted).toMatchObject({ line: 3 })
      expect(keys('[Service]\n# \uFFFF\nUser=app\n')).toEqual(['User'])
    })

    it('parses a continuation left open at the end of the file as the line after the last', () => {
      expect(pairs('[Service]\nA=1 \\\n')).toEqual([['A', '1', 3]])
      expect(pairs(enc.encode('[Service]\nA=\u00e4 \\\n# c\n'))).toEqual([['A', '\u00e4', 4]])
    })
  })
})
