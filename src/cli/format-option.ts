/** Output formats: each command declares its own in a table; --format picks one by name. */
import { OPTIONS } from '../options/option-table.js'
import type { SingleOption } from '../options/option.js'
import type { ReadOption } from '../options/read-option.js'
import { choice } from '../options/value-types.js'

export interface Format<Render> {
  /** What --format takes. */
  readonly name: string
  /** One line for the usage text. */
  readonly description: string
  readonly render: Render
}

/** A command's formats; the first is the default. */
export type FormatTable<Render> = readonly [Format<Render>, ...Format<Render>[]]

/** The --format option as a command with these formats takes it. */
export function formatOption(formats: FormatTable<unknown>): SingleOption<string> {
  const names = formats.map((f) => f.name)
  return { ...OPTIONS.format, type: choice(names), default: names[0]! }
}

export function readFormat<Render>(read: ReadOption, formats: FormatTable<Render>): Format<Render> {
  const name = read(formatOption(formats))
  return formats.find((f) => f.name === name)!
}
