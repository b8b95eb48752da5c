/** The Exec*= handlers: each line's commands appended to the directive's list (exec-command.ts reads them). */
import { parseExecLine } from './exec-command.js'
import type { Handler } from './handler.js'

export const exec =
  (directive: string): Handler =>
  (s, a, ctx) => {
    const list = s.exec[directive]!
    if (a.value === '') {
      list.length = 0
      return undefined
    }
    // Commands before a failing one on the same line stay (exec_command_append_list() ran for them).
    const line = parseExecLine(directive, a, ctx)
    for (const c of line.commands) list.push(c)
    return 'fatal' in line ? line.fatal : undefined
  }
