/** What a CLI command may touch: output streams, files, environment. Tests pass their own. */
import type { UnitSource } from '../unit/source.js'

export interface CliIO {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly readTextFile: (path: string) => string
  readonly source: UnitSource
  readonly env: NodeJS.ProcessEnv
  readonly cwd: string
}
