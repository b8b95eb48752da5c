/** Output formats: each command declares its own in a table; --format picks one by name. */

export interface Format<Render> {
  /** What --format takes. */
  readonly name: string
  /** One line for the usage text. */
  readonly description: string
  readonly render: Render
}

/** A command's formats; the first is the default. */
export type FormatTable<Render> = readonly [Format<Render>, ...Format<Render>[]]
