/** `systemd-exposure recommend`: phased hardening drop-ins with the score each phase reaches. */
import { parseArgs } from 'node:util'
import { recommendUnitFile, type RecommendResult } from '../recommend/recommend.js'
import { renderRecommendationText } from '../recommend/render-text.js'
import type { CliIO } from './io.js'
import { parseChoice, parseVersion } from './options.js'
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
  const format = parseChoice('format', values.format, ['text', 'json'] as const, 'text')
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

  if (format === 'json') {
    const doc = results.map((r) => {
      if (!r.ok) return { path: r.path, error: r.error }
      const { ok: _ok, ...rest } = r
      return rest
    })
    io.stdout(JSON.stringify(doc) + '\n')
  } else {
    io.stdout(results.filter((r) => r.ok).map((r) => renderRecommendationText(r)).join('\n'))
  }
  return results.every((r) => r.ok) ? 0 : 1
}
