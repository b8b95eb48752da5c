/**
 * Reading typed option values from a source of texts — the command line or the action's inputs —
 * with the same parsing, defaults and error messages for both.
 */
import { clip, visible } from '../text/visible.js'
import type { Option, ValueOf } from './option.js'

/** Where option texts come from. */
export interface OptionSource {
  /**
   * The non-empty texts given for the option (one, or a list's items) and how messages name
   * where they came from (`--max-exposure`, `input 'max-exposure'`); null when none was given,
   * which includes options this source does not offer: those read as their default.
   */
  given(option: Option): { readonly texts: readonly string[]; readonly label: string } | null
  /** The error for a text that is not accepted: a usage error on the CLI, an input error in the action. */
  refuse(message: string): Error
}

/** Characters of a refused value the error message shows. */
const MAX_SHOWN = 80

/** Reads one option: the value given, else its default. */
export type ReadOption = <O extends Option>(option: O) => ValueOf<O>

export function optionReader(source: OptionSource): ReadOption {
  return <O extends Option>(option: O): ValueOf<O> => {
    const given = source.given(option)
    if (given === null) return defaultValue(option)
    const values = given.texts.map((text) => {
      const value = option.type.parse(text)
      // The text is shown as given, but short and with invisible characters escaped: an input can
      // hold anything, at any length (a workflow that passes a file's content by mistake).
      if (value === undefined)
        throw source.refuse(`${given.label} must be ${option.type.accepts}, got '${visible(clip(text, MAX_SHOWN))}'`)
      return value
    })
    // A single option given several times on the command line takes the last, as parseArgs does.
    return (option.list ? values : values[values.length - 1]) as ValueOf<O>
  }
}

export function defaultValue<O extends Option>(option: O): ValueOf<O> {
  if (option.list) return [] as ValueOf<O>
  const value = option.type.parse(option.default)
  // The option table's test parses every default; this is a programming error.
  if (value === undefined)
    throw new Error(`the default '${option.default}' of ${option.flag ?? option.input} is not ${option.type.accepts}`)
  return value as ValueOf<O>
}
