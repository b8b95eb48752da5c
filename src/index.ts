import { actionPorts } from './action/ports.js'
import { runAction } from './action/run.js'

const ports = actionPorts()
try {
  await runAction(ports)
} catch (e) {
  // Through the ports, so an error that quotes the pull request (a path in a git error) is
  // escaped for the log like everything else, instead of Node printing it raw.
  const err = e as Error
  ports.info(err.stack ?? String(err))
  ports.setFailed(`systemd-exposure failed: ${err.message ?? String(err)}`)
}
