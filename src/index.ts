import { runAction } from './action/run.js'
import { actionPorts } from './action/ports.js'

await runAction(actionPorts())
