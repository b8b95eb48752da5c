/**
 * The real ports: @actions/core for inputs, outputs, logs, annotations and the job summary. Every
 * text bound for the log passes safeLog() here, once: pull-request text can reach any of them.
 */
import { closeSync, constants, lstatSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import * as core from '@actions/core'
import { gitHubApi } from './github.js'
import { annotationTarget, safeLog } from './log-safety.js'
import type { ActionPorts } from './run.js'

export function actionPorts(): ActionPorts {
  return {
    env: process.env,
    getInput: (n) => core.getInput(n),
    setOutput: (n, v) => core.setOutput(n, v),
    info: (m) => core.info(safeLog(m)),
    warning: (m) => core.warning(safeLog(m)),
    notice: (m) => core.notice(safeLog(m)),
    annotate: (a) => {
      const target = annotationTarget(a.file, a.title)
      const props =
        target.file === null ? { title: target.title } : { file: target.file, startLine: a.line, title: target.title }
      const message = safeLog(a.message)
      if (a.level === 'error') core.error(message, props)
      else if (a.level === 'warning') core.warning(message, props)
      else core.notice(message, props)
    },
    setFailed: (m) => core.setFailed(safeLog(m)),
    writeSummary: async (md) => void (await core.summary.addRaw(md, true).write()),
    readEventPayload: () => {
      const path = process.env['GITHUB_EVENT_PATH']
      return path ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {}
    },
    writeFile: (p, c, within) => {
      if (within !== undefined) refuseLinks(within, p)
      mkdirSync(dirname(p), { recursive: true })
      // Never through a link: the checkout is the pull request's, and a file it names could point anywhere.
      const fd = openSync(
        p,
        constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (within !== undefined ? constants.O_NOFOLLOW : 0),
        0o644,
      )
      try {
        writeFileSync(fd, c)
      } finally {
        closeSync(fd)
      }
    },
    gitHub: (token, baseUrl, repo) => gitHubApi(token, baseUrl, repo, (m) => core.info(safeLog(m))),
  }
}

/**
 * A file written into the checkout must stay in it: no component of its path below `root` may be
 * a symbolic link, which a pull request could add to send the write elsewhere on the runner.
 */
function refuseLinks(root: string, path: string): void {
  const rel = relative(root, path)
  if (rel === '' || rel.startsWith('..') || rel.startsWith(sep)) throw new Error(`${path} is not inside ${root}`)
  let at = root
  for (const part of rel.split(sep)) {
    at = join(at, part)
    let link: boolean
    try {
      link = lstatSync(at).isSymbolicLink()
    } catch {
      return // the rest does not exist yet: mkdir and the write create it
    }
    if (link)
      throw new Error(
        `${rel} leads through a symbolic link (${relative(root, at)}), which the checkout may have planted: not written`,
      )
  }
}
