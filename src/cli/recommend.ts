/** `systemd-exposure recommend`: phased hardening drop-ins with the score each phase reaches. */
import { OPTIONS } from '../options/option-table.js'
import { recommendUnitFile, type RecommendResult } from '../recommend/recommend.js'
import { UnreadableFile } from '../unit/source.js'
import { readCommandLine } from './command-line.js'
import { readFormat } from './format-option.js'
import type { CliIO } from './io.js'
import { RECOMMEND_FORMATS } from './recommend-formats.js'
import { unitArguments } from './unit-args.js'
import { UsageError } from './usage.js'

/** Exit status 0 when every unit file was read, 1 when one could not be loaded, 2 on usage errors. */
export function recommendCommand(args: readonly string[], io: CliIO): number {
  const { read, positionals } = readCommandLine('recommend', args, io.env)
  const target = read(OPTIONS.systemdVersion)
  const format = readFormat(read, RECOMMEND_FORMATS)
  if (positionals.length === 0) throw new UsageError('recommend needs at least one UNIT_FILE or DIR')
  const units = unitArguments(io.source, positionals)
  for (const problem of units.problems) io.stderr(`${problem}\n`)
  if (units.paths.length === 0) return 1

  const results: RecommendResult[] = units.paths.map((path) => {
    try {
      return recommendUnitFile(io.source, path, { version: target.versions[0]!, fleet: target })
    } catch (e) {
      // A source that cannot read a file refuses that unit only.
      if (!(e instanceof UnreadableFile)) throw e
      return { ok: false, path, error: e.message }
    }
  })
  for (const r of results) if (!r.ok) io.stderr(`${r.path}: ${r.error}\n`)
  io.stdout(format.render(results))
  return results.every((r) => r.ok) ? 0 : 1
}
