/**
 * Lines of Markdown, counted as they are written, and GitHub tables written row by row. Given a
 * budget (in UTF-16 units, never more than the characters or bytes GitHub counts), the writer gives
 * up as soon as the text is over it: fitting a report of thousands of units to a limit then costs
 * about the limit's worth of rendering per detail level, not the whole report's.
 */

import { markdownTable } from 'markdown-table'

export class OverBudget extends Error {}

export type Align = 'l' | 'r' | null

export class MarkdownWriter {
  private size = 0
  private readonly lines: string[] = []

  constructor(private readonly budget = Infinity) {}

  push(...lines: readonly string[]): void {
    for (const line of lines) {
      this.size += line.length + 1
      if (this.size > this.budget) throw new OverBudget()
      this.lines.push(line)
    }
  }

  /**
   * A GitHub table (markdown-table), its columns not padded to a common width: one long cell (a
   * waiver's reason is free text from the pull request) would otherwise pad every row. Rows are
   * made in batches, so an over-budget table stops being made soon after the budget is spent.
   */
  table<T>(
    header: readonly string[],
    items: readonly T[],
    row: (item: T) => readonly string[],
    align: readonly Align[] = [],
  ): void {
    const options = { alignDelimiters: false, align: header.map((_, i) => align[i] ?? '') }
    const [head, delimiter] = markdownTable([header], options).split('\n')
    this.push(head!, delimiter!)
    for (let i = 0; i < items.length; i += TABLE_BATCH) {
      const rows = items.slice(i, i + TABLE_BATCH).map(row)
      // The header row is formatted along and dropped: markdown-table formats whole tables.
      for (const line of markdownTable([header, ...rows], options)
        .split('\n')
        .slice(2))
        this.push(line)
    }
  }

  text(): string {
    return this.lines.join('\n') + '\n'
  }
}

/** Rows formatted at a time: small enough to stop early over a budget, large enough to be cheap. */
const TABLE_BATCH = 50
