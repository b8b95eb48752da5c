/** `recommend --format`: renderers of the results of every unit file, in argument order. */
import type { RecommendResult } from '../recommend/recommend.js'
import { renderRecommendationText } from '../recommend/render-text.js'
import type { FormatTable } from './format-option.js'

export type RecommendRenderer = (results: readonly RecommendResult[]) => string

export const RECOMMEND_FORMATS: FormatTable<RecommendRenderer> = [
  {
    name: 'text',
    description: 'the phased plan of each unit and its drop-in, to read',
    // Units that cannot be loaded print nothing here; their errors go to standard error.
    render: (results) =>
      results
        .filter((r) => r.ok)
        .map((r) => renderRecommendationText(r))
        .join('\n'),
  },
  {
    name: 'json',
    description: 'one JSON array: per unit file, the phases with their scores and the drop-in',
    render: (results) =>
      JSON.stringify(
        results.map((r) => {
          if (!r.ok) return { path: r.path, error: r.error }
          const { ok: _ok, ...rest } = r
          return rest
        }),
      ) + '\n',
  },
]
