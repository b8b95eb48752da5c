import { describe, expect, it } from 'vitest'
import { annotationTarget, safeLog } from '../../src/action/log-safety.js'

/** White space .NET's Char.IsWhiteSpace() knows, which the runner's TrimStart() skips. */
const DOTNET_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/

/** The runner's reading of a step's output (actions/runner ActionCommand.cs): a command in a line? */
function runnerCommands(log: string): string[] {
  return log
    .split(/\r\n|\r|\n/)
    .filter((line) => line.replace(DOTNET_SPACE, '').startsWith('::') || line.includes('##['))
}

const ESC = '\x1b'

describe('safeLog: pull-request text in the log', () => {
  const hostile = [
    `units/${ESC}[32m✔ approved${ESC}[8m/api.service`,
    'a\n::set-output name=verdict::pass',
    'a\n\u00a0::add-mask::x',
    'a\n\v::error::forged',
    'a\n\f::warning::forged',
    'a\r::stop-commands::x',
    'a\u2028::notice::x',
    'a\n\u0085::notice::x',
    'a\n\u3000\u2003::notice::x',
    'mid-line ##[set-output name=verdict;]pass and ##[stop-commands]x',
    'C1 CSI \u009b31m red, bidi \u202egnp.exe\u202c, zero width a\u200bb, BOM \ufeff',
  ]

  it('leaves no workflow command in any line the runner reads, in either form', () => {
    for (const text of hostile) expect(runnerCommands(safeLog(text)), JSON.stringify(text)).toEqual([])
    expect(runnerCommands(hostile.join('\n'))).not.toEqual([])
  })

  it('shows control, format and separator characters as escapes; newlines stay line breaks', () => {
    expect(safeLog(hostile[0]!)).toBe('units/\\x1b[32m✔ approved\\x1b[8m/api.service')
    expect(safeLog(hostile[10]!)).toBe(
      'C1 CSI \\x9b31m red, bidi \\u{202e}gnp.exe\\u{202c}, zero width a\\u{200b}b, BOM \\u{feff}',
    )
    expect(safeLog('one\ntwo\r\nthree')).toBe('one\ntwo\\r\nthree')
    for (const text of hostile)
      expect(safeLog(text)).not.toMatch(
        /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/,
      )
  })

  it('shows bytes of a path that are not UTF-8 as \\xNN, and any other lone surrogate escaped', () => {
    expect(safeLog('bad\udcffdir \ud83d!')).toBe('bad\\xffdir \\u{d83d}!')
    expect(safeLog('ok 😀')).toBe('ok 😀')
  })

  it('keeps an annotation on its file when the path is plain, else names the path in the title', () => {
    expect(annotationTarget('units/api.service', 'api.service now holds CAP_KILL')).toEqual({
      file: 'units/api.service',
      title: 'api.service now holds CAP_KILL',
    })
    expect(annotationTarget(`units/${ESC}[8m/api.service`, 'api.service now holds CAP_KILL')).toEqual({
      file: null,
      title: 'units/\\x1b[8m/api.service: api.service now holds CAP_KILL',
    })
  })
})
