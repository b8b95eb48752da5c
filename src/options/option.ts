/** What one option is: its CLI flag, its action input, its type and its default, as data. */
import type { ValueType } from './value-types.js'

/** The CLI commands. */
export type Command = 'score' | 'recommend' | 'diff' | 'conformance'

interface OptionFields<T> {
  /** The CLI flag without `--`, or null when only the action has the option. */
  readonly flag: string | null
  /** The action input, or null when only the CLI has the option. */
  readonly input: string | null
  /** The CLI commands that take the flag (none when `flag` is null). */
  readonly commands: readonly Command[]
  readonly type: ValueType<T>
  /**
   * The value when the option is not given (or given empty), as text of its type: what
   * action.yml declares as the input's default. Lists have none ('').
   */
  readonly default: string
  /**
   * action.yml's default when the runner computes it (`${{ github.token }}`): the tool sees the
   * computed value, or '' when the workflow sets the input empty, which reads as `default`.
   */
  readonly runnerDefault?: string
  /** An environment variable the CLI reads when the flag is not given. */
  readonly env?: string
  /** One line for the usage text. */
  readonly description: string
}

export interface SingleOption<T> extends OptionFields<T> {
  readonly list: false
}

/** Repeated on the command line (`--include a --include b`); one item per line as an input. */
export interface ListOption<T> extends OptionFields<T> {
  readonly list: true
}

export type Option<T = unknown> = SingleOption<T> | ListOption<T>

/** The typed value of an option: T, or T[] for a list. */
export type ValueOf<O> = O extends ListOption<infer T> ? T[] : O extends SingleOption<infer T> ? T : never

export const single = <T>(fields: OptionFields<T>): SingleOption<T> => ({ ...fields, list: false })
export const list = <T>(fields: Omit<OptionFields<T>, 'default'>): ListOption<T> => ({
  ...fields,
  default: '',
  list: true,
})
