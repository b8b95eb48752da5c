/**
 * The action's inputs, parsed once into a typed Settings object with clear errors, from the
 * option table (src/options/option-table.ts) as the CLI parses its options. Takes a getter so
 * tests pass a plain record. Inputs are trimmed; an empty input is the input's default; a list
 * takes one item per line, blank lines and `#` comment lines ignored.
 */
import { isAbsolute, normalize } from 'node:path'
import { OPTIONS } from '../options/option-table.js'
import type { ValueOf } from '../options/option.js'
import { optionReader, type OptionSource } from '../options/read-option.js'
import { readReviewSettings, type ReviewSettings } from '../options/review-settings.js'

export type CommentMode = ValueOf<typeof OPTIONS.comment>

export interface Settings extends ReviewSettings {
  readonly token: string
  readonly comment: CommentMode
  /** Inline review comments on the changed lines of a pull request. */
  readonly reviewComments: boolean
  readonly workingDirectory: string
  /** Where to write SARIF, relative to the workspace ('' for none). */
  readonly sarifFile: string
}

export class InputError extends Error {}

export function readSettings(get: (name: string) => string): Settings {
  const read = optionReader(inputSource(get))
  return {
    token: read(OPTIONS.githubToken),
    ...readReviewSettings(read),
    comment: read(OPTIONS.comment),
    reviewComments: read(OPTIONS.reviewComments),
    workingDirectory: read(OPTIONS.workingDirectory),
    sarifFile: workspacePath(read(OPTIONS.sarifFile), OPTIONS.sarifFile.input!),
  }
}

/** A path relative to the workspace and inside it ('' stays: none). */
function workspacePath(value: string, input: string): string {
  if (value === '') return value
  if (isAbsolute(value) || normalize(value).split(/[\\/]/)[0] === '..') {
    throw new InputError(`input '${input}' must be a path inside the workspace, relative to it: got '${value}'`)
  }
  return value
}

function inputSource(get: (name: string) => string): OptionSource {
  return {
    given(option) {
      if (option.input === null) return null
      const value = (get(option.input) ?? '').trim()
      const texts = option.list
        ? value
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter((l) => l !== '' && !l.startsWith('#'))
        : value === ''
          ? []
          : [value]
      return texts.length > 0 ? { texts, label: `input '${option.input}'` } : null
    },
    refuse: (message) => new InputError(message),
  }
}
