/**
 * The real ports: @actions/core for inputs, outputs, logs, annotations and the job summary. Every
 * text bound for the log passes safeLog() here, once: pull-request text can reach any of them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
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
      const props = target.file === null ? { title: target.title } : { file: target.file, startLine: a.line, title: target.title }
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
    writeFile: (p, c) => {
      mkdirSync(dirname(p), { recursive: true })
      writeFileSync(p, c)
    },
    gitHub: (token, baseUrl, repo) => gitHubApi(token, baseUrl, repo, (m) => core.info(safeLog(m))),
  }
}
