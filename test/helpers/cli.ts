/** Runs the CLI in-process with captured output, on the real file system. */
import { readFileSync } from 'node:fs'
import { runCli } from '../../src/cli/main.js'
import { fileSystemSource } from '../../src/unit/fs-source.js'

export async function cli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readTextFile: (p) => readFileSync(p, 'utf8'),
    source: fileSystemSource(),
    env: opts.env ?? {},
    cwd: opts.cwd ?? process.cwd(),
  })
  return { code, stdout, stderr }
}
