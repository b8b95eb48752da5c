import { describe, expect, it } from 'vitest'
import { code, md } from '../../src/report/escape.js'

const hostile = '[Full report](https://evil.example) *bold* `x` <b>@team</b> | a\u202Egnp.service\n'

describe('escaping pull-request text', () => {
  for (const [name, escape] of [['md', md], ['code', code]] as const) {
    it(`${name}() leaves no Markdown or HTML syntax, mention, pipe, newline or bidi override`, () => {
      const out = escape(hostile)
      const inner = name === 'code' ? out.slice('<code>'.length, -'</code>'.length) : out
      expect(inner).not.toMatch(/<|\]\(|https:\/\/|@team|\n|\u202E/)
      expect(inner).not.toMatch(/(?<!\\)[*`|[\]]/)
    })
  }

  it('code() keeps the text readable as character references', () => {
    expect(code('a/b_c-d.service:12')).toBe('<code>a/b_c-d.service:12</code>')
    expect(code('[x](https://y)')).toBe('<code>&#91;x&#93;&#40;https&#58;//y&#41;</code>')
  })
})
