import { describe, expect, it } from 'vitest'
import { synopsis } from '../../src/cli/usage-text.js'
import { TOOL_VERSION } from '../../src/version.js'
import { cli } from '../helpers/cli.js'

describe('usage', () => {
  it('help prints every command, option and format', async () => {
    const r = await cli(['help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(synopsis('diff', '  diff ').join('\n'))
    expect(r.stdout).toMatch(/\n {6}--fail-on-regression +fail when any setting/)
    expect(r.stdout).toMatch(/\n {6}--format json +the report as one JSON document/)
    expect(r.stdout).toMatch(/\nBooleans: true, yes, on, 1 \/ false, no, off, 0, in any case/)
  })

  it('a usage error prints the message, then only the synopses', async () => {
    const r = await cli(['diff', '--max-exposure', 'high'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(
      /^systemd-exposure: --max-exposure must be an exposure score from 0\.0 to 10\.0 with at most one decimal, got 'high'\n\nUsage: /,
    )
    expect(r.stderr).toContain(synopsis('score', '  score ').join('\n'))
    expect(r.stderr).toMatch(/'systemd-exposure help' describes every option and format\.\n$/)
    expect(r.stderr).not.toContain('Booleans:')
  })
})

describe('help and version', () => {
  it('help COMMAND, COMMAND --help and COMMAND -h print that command, exit 0', async () => {
    for (const command of ['score', 'recommend', 'diff', 'conformance']) {
      const help = await cli(['help', command])
      expect(help.code).toBe(0)
      expect(help.stdout).toMatch(new RegExp(`^Usage: systemd-exposure ${command} `))
      expect(help.stdout).toContain('\nOptions:\n')
      for (const flag of ['--help', '-h']) expect(await cli([command, '--format', 'json', flag])).toEqual(help)
    }
    // After `--` it is an argument: here a file that does not exist.
    expect((await cli(['score', '--', '--help'])).stdout).not.toContain('Usage:')
  })

  it('help of an unknown command is a usage error naming the commands', async () => {
    const r = await cli(['help', 'scroe'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^systemd-exposure: no command 'scroe' \(commands: score, recommend, diff, conformance\)/)
  })

  it('--version prints the version', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${TOOL_VERSION}\n`, stderr: '' })
  })
})
