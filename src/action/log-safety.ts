/**
 * Text for the step's log, where pull-request text (paths, values, error messages) must neither
 * act on the terminal nor become a workflow command. The runner reads each line (split at `\n`
 * and `\r`) for commands in two forms (actions/runner, ActionCommand.cs):
 *  - `::name props::data` at the start of the line after .NET's TrimStart(), which skips every
 *    Unicode white space (no-break space, vertical tab, form feed, U+2028, …);
 *  - the legacy `##[name props]data`, found anywhere in the line.
 * So every invisible character is escaped (src/text/visible.ts: ESC, `\r`, C1 controls, bidi
 * overrides, zero-width characters), newlines stay line breaks, a line whose first visible
 * characters are `::` gets a zero-width space between the colons, and `##[` one between `##` and
 * `[`. Applied once, where text leaves for the log (ports.ts): the zero-width spaces it adds would
 * be escaped by a second pass.
 */
import { visible } from '../text/visible.js'

/** White space .NET's TrimStart() skips (Char.IsWhiteSpace), U+0085 included. */
const COMMAND_START = /^([\s\u0085]*):(?=:)/gmu

export function safeLog(text: string): string {
  return visible(text, '\n').replace(COMMAND_START, '$1:\u200b').replace(/##\[/g, '##\u200b[')
}

/**
 * An annotation's file as a workflow command may carry it: a path that needed escaping would not
 * name the file any more, so the annotation loses its file (GitHub then shows it on the run, not
 * on a line) and the title names the path instead.
 */
export function annotationTarget(file: string, title: string): { file: string | null; title: string } {
  const shown = safeLog(file)
  return shown === file ? { file, title: safeLog(title) } : { file: null, title: safeLog(`${shown}: ${title}`) }
}
