/** Runs the CLI in-process with captured output, on the real file system. */
import { readFileSync } from 'node:fs'
import { runCli } from '../../src/cli/main.js'
import { fileSystemSource } from '../../src/unit/fs-source.js'

export async function cli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  let stdout = ''
  const utf8 = new TextDecoder()
  let stderr = ''
  const code = await runCli(args, {
    stdout: (t) => void (stdout += typeof t === 'string' ? t : utf8.decode(t, { stream: true })),
    stderr: (t) => void (stderr += t),
    readTextFile: (p) => readFileSync(p, 'utf8'),
    source: fileSystemSource(),
    env: opts.env ?? {},
    cwd: opts.cwd ?? process.cwd(),
  })
  return { code, stdout, stderr }
}
