/** The real ports: @actions/core for inputs, outputs, logs, annotations and the job summary. */
import { readFileSync, writeFileSync } from 'node:fs'
import * as core from '@actions/core'
import { gitHubApi } from './github.js'
import type { ActionPorts } from './run.js'

export function actionPorts(): ActionPorts {
  return {
    env: process.env,
    getInput: (n) => core.getInput(n),
    setOutput: (n, v) => core.setOutput(n, v),
    info: (m) => core.info(m),
    warning: (m) => core.warning(m),
    notice: (m) => core.notice(m),
    annotate: (a) => {
      const props = { file: a.file, startLine: a.line, title: a.title }
      if (a.level === 'error') core.error(a.message, props)
      else if (a.level === 'warning') core.warning(a.message, props)
      else core.notice(a.message, props)
    },
    setFailed: (m) => core.setFailed(m),
    writeSummary: async (md) => void (await core.summary.addRaw(md, true).write()),
    readEventPayload: () => {
      const path = process.env['GITHUB_EVENT_PATH']
      return path ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {}
    },
    writeFile: (p, c) => writeFileSync(p, c),
    gitHub: (token, baseUrl, repo) => gitHubApi(token, baseUrl, repo, (m) => core.info(m)),
  }
}
