/** What a CLI command may touch: output streams, files, environment. Tests pass their own. */
import type { UnitSource } from '../unit/source.js'
import type { Terminal } from './terminal.js'

export interface CliIO {
  /** Standard output: text, or UTF-8 bytes (large reports are assembled as bytes). */
  readonly stdout: (output: string | Uint8Array) => void
  readonly stderr: (text: string) => void
  readonly readTextFile: (path: string) => string
  readonly source: UnitSource
  readonly env: NodeJS.ProcessEnv
  readonly cwd: string
  /** The working directory as the shell names it ($PWD), which systemd-analyze prints paths from (default: cwd). */
  readonly shellCwd?: string
  /** Which standard streams are terminals (none when not said): colour and progress need one. */
  readonly terminal?: Terminal
}
