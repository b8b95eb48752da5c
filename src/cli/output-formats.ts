/**
 * Every command's output formats, for the usage text and the docs. A command reads its own table
 * (score-formats.ts, recommend-formats.ts, diff-formats.ts) so it loads no other command's
 * renderers. Adding a format is one entry in the command's table: --format then takes it, and the
 * usage text and the README's synopsis (`npm run gen:docs`) show it.
 */
import type { Command } from '../options/option.js'
import { DIFF_FORMATS } from './diff-formats.js'
import type { FormatTable } from './format-option.js'
import { RECOMMEND_FORMATS } from './recommend-formats.js'
import { SCORE_FORMATS } from './score-formats.js'

export const OUTPUT_FORMATS: Partial<Record<Command, FormatTable<unknown>>> = {
  score: SCORE_FORMATS,
  recommend: RECOMMEND_FORMATS,
  diff: DIFF_FORMATS,
}
