/**
 * What the CLI does differently on a terminal: colour (as systemd decides it, colors_enabled()),
 * emoji, and a progress line on standard error for long runs whose output goes elsewhere.
 */

/** Which standard streams are terminals. */
export interface Terminal {
  readonly stdout: boolean
  readonly stderr: boolean
}

/** Tests and pipes: no terminal anywhere. */
export const NO_TERMINAL: Terminal = { stdout: false, stderr: false }

const FALSE_WORDS = /^(0|no|n|false|f|off)$/i

/**
 * systemd's rule: $SYSTEMD_COLORS if set (a boolean, or a colour mode, which means yes), else
 * never with $NO_COLOR set (https://no-color.org) or TERM=dumb, else only on a terminal.
 */
export function colourEnabled(env: NodeJS.ProcessEnv, terminal: Terminal): boolean {
  const forced = env['SYSTEMD_COLORS']
  if (forced !== undefined && forced !== '') return !FALSE_WORDS.test(forced)
  if (env['NO_COLOR'] !== undefined) return false
  if (env['TERM'] === 'dumb') return false
  return terminal.stdout
}

/** systemd's rule: $SYSTEMD_EMOJI if set, else only on a real terminal type. */
export function emojiEnabled(env: NodeJS.ProcessEnv): boolean {
  const forced = env['SYSTEMD_EMOJI']
  if (forced !== undefined) return !FALSE_WORDS.test(forced)
  const term = env['TERM']
  return term !== undefined && term !== 'dumb' && term !== 'linux'
}

/** Runs with fewer units than this end before a progress line would help. */
export const PROGRESS_MIN_UNITS = 200

/** Units between two updates of the progress line. */
const PROGRESS_STEP = 100

/**
 * A progress line on standard error: only when it is a terminal and standard output is not (the
 * report itself shows progress on a terminal, and a line drawn between its rows would garble it).
 * `clear()` takes the line away, before a warning and at the end.
 */
export interface Progress {
  update(done: number): void
  clear(): void
}

export function progressLine(
  terminal: Terminal,
  total: number,
  label: string,
  write: (text: string) => void,
): Progress {
  if (!terminal.stderr || terminal.stdout || total < PROGRESS_MIN_UNITS) return { update() {}, clear() {} }
  let shown = false
  return {
    update(done) {
      if (done % PROGRESS_STEP !== 0 && done !== total) return
      write(`\r${label} ${done}/${total}`)
      shown = true
    },
    clear() {
      if (shown) write('\r\x1b[K')
      shown = false
    },
  }
}

/**
 * A status line on standard error while a run works before printing anything (the diff of a large
 * repository): only when standard error is a terminal; `clear()` takes it away before the report.
 */
export function statusLine(
  terminal: Terminal,
  write: (text: string) => void,
): { show(text: string): void; clear(): void } {
  let shown = false
  return {
    show(text) {
      if (!terminal.stderr) return
      write(`\r\x1b[K${text}`)
      shown = true
    },
    clear() {
      if (shown) write('\r\x1b[K')
      shown = false
    },
  }
}
