import { describe, expect, it } from 'vitest'
import { code, htmlCode, linkTarget, md, SHOWN_MAX } from '../../src/report/escape.js'
import { clip } from '../../src/text/visible.js'

const hostile = '[Full report](https://evil.example) *bold* `x` <b>@team</b> | a\u202Egnp.service\n'
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

describe('escaping pull-request text', () => {
  it('md() leaves no Markdown or HTML syntax, pipe, newline or bidi override', () => {
    const out = md(hostile)
    expect(out).not.toMatch(/<(?!span>\$)|\]\(|https:\/\/|\n|\u202E/)
    expect(out).not.toMatch(/(?<!\\)[*`|[\]]/)
    // A newline (a path can hold one) reads as the escape, like every invisible character.
    expect(md('odd\nname\x1b')).toBe('odd\\\\nname\\\\x1b')
  })

  it('md() breaks what GitHub links after rendering with an invisible word joiner: mentions, references, e-mail, emoji, bare links', () => {
    const out = md('@octo/team @alice #1 GH-7 gh-8 o/r#3 user@evil.example www.evil.example https://x.example :tada:')
    expect(out).toBe(
      '\\@\u2060octo\\/team \\@\u2060alice \\#\u20601 GH\u2060\\-7 gh\u2060\\-8 o\\/r\\#\u20603 user\\@\u2060evil\\.example www\u2060\\.evil\\.example https\\:\u2060\\/\\/x\\.example \\:\u2060tada\\:\u2060',
    )
    // A literal $ in a span, as GitHub's documentation writes it: no math.
    expect(md('$\\huge{OK}$')).toBe('<span>$</span>\\\\huge\\{OK\\}<span>$</span>')
  })

  it('code() writes code spans, whose text nothing parses: any backticks, a pipe between spans', () => {
    expect(code('a/b_c-d.service:12')).toBe('`a/b_c-d.service:12`')
    expect(code('[x](https://y) @team #1 www.x.example')).toBe('`[x](https://y) @team #1 www.x.example`')
    expect(code('a``b')).toBe('```a``b```')
    expect(code('`start')).toBe('`` `start ``')
    expect(code('a|b|')).toBe('`a`\\|`b`\\|')
    expect(code('odd\nname\x1b\u202e')).toBe('`odd\\nname\\x1b\\u{202e}`')
  })

  it('htmlCode() is a <code> element with its text as HTML text, for raw HTML blocks', () => {
    expect(htmlCode('<b>a&b</b>\n')).toBe('<code>&lt;b&gt;a&amp;b&lt;/b&gt;\\n</code>')
  })

  it('linkTarget() percent-encodes what could end a link or start another construct', () => {
    expect(linkTarget('https://github.com/o/r/blob/x/p1/x)**a b**(/é.service#L9')).toBe(
      'https://github.com/o/r/blob/x/p1/x%29%2A%2Aa%20b%2A%2A%28/%C3%A9.service#L9',
    )
    expect(linkTarget('https://x/a%20b<c>"\'')).toBe('https://x/a%20b%3Cc%3E%22%27')
  })

  it('clips every piece of text to a fixed number of code points, keeping its end, never splitting a surrogate pair', () => {
    const reason = `${'x'.repeat(199)}😀😀`
    expect(LONE_SURROGATE.test(clip(reason, 200))).toBe(false)
    for (let max = 2; max < 12; max++) expect(LONE_SURROGATE.test(clip('😀'.repeat(20), max))).toBe(false)
    expect(Array.from(clip(reason, 200))).toHaveLength(200)
    expect(clip('start-middle-end', 10)).toBe('start-…end')
    const long = `units/${'a'.repeat(100_000)}/api.service:9`
    expect(md(long).length).toBeLessThan(SHOWN_MAX * 2)
    expect(md(long).endsWith('api\\.service\\:\u20609')).toBe(true)
    expect(code(long).length).toBeLessThan(SHOWN_MAX * 2)
    expect(code(long).endsWith('api.service:9`')).toBe(true)
  })
})
