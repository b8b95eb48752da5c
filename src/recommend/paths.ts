/**
 * Absolute paths mentioned in a unit, and what each means for ProtectSystem=strict: a directory
 * systemd can manage (StateDirectory= and friends), a path to keep writable (ReadWritePaths=), or
 * a file written straight into /run, /var/log or /var/lib, which strict cannot allow without
 * making the whole directory writable. Pure string functions.
 */

/** Every absolute path in a word: `/a`, `--opt=/a`, `unix:/a`, `-/a`, `a,/b`. */
export function pathsIn(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(/(?:^|[=:,\-+\s])(\/[^\s=:,;'"()<>|&]*)/g)) {
    const p = m[1]!
    if (p.length > 1 && !p.startsWith('//')) out.push(p)
  }
  return out
}

/** `/var/run/x/` → `/run/x`; null for paths we cannot reason about ($VARS, globs, `..`, odd specifiers). */
export function normalizePath(p: string): string | null {
  if (/[$*?\\`]/.test(p) || /%[^iInNpPjJ]/.test(p) || p.endsWith('%')) return null
  const parts = p.split('/').filter((s) => s !== '' && s !== '.')
  if (parts.some((s) => s === '..')) return null
  if (parts[0] === 'var' && parts[1] === 'run') parts.splice(0, 2, 'run')
  return '/' + parts.join('/')
}

export type DirectoryKind = 'StateDirectory' | 'LogsDirectory' | 'CacheDirectory' | 'RuntimeDirectory'

export type WriteTarget =
  /** A directory systemd can create and own: `StateDirectory=<name>` ≙ /var/lib/<name>. */
  | { readonly kind: 'directory'; readonly directive: DirectoryKind; readonly name: string; readonly path: string }
  /** A path that must stay writable as it is: `ReadWritePaths=-<path>`. */
  | { readonly kind: 'path'; readonly path: string }
  /** A file directly inside a shared directory: strict would need the directory writable. */
  | { readonly kind: 'blocker'; readonly path: string; readonly parent: string }

const MANAGED: readonly {
  readonly root: string
  readonly directive: DirectoryKind
  readonly system: ReadonlySet<string>
}[] = [
  {
    root: '/var/lib',
    directive: 'StateDirectory',
    system: new Set(['systemd', 'dpkg', 'dbus', 'polkit-1', 'private', 'sudo', 'pam']),
  },
  { root: '/var/log', directive: 'LogsDirectory', system: new Set(['journal', 'private']) },
  { root: '/var/cache', directive: 'CacheDirectory', system: new Set(['private', 'ldconfig']) },
  {
    root: '/run',
    directive: 'RuntimeDirectory',
    system: new Set([
      'systemd',
      'dbus',
      'user',
      'udev',
      'lock',
      'utmp',
      'log',
      'initramfs',
      'mount',
      'credentials',
      'private',
      'sudo',
      'shm',
    ]),
  },
]

/** Roots whose subdirectories are data locations a service may write to. */
const DATA_ROOTS = ['/srv', '/mnt', '/media', '/data']

/** Where files a service writes under `path` live, or null when it is not a write location we manage. */
export function writeTargetOf(path: string, { workingDirectory = false } = {}): WriteTarget | null {
  const parts = path.split('/').slice(1)
  for (const m of MANAGED) {
    if (!(path === m.root || path.startsWith(m.root + '/'))) continue
    const below = path
      .slice(m.root.length + 1)
      .split('/')
      .filter((s) => s !== '')
    const top = below[0]
    // systemd's own and the system's directories: the service talks to sockets there, it does not own them.
    if (top === undefined || m.system.has(top)) return null
    // A single component that looks like a file (x.pid, x.log, x.sock) is written straight into the root.
    if (below.length === 1 && /\.[A-Za-z0-9]+$/.test(top)) return { kind: 'blocker', path, parent: m.root }
    return { kind: 'directory', directive: m.directive, name: top, path: `${m.root}/${top}` }
  }
  if (
    parts[0] === 'var' &&
    parts.length >= 2 &&
    !['tmp', 'lib', 'log', 'cache', 'run', 'empty', 'backups', 'local', 'opt'].includes(parts[1]!)
  ) {
    return { kind: 'path', path: '/' + parts.slice(0, Math.min(parts.length, 3)).join('/') }
  }
  for (const root of DATA_ROOTS) {
    if (path.startsWith(root + '/')) return { kind: 'path', path: '/' + parts.slice(0, 2).join('/') }
  }
  // A working directory elsewhere (/opt/app, /home/bot) is where relative writes land.
  if (workingDirectory && /^\/(opt|home|root|usr\/local|var\/opt|var\/local)\//.test(path))
    return { kind: 'path', path }
  return null
}

/** Whether `path` is `dir` or inside it. */
export function isWithin(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith('/') ? dir : dir + '/')
}

/** Device nodes PrivateDevices= keeps (API pseudo-devices and terminals). */
const KEPT_DEVICES =
  /^\/dev\/(null|zero|full|random|urandom|tty|console|pts|ptmx|shm|mqueue|hugepages|log|stdin|stdout|stderr|fd|core|initctl)(\/|$)/

/** A device node the service would lose with PrivateDevices=. */
export function isHardwareDevice(path: string): boolean {
  return path.startsWith('/dev/') && !KEPT_DEVICES.test(path)
}
