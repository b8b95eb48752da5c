/**
 * The Exec*= directives: every command line a unit can run, so that each is on the state, and
 * which unit type has which (service_exec_command_table[] and socket_exec_command_table[]).
 */

/** Every command line a unit can run (ExecStopPre= is a socket's), in the order reports list them. */
export const EXEC_DIRECTIVES = [
  'ExecCondition',
  'ExecStartPre',
  'ExecStart',
  'ExecStartPost',
  'ExecReload',
  'ExecReloadPost',
  'ExecStop',
  'ExecStopPre',
  'ExecStopPost',
] as const

export type ExecDirective = (typeof EXEC_DIRECTIVES)[number]

/** Whether `key` is a command line (ExecPaths= and ExecSearchPath= are not: they hold paths). */
export function isExecDirective(key: string): key is ExecDirective {
  return (EXEC_DIRECTIVES as readonly string[]).includes(key)
}

/** A service's commands: all but the socket's ExecStopPre=. */
export const SERVICE_EXEC_DIRECTIVES: readonly ExecDirective[] = EXEC_DIRECTIVES.filter((d) => d !== 'ExecStopPre')

/** A socket's commands, run around binding its listeners. */
export const SOCKET_EXEC_DIRECTIVES: readonly ExecDirective[] = [
  'ExecStartPre',
  'ExecStartPost',
  'ExecStopPre',
  'ExecStopPost',
]

/** The commands only a service has: in another unit type's section these are no setting of its own. */
export const SERVICE_ONLY_EXEC_DIRECTIVES: readonly ExecDirective[] = SERVICE_EXEC_DIRECTIVES.filter(
  (d) => !SOCKET_EXEC_DIRECTIVES.includes(d),
)
