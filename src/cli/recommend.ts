/** `systemd-exposure recommend`: phased hardening drop-ins with the score each phase reaches. */
import { parseArgs } from 'node:util'
import { recommendUnitFile, type RecommendResult } from '../recommend/recommend.js'
import type { CliIO } from './io.js'
import { parseChoice, parseVersion } from './options.js'
import { RECOMMEND_FORMATS } from './recommend-formats.js'
import { UsageError } from './usage.js'

/** Exit status 0 when every unit file was read, 1 when one could not be loaded, 2 on usage errors. */
export function recommendCommand(args: readonly string[], io: CliIO): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      'systemd-version': { type: 'string' },
      format: { type: 'string' },
    },
  })
  const version = parseVersion(values['systemd-version'], io.env)
  const names = RECOMMEND_FORMATS.map((f) => f.name)
  const format = RECOMMEND_FORMATS.find((f) => f.name === parseChoice('format', values.format, names, names[0]!))!
  if (positionals.length === 0) throw new UsageError('recommend needs at least one UNIT_FILE')

  const results: RecommendResult[] = positionals.map((path) => {
    try {
      return recommendUnitFile(io.source, path, { version })
    } catch (e) {
      // A source that cannot read a file refuses that unit only.
      return { ok: false, path, error: (e as Error).message }
    }
  })
  for (const r of results) if (!r.ok) io.stderr(`${r.path}: ${r.error}\n`)

  io.stdout(format.render(results))
  return results.every((r) => r.ok) ? 0 : 1
}
