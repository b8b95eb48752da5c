/**
 * Lines of Markdown, counted as they are written, and GitHub tables written row by row. Given a
 * budget (in UTF-16 units, never more than the characters or bytes GitHub counts), the writer gives
 * up as soon as the text is over it: fitting a report of thousands of units to a limit then costs
 * about the limit's worth of rendering per detail level, not the whole report's.
 */

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
   * A GitHub table, its columns not padded to a common width: one long cell (a waiver's reason is
   * free text from the pull request) would otherwise pad every row. Rows are made one at a time.
   */
  table<T>(header: readonly string[], items: readonly T[], row: (item: T) => readonly string[], align: readonly Align[] = []): void {
    this.push(tableRow(header), tableRow(header.map((_, i) => (align[i] === 'l' ? ':-' : align[i] === 'r' ? '-:' : '-'))))
    for (const item of items) this.push(tableRow(row(item)))
  }

  text(): string {
    return this.lines.join('\n') + '\n'
  }
}

const tableRow = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`
