/**
 * Paths as systemd-analyze prints them. It makes a relative argument absolute from its working
 * directory as get_current_dir_name() gives it — $PWD when that names the working directory, so
 * a directory reached through a link keeps the link's name — and then drops `.` components and
 * repeated slashes but keeps `..` (path_simplify()).
 */
import { statSync } from 'node:fs'

/** The working directory as the shell names it: $PWD when it is the same directory as `cwd`, else `cwd`. */
export function shellWorkingDirectory(env: NodeJS.ProcessEnv, cwd: string): string {
  const pwd = env.PWD
  if (pwd === undefined || !pwd.startsWith('/')) return cwd
  try {
    const a = statSync(pwd)
    const b = statSync(cwd)
    return a.dev === b.dev && a.ino === b.ino ? pwd : cwd
  } catch {
    return cwd
  }
}

/** `path` as systemd prints it, run in `cwd` (absolute). */
export function systemdPath(path: string, cwd: string): string {
  const absolute = path.startsWith('/') ? path : `${cwd}/${path}`
  const parts = absolute.split('/').filter((p) => p !== '' && p !== '.')
  return `/${parts.join('/')}`
}
