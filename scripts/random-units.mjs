#!/usr/bin/env node
// random-units.mjs — deterministic generator of random but plausible systemd units in the
// corpus layout, for differential testing against the oracle (scripts/goldens/make-goldens.sh).
//
// usage: node scripts/random-units.mjs --seed N --count M --out DIR [--versions "252 257"] (default: every supported version)
//                                      [--no-policies] [--force]
//
// Writes DIR/rNNNN/<unit files>, their drop-in directories (<unit>.d/, <template>@.service.d/,
// <template>@<instance>.service.d/, dash-prefix <prefix>-.service.d/, type-wide service.d/),
// occasionally a security policy (policy.json, passed via TARGETS.tsv's args column), and
// DIR/TARGETS.tsv (path, kind, args). Same seed + count (+ versions) => byte-identical output.
// --versions only steers which version-specific keywords are likely (all are still possible).
// Units are mostly loadable ([Service] with ExecStart=), ~4% are built to be refused. About a
// quarter are of the other types systemd-analyze security loads (socket, mount, automount, swap,
// timer, path, slice, target, device) or refuses (scope): each with its own settings, valid or
// not (Where= against the name, cleared listeners, timers without a trigger, ...), and the
// sandboxing keys in its own section.
import { SYSTEMD_VERSIONS } from './lib/systemd-versions.mjs'
import { mkdirSync, writeFileSync, existsSync, readdirSync, rmSync } from 'node:fs'
import { join, dirname } from 'node:path'

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const o = { seed: 1, count: 100, out: null, versions: SYSTEMD_VERSIONS.map(Number), policies: true, force: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const take = () => {
      const eq = a.indexOf('=')
      if (eq >= 0) return a.slice(eq + 1)
      if (i + 1 >= argv.length) fail(`missing value for ${a}`)
      return argv[++i]
    }
    if (a === '-h' || a === '--help') {
      process.stdout.write(
        `usage: random-units.mjs --seed N --count M --out DIR [--versions "${SYSTEMD_VERSIONS.join(' ')}"] [--no-policies] [--force]\n`,
      )
      process.exit(0)
    } else if (a.startsWith('--seed')) o.seed = toInt(take(), '--seed')
    else if (a.startsWith('--count')) o.count = toInt(take(), '--count')
    else if (a.startsWith('--out')) o.out = take()
    else if (a.startsWith('--versions'))
      o.versions = take()
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((v) => toInt(v, '--versions'))
    else if (a === '--no-policies') o.policies = false
    else if (a === '--force') o.force = true
    else fail(`unknown argument ${a}`)
  }
  if (!o.out) fail('--out DIR is required')
  if (o.count < 1) fail('--count must be >= 1')
  return o
}
function toInt(s, what) {
  if (!/^\d+$/.test(String(s))) fail(`${what}: not a non-negative integer: ${s}`)
  return Number(s)
}
function fail(msg) {
  process.stderr.write(`random-units: ${msg}\n`)
  process.exit(2)
}

// ---------------------------------------------------------------- seeded PRNG
// splitmix32 to spread the seed, then sfc32. Only 32-bit integer math: identical everywhere.
function makeRng(seed) {
  let s = seed >>> 0
  const mix = () => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = mix(),
    b = mix(),
    c = mix(),
    d = mix()
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = ((c << 21) | (c >>> 11)) >>> 0
    c = (c + t) >>> 0
    return t >>> 0
  }
  for (let i = 0; i < 12; i++) next()
  const r = {
    u32: next,
    int: (n) => Math.floor((next() / 4294967296) * n), // 0..n-1
    range: (lo, hi) => lo + r.int(hi - lo + 1),
    chance: (p) => next() / 4294967296 < p,
    pick: (arr) => arr[r.int(arr.length)],
    weighted: (pairs) => {
      let total = 0
      for (const [w] of pairs) total += w
      let x = r.int(total)
      for (const [w, v] of pairs) {
        if (x < w) return v
        x -= w
      }
      return pairs[pairs.length - 1][1]
    },
    subset: (arr, min = 1, max = arr.length) => {
      const n = r.range(min, Math.min(max, arr.length))
      const pool = arr.slice()
      const out = []
      for (let i = 0; i < n; i++) out.push(pool.splice(r.int(pool.length), 1)[0])
      return out
    },
  }
  return r
}

// ---------------------------------------------------------------- value pools
const CAPS = [
  'CAP_CHOWN',
  'CAP_DAC_OVERRIDE',
  'CAP_DAC_READ_SEARCH',
  'CAP_FOWNER',
  'CAP_FSETID',
  'CAP_KILL',
  'CAP_SETGID',
  'CAP_SETUID',
  'CAP_SETPCAP',
  'CAP_LINUX_IMMUTABLE',
  'CAP_NET_BIND_SERVICE',
  'CAP_NET_BROADCAST',
  'CAP_NET_ADMIN',
  'CAP_NET_RAW',
  'CAP_IPC_LOCK',
  'CAP_IPC_OWNER',
  'CAP_SYS_MODULE',
  'CAP_SYS_RAWIO',
  'CAP_SYS_CHROOT',
  'CAP_SYS_PTRACE',
  'CAP_SYS_PACCT',
  'CAP_SYS_ADMIN',
  'CAP_SYS_BOOT',
  'CAP_SYS_NICE',
  'CAP_SYS_RESOURCE',
  'CAP_SYS_TIME',
  'CAP_SYS_TTY_CONFIG',
  'CAP_MKNOD',
  'CAP_LEASE',
  'CAP_AUDIT_WRITE',
  'CAP_AUDIT_CONTROL',
  'CAP_SETFCAP',
  'CAP_MAC_OVERRIDE',
  'CAP_MAC_ADMIN',
  'CAP_SYSLOG',
  'CAP_WAKE_ALARM',
  'CAP_BLOCK_SUSPEND',
  'CAP_AUDIT_READ',
  'CAP_PERFMON',
  'CAP_BPF',
  'CAP_CHECKPOINT_RESTORE',
]
const NAMESPACES = ['cgroup', 'ipc', 'net', 'mnt', 'pid', 'user', 'uts', 'time']
const FAMILIES = [
  'AF_UNIX',
  'AF_INET',
  'AF_INET6',
  'AF_NETLINK',
  'AF_PACKET',
  'AF_BLUETOOTH',
  'AF_CAN',
  'AF_ALG',
  'AF_VSOCK',
  'AF_XDP',
  'AF_LOCAL',
  'AF_ROUTE',
  'AF_FILE',
  'AF_KEY',
  'AF_TIPC',
]
const SYSCALL_GROUPS = [
  '@system-service',
  '@basic-io',
  '@file-system',
  '@network-io',
  '@io-event',
  '@ipc',
  '@process',
  '@signal',
  '@timer',
  '@privileged',
  '@resources',
  '@mount',
  '@swap',
  '@clock',
  '@debug',
  '@module',
  '@raw-io',
  '@reboot',
  '@obsolete',
  '@cpu-emulation',
  '@chown',
  '@setuid',
  '@keyring',
  '@memlock',
  '@pkey',
  '@sync',
  '@aio',
  '@sandbox',
  '@default',
  '@known',
]
const SYSCALLS = [
  'mount',
  'umount2',
  'reboot',
  'ptrace',
  'swapon',
  'swapoff',
  'open_tree',
  'open_tree_attr',
  'modify_ldt',
  'ioperm',
  'iopl',
  'chroot',
  'setuid',
  'bpf',
  'nice',
  'settimeofday',
  'adjtimex',
  'init_module',
  'kexec_load',
  'perf_event_open',
  'sched_setattr',
  'setrlimit',
  'fsopen',
  'pivot_root',
  'uselib',
  'sysfs',
  'vm86',
  'umount',
  'stime',
  'chown',
  'fchownat',
  'listmount',
  'read',
  'write',
  'execve',
]
const ERRNOS = ['EPERM', 'EACCES', 'ENOSYS', '1', 'kill', 'log', 'EBOGUS']

const BOOL_TRUE = ['yes', 'true', 'on', '1', 'y', 't', 'YES', 'True', 'oN']
const BOOL_FALSE = ['no', 'false', 'off', '0', 'n', 'f', 'NO', 'False']
const BOOL_BAD = ['', 'maybe', '2', '"yes"', 'yes # comment', 'enable', 'yess']

function has(opts, v) {
  return opts.versions.some((x) => x >= v)
}

function boolValue(r) {
  return r.weighted([
    [45, () => r.pick(BOOL_TRUE)],
    [35, () => r.pick(BOOL_FALSE)],
    [8, () => r.pick(BOOL_BAD)],
  ])()
}

function listOf(r, words, min, max, mutate) {
  const w = r.subset(words, min, max)
  return mutate ? w.map((x) => mutate(x)) : w
}

function caseVariant(r, s) {
  const k = r.int(10)
  if (k === 0) return s.toLowerCase()
  if (k === 1) return s[0] + s.slice(1).toLowerCase()
  return s
}

function capList(r, ambient) {
  const kind = r.weighted([
    [60, 'list'],
    [10, 'empty'],
    [6, 'tilde-alone'],
    [8, 'numbers'],
    [8, 'unknown'],
    [4, 'quoted'],
  ])
  if (kind === 'empty') return ''
  if (kind === 'tilde-alone') return '~'
  const inv = r.chance(ambient ? 0.1 : 0.4) ? '~' : ''
  const n = ambient ? r.range(1, 2) : r.range(1, 6)
  const words = []
  for (let i = 0; i < n; i++) {
    if (kind === 'numbers' && r.chance(0.6)) words.push(String(r.range(0, 65)))
    else if (kind === 'unknown' && r.chance(0.5))
      words.push(r.pick(['CAP_BOGUS', 'SYS_ADMIN', 'NET_ADMIN', 'cap_nope']))
    else words.push(caseVariant(r, r.pick(CAPS)))
  }
  if (kind === 'quoted') return inv + '"' + words.join(' ') + '"'
  return inv + words.join(' ')
}

function umaskValue(r) {
  return r.weighted([
    [
      60,
      () => {
        const n = r.int(0o1000)
        const s = n.toString(8)
        return r.pick(['0', '00', '', '000']) + s
      },
    ],
    [20, () => r.pick(['0022', '0027', '0077', '0002', '0000', '0007', '0026', '077', '027'])],
    [8, () => r.pick(['', '0o22', '-022', '8', '10000', '0x1f', 'u=rwx', '07777'])],
  ])()
}

function nsValue(r) {
  return r.weighted([
    [12, () => r.pick(['yes', 'no', 'true', 'off'])],
    [6, () => ''],
    [50, () => (r.chance(0.4) ? '~' : '') + listOf(r, NAMESPACES, 1, 5).join(' ')],
    [
      6,
      () =>
        (r.chance(0.4) ? '~' : '') +
        listOf(r, NAMESPACES, 1, 3)
          .concat([r.pick(['bogus', 'USER', 'network'])])
          .join(' '),
    ],
    [2, () => '~'],
  ])()
}

function rafValue(r) {
  return r.weighted([
    [10, () => 'none'],
    [8, () => ''],
    [60, () => (r.chance(0.35) ? '~' : '') + listOf(r, FAMILIES, 1, 5, (x) => caseVariant(r, x)).join(' ')],
    [
      10,
      () => {
        const w = listOf(r, FAMILIES, 1, 4)
        w.splice(r.int(w.length + 1), 0, r.pick(['AF_BOGUS', 'AF_UNSPEC', 'INET', 'AF_NONE']))
        return (r.chance(0.35) ? '~' : '') + w.join(' ')
      },
    ],
    [4, () => (r.chance(0.5) ? '~' : '') + '"' + listOf(r, FAMILIES, 1, 3).join(' ') + '"'],
    [2, () => r.pick(['NONE', 'none AF_UNIX'])],
  ])()
}

function syscallFilterValue(r, opts) {
  return r.weighted([
    [8, () => ''],
    [
      40,
      () => {
        const n = r.range(1, 4)
        const words = []
        for (let i = 0; i < n; i++) {
          let w = r.chance(0.6) ? r.pick(SYSCALL_GROUPS) : r.pick(SYSCALLS)
          if (r.chance(0.03)) w = w.toUpperCase()
          words.push(w)
        }
        return words.join(' ')
      },
    ],
    [
      40,
      () => {
        const n = r.range(1, 5)
        const words = []
        for (let i = 0; i < n; i++) {
          let w = r.chance(0.5) ? r.pick(SYSCALL_GROUPS) : r.pick(SYSCALLS)
          if (r.chance(0.15)) w += ':' + r.pick(ERRNOS)
          words.push(w)
        }
        return '~' + words.join(' ')
      },
    ],
    [
      6,
      () =>
        r.pick([
          'foo_bar',
          '~foo_bar',
          '@nonexistent',
          '~@nonexistent',
          '@mount:EPERM',
          '"@clock"',
          '@system-service ~@privileged',
        ]),
    ],
    [
      4,
      () =>
        has(opts, 262)
          ? r.pick(['open_tree', 'open_tree_attr', '~open_tree_attr', 'listmount statmount open_tree'])
          : 'open_tree',
    ],
  ])()
}

function ipList(r, deny) {
  const pool = deny
    ? [
        'any',
        '0.0.0.0/0',
        '::/0',
        '0.0.0.0/0 ::/0',
        '10.0.0.0/8',
        'localhost',
        '::1/0 10.1.2.3/0',
        'bogus',
        'link-local',
        'multicast',
      ]
    : [
        'localhost',
        '127.0.0.1',
        '::1',
        '127.0.0.1/4',
        '127.0.0.0/8',
        '192.168.1.0/24',
        'link-local',
        'multicast',
        'localhost.localdomain',
        'foo.localhost',
        '10.0.0.1 127.0.0.1',
        'not-an-ip',
        '::ffff:127.0.0.1',
        '0.0.0.0/0',
      ]
  return r.weighted([
    [80, () => r.pick(pool)],
    [12, () => ''],
    [8, () => r.pick(pool) + ' ' + r.pick(pool)],
  ])()
}

function deviceAllowValue(r) {
  return r.weighted([
    [
      70,
      () =>
        r.pick([
          '/dev/null',
          '/dev/zero',
          '/dev/sda',
          'char-pts',
          'block-loop',
          'char-rtc',
          '/dev/net/tun',
          '/dev/fuse',
        ]) + (r.chance(0.8) ? ' ' + r.pick(['r', 'rw', 'rwm', 'm', 'w']) : ''),
    ],
    [15, () => ''],
    [
      15,
      () => r.pick(['/dev/null rwx', '/tmp/notadev rw', '"/dev/null" rw', '/dev/%z r', 'dev/null', '/dev/', 'char-']),
    ],
  ])()
}

function enumVal(r, valid, extra = []) {
  return r.weighted([
    [80, () => r.pick(valid)],
    [12, () => r.pick(extra.length ? extra : [''])],
    [8, () => ''],
  ])()
}

// Directive table: [section, key, weight, value generator]
function directives(opts) {
  const r257 = has(opts, 257),
    r262 = has(opts, 262)
  return [
    [
      'Service',
      'User',
      8,
      (r) =>
        r.weighted([
          [30, () => r.pick(['svc', 'daemon-user', 'www-data', '_app', 'app01'])],
          [10, () => r.pick(['root', '0'])],
          [6, () => 'nobody'],
          [4, () => r.pick(['65534', 'ROOT', '"root"', 'some user'])],
          [5, () => ''],
          [8, () => r.pick(['%i', '%p', '%N', '%u', '%U', '%I', '%j'])],
        ])(),
    ],
    [
      'Service',
      'DynamicUser',
      5,
      (r) =>
        r.weighted([
          [50, () => r.pick(BOOL_TRUE)],
          [50, () => r.pick(BOOL_FALSE)],
        ])(),
    ],
    [
      'Service',
      'SupplementaryGroups',
      3,
      (r) => r.pick(['adm', 'adm wheel', '', '%p', 'video audio', 'systemd-journal']),
    ],
    ['Service', 'PrivateDevices', 6, boolValue],
    ['Service', 'PrivateMounts', 5, boolValue],
    ['Service', 'PrivateNetwork', 6, boolValue],
    [
      'Service',
      'PrivateTmp',
      6,
      (r) => (r257 && r.chance(0.25) ? r.pick(['connected', 'disconnected']) : boolValue(r)),
    ],
    [
      'Service',
      'PrivateUsers',
      5,
      (r) =>
        r.chance(0.25)
          ? r.pick(r262 ? ['self', 'identity', 'full', 'managed'] : r257 ? ['self', 'identity'] : ['self'])
          : boolValue(r),
    ],
    [
      'Service',
      'ProtectControlGroups',
      5,
      (r) => (r257 && r.chance(0.25) ? r.pick(['private', 'strict']) : boolValue(r)),
    ],
    ['Service', 'ProtectKernelModules', 5, boolValue],
    ['Service', 'ProtectKernelTunables', 5, boolValue],
    ['Service', 'ProtectKernelLogs', 5, boolValue],
    ['Service', 'ProtectClock', 5, boolValue],
    [
      'Service',
      'ProtectHome',
      6,
      (r) => enumVal(r, ['yes', 'no', 'read-only', 'tmpfs', 'true', 'off'], ['READ-ONLY', 'readonly', '"tmpfs"']),
    ],
    [
      'Service',
      'ProtectHostname',
      4,
      (r) => (r262 && r.chance(0.25) ? r.pick(['private', 'yes:host1', 'private:host2', 'no:host3']) : boolValue(r)),
    ],
    [
      'Service',
      'ProtectSystem',
      7,
      (r) => enumVal(r, ['yes', 'no', 'full', 'strict', 'true', '0'], ['FULL', 'Strict', '"strict"', 'strict # ro']),
    ],
    ['Service', 'RootDirectory', 2, (r) => r.pick(['/srv/root', '/', '', '//', '/srv/%N', '/var/lib/machines/x/'])],
    ['Service', 'RootImage', 2, (r) => r.pick(['/var/lib/images/app.raw', '', '/img/%p.raw'])],
    ['Service', 'MountImages', 1, (r) => r.pick(['/img/extra.raw:/mnt/extra', ''])],
    ['Service', 'LockPersonality', 4, boolValue],
    ['Service', 'MemoryDenyWriteExecute', 4, boolValue],
    ['Service', 'NoNewPrivileges', 6, boolValue],
    ['Service', 'CapabilityBoundingSet', 8, (r) => capList(r, false)],
    ['Service', 'AmbientCapabilities', 3, (r) => capList(r, true)],
    ['Service', 'UMask', 4, umaskValue],
    ['Service', 'KeyringMode', 3, (r) => enumVal(r, ['inherit', 'private', 'shared'], ['Private', 'none'])],
    [
      'Service',
      'ProtectProc',
      4,
      (r) => enumVal(r, ['default', 'noaccess', 'invisible', 'ptraceable'], ['Invisible', 'hidden']),
    ],
    ['Service', 'ProcSubset', 3, (r) => enumVal(r, ['all', 'pid'], ['PID', 'self'])],
    ['Service', 'NotifyAccess', 3, (r) => enumVal(r, ['none', 'main', 'exec', 'all'], ['ALL', 'everyone'])],
    ['Service', 'RemoveIPC', 4, boolValue],
    [
      'Service',
      'Delegate',
      3,
      (r) =>
        r.weighted([
          [60, () => boolValue(r)],
          [20, () => r.pick(['cpu memory', 'io', 'bogus'])],
          [20, () => ''],
        ])(),
    ],
    ['Service', 'RestrictRealtime', 5, boolValue],
    ['Service', 'RestrictSUIDSGID', 5, boolValue],
    ['Service', 'RestrictNamespaces', 7, nsValue],
    ['Service', 'RestrictAddressFamilies', 8, rafValue],
    [
      'Service',
      'SystemCallArchitectures',
      5,
      (r) =>
        r.pick([
          'native',
          'native',
          'native',
          'x86-64',
          'native x86',
          'x86 x32',
          '',
          'bogus',
          'native bogus',
          'NATIVE',
          '"native"',
        ]),
    ],
    ['Service', 'SystemCallFilter', 9, (r) => syscallFilterValue(r, opts)],
    ['Service', 'SystemCallErrorNumber', 1, (r) => r.pick(['EPERM', 'ENOSYS'])],
    ['Service', 'IPAddressDeny', 5, (r) => ipList(r, true)],
    ['Service', 'IPAddressAllow', 4, (r) => ipList(r, false)],
    ['Service', 'IPIngressFilterPath', 1, (r) => r.pick(['/sys/fs/bpf/ingress', ''])],
    ['Service', 'IPEgressFilterPath', 1, (r) => r.pick(['/sys/fs/bpf/egress', ''])],
    ['Service', 'DevicePolicy', 5, (r) => enumVal(r, ['auto', 'closed', 'strict'], ['Closed', 'private'])],
    ['Service', 'DeviceAllow', 4, deviceAllowValue],
    ['Service', 'LoadCredentialEncrypted', 1, (r) => r.pick(['token:/etc/creds/token.cred', ''])],
    ['Service', 'SetCredentialEncrypted', 1, (r) => r.pick(['token:SGVsbG8gd29ybGQ=', ''])],
    // not assessed, but common in real units
    ['Service', 'ReadWritePaths', 1, (r) => r.pick(['/var/lib/app', '-/run/app', ''])],
    ['Service', 'Environment', 1, (r) => r.pick(['A=1', '"B=two words"', 'C=x\\\\'])],
    ['Service', 'Restart', 1, (r) => r.pick(['on-failure', 'no', 'always'])],
    ['Service', 'MemoryMax', 1, (r) => r.pick(['1G', '50%'])],
    ['Service', 'SystemCallLog', 1, (r) => r.pick(['@privileged', ''])],
  ]
}

// ---------------------------------------------------------------- unit text building
const WORDS = [
  'web',
  'db',
  'cache',
  'queue',
  'mail',
  'dns',
  'proxy',
  'agent',
  'backup',
  'sync',
  'auth',
  'log',
  'metrics',
  'api',
  'worker',
  'cron',
  'print',
  'vpn',
  'ntp',
  'ssh',
  'media',
  'git',
  'chat',
  'store',
]
const INSTANCES = ['blue', 'root', 'nobody', '0', 'a-b', 'x1', 'svc', 'main', 'eu-west']

function pickName(r) {
  const parts = [r.pick(WORDS)]
  const k = r.weighted([
    [45, 0],
    [35, 1],
    [20, 2],
  ])
  for (let i = 0; i < k; i++) parts.push(r.pick(WORDS.concat(['1', 'x', 'server', 'daemon', 'main'])))
  let n = parts.join(r.chance(0.85) ? '-' : '_')
  if (r.chance(0.03)) n = r.pick(['root', 'nobody', '9lives', 'Upper']) + (r.chance(0.5) ? '' : '-' + n)
  return n
}

// A unit is built as a list of entries: {section, key, value} plus decorations at render time.
function assignments(r, table, n, opts) {
  const totalW = table.reduce((s, d) => s + d[2], 0)
  const out = []
  for (let i = 0; i < n; i++) {
    let x = r.int(totalW),
      d = table[0]
    for (const e of table) {
      if (x < e[2]) {
        d = e
        break
      }
      x -= e[2]
    }
    let key = d[1]
    if (r.chance(0.01)) key = key.toLowerCase() // unknown key (case-sensitive)
    out.push({ section: d[0], key, value: d[3](r, opts) })
    // repeated lines and resets of the same key
    if (r.chance(0.1)) out.push({ section: d[0], key, value: r.chance(0.4) ? '' : d[3](r, opts) })
  }
  return out
}

function renderValueLine(r, key, value) {
  const eq = r.weighted([
    [90, '='],
    [5, ' = '],
    [3, '\t=\t'],
    [2, '= '],
  ])
  const lead = r.chance(0.03) ? r.pick(['  ', '\t']) : ''
  const trail = r.chance(0.03) ? r.pick([' ', '\t', '  ']) : ''
  let line = lead + key + eq + value + trail
  // continuation: split at a space inside the value
  const sp = value.indexOf(' ')
  if (sp > 0 && r.chance(0.15)) {
    const head = key + eq + value.slice(0, sp)
    const tail = value.slice(sp + 1)
    const mid = r.chance(0.3)
      ? [r.pick(['# comment inside a continuation', '; another comment', '   # indented comment'])]
      : []
    return [head + ' \\', ...mid, r.pick(['    ', '\t', '']) + tail]
  }
  if (r.chance(0.01)) return [line + '\\', '']
  return [line]
}

function renderUnit(r, unit, desc) {
  // unit.sections: Map section -> entries; unit.order: section order
  const lines = [`# random unit: ${desc}`]
  if (r.chance(0.05)) lines.push(r.pick(['; generated', '# vim: ft=systemd', '   # indented']))
  if (unit.preamble) lines.push(...unit.preamble)
  for (const sec of unit.order) {
    const entries = unit.sections.get(sec) || []
    lines.push(`[${sec}]`)
    for (const e of entries) {
      if (r.chance(0.06)) lines.push(r.pick(['# a comment', '; semicolon comment', '', '#PrivateNetwork=yes', '  ']))
      lines.push(...renderValueLine(r, e.key, e.value))
    }
    if (r.chance(0.3)) lines.push('')
  }
  return lines
}

function encodeFile(r, lines, allowOdd) {
  let eol = '\n'
  if (allowOdd && r.chance(0.03)) eol = '\r\n'
  let text = lines.join(eol) + eol
  if (allowOdd && r.chance(0.02)) text = '\ufeff' + text
  if (allowOdd && r.chance(0.01)) text = text.replace(/\n$/, '') // no final newline
  return Buffer.from(text, 'utf8')
}

function newUnit() {
  return { sections: new Map(), order: [] }
}
function add(unit, section, key, value) {
  if (!unit.sections.has(section)) {
    unit.sections.set(section, [])
    unit.order.push(section)
  }
  unit.sections.get(section).push({ key, value })
}

// ---------------------------------------------------------------- refusals
const REFUSALS = [
  'no-execstart',
  'two-execstart',
  'dbus-no-busname',
  'oneshot-restart',
  'fatal-user',
  'fatal-dynamicuser',
  'fatal-rootdir',
  'masked',
  'bad-header',
]

function buildFragment(r, table, opts, name, isTemplate, refusal) {
  const u = newUnit()
  if (r.chance(0.6)) add(u, 'Unit', 'Description', `Random ${name}`)
  if (r.chance(0.06)) add(u, 'Unit', 'DefaultDependencies', r.pick(['no', 'no', 'yes', 'false']))
  if (r.chance(0.02)) u.preamble = ['PrivateNetwork=yes']
  let type = r.weighted([
    [70, null],
    [10, 'simple'],
    [8, 'notify'],
    [6, 'oneshot'],
    [4, 'forking'],
    [2, 'exec'],
  ])
  if (refusal === 'dbus-no-busname') type = 'dbus'
  if (refusal === 'oneshot-restart') type = 'oneshot'
  if (type) add(u, 'Service', 'Type', type)
  if (refusal !== 'no-execstart') {
    const prefix = r.weighted([
      [90, ''],
      [4, '-'],
      [3, '+'],
      [2, '!'],
      [1, '@'],
    ])
    const bin = `/usr/bin/${name.replace(/@.*/, '')}`
    // "@" takes the next word as argv[0]: without one the line is fatal, so always give one
    const argv0 = prefix === '@' ? ` ${name.replace(/@.*/, '')}-main` : ''
    add(
      u,
      'Service',
      'ExecStart',
      `${prefix}${bin}${argv0}${isTemplate ? ' %i' : ''}${r.chance(0.3) ? ' --foreground' : ''}`,
    )
    if (refusal === 'two-execstart' || (type === 'oneshot' && r.chance(0.3)))
      add(u, 'Service', 'ExecStart', '/usr/bin/true')
  } else if (r.chance(0.5)) {
    add(u, 'Service', 'ExecStop', '/usr/bin/stop')
  }
  if (type === 'dbus' && refusal !== 'dbus-no-busname') add(u, 'Service', 'BusName', 'org.example.Random')
  if (refusal === 'oneshot-restart') add(u, 'Service', 'Restart', r.pick(['always', 'on-success']))
  const n = r.weighted([
    [20, r.range(1, 4)],
    [50, r.range(4, 12)],
    [30, r.range(12, 25)],
  ])
  for (const a of assignments(r, table, n, opts)) {
    // keep DynamicUser valid in the fragment (invalid is fatal) unless that is the point
    add(u, a.section, a.key, a.value)
  }
  if (refusal === 'fatal-user') add(u, 'Service', 'User', r.pick(['bad:name', 'a/b', '65535', '..', 'x%z']))
  if (refusal === 'fatal-dynamicuser') add(u, 'Service', 'DynamicUser', r.pick(['maybe', '']))
  if (refusal === 'fatal-rootdir') add(u, 'Service', 'RootDirectory', 'relative/dir')
  // a service setting in the wrong section, now and then
  if (r.chance(0.03)) add(u, r.pick(['Unit', 'Install', 'X-Extra']), 'PrivateNetwork', 'yes')
  if (r.chance(0.2)) add(u, 'Install', 'WantedBy', 'multi-user.target')
  // In a template, User=%i can only be valid; outside of templates it is fatal: avoid it there.
  if (!isTemplate) {
    for (const sec of u.sections.values()) {
      for (const e of sec)
        if ((e.key === 'User' || e.key === 'SupplementaryGroups') && /%[iIj]/.test(e.value)) e.value = 'svc'
    }
  }
  return u
}

function buildDropin(r, table, opts, desc, section = 'Service') {
  const kind = r.weighted([
    [84, 'normal'],
    [4, 'empty'],
    [3, 'no-section'],
    [3, 'fatal'],
    [3, 'bad-header'],
    [3, 'unit-section'],
  ])
  if (kind === 'empty') return Buffer.alloc(0)
  const lines = [`# drop-in: ${desc}`]
  if (kind === 'unit-section') {
    lines.push('[Unit]', `DefaultDependencies=${r.pick(['no', 'yes'])}`)
  }
  if (kind !== 'no-section') lines.push(`[${section}]`)
  const n = r.range(1, 5)
  const as = section === 'Service' ? assignments(r, table, n, opts) : typeAssignments(r, table, opts, section, n)
  for (let i = 0; i < as.length; i++) {
    if (kind === 'fatal' && i === Math.floor(as.length / 2))
      lines.push(r.pick(['User=bad:name', 'DynamicUser=perhaps', 'RootDirectory=rel/dir']))
    if (kind === 'bad-header' && i === Math.floor(as.length / 2)) lines.push('[Service')
    lines.push(...renderValueLine(r, as[i].key, as[i].value))
  }
  if (kind !== 'no-section' && section === 'Service' && r.chance(0.04))
    lines.push('ExecStart=', 'ExecStart=/usr/bin/replaced')
  return encodeFile(r, lines, true)
}

function buildPolicy(r) {
  const fields = [
    'UserOrDynamicUser',
    'PrivateNetwork',
    'ProtectSystem',
    'ProtectHome',
    'UMask',
    'NoNewPrivileges',
    'CapabilityBoundingSet_CAP_SYS_ADMIN',
    'RestrictAddressFamilies_AF_INET_INET6',
    'SystemCallFilter_mount',
    'IPAddressDeny',
    'DeviceAllow',
    'PrivateMounts',
    'RemoveIPC',
    'SupplementaryGroups',
    'ProtectProc',
  ]
  const ranges = {
    UserOrDynamicUser: 10,
    ProtectSystem: 10,
    ProtectHome: 10,
    UMask: 10,
    SystemCallFilter_mount: 10,
    IPAddressDeny: 10,
    DeviceAllow: 10,
    ProtectProc: 3,
  }
  const p = {}
  for (const f of r.subset(fields, 1, 5)) {
    const e = {}
    if (r.chance(0.7)) e.weight = r.pick([0, 1, 10, 50, 500, 2000, 5000])
    // range must never be below the largest badness (systemd aborts), so only grow it
    if (r.chance(0.4)) e.range = (ranges[f] || 1) * r.pick([1, 2, 3, 10])
    if (r.chance(0.3)) e.description_bad = `custom bad text for ${f}`
    if (r.chance(0.2)) e.description_good = `custom good text for ${f}`
    p[f] = e
  }
  return Buffer.from(JSON.stringify(p, null, 2) + '\n', 'utf8')
}

// ---------------------------------------------------------------- other unit types
// Each type: its section, whether it has an exec context (all sandboxing keys) or only a cgroup
// context, and a builder of its name and own settings: valid most of the time, else one of the
// ways systemd refuses that type.
const CGROUP_KEYS = new Set([
  'IPAddressDeny',
  'IPAddressAllow',
  'DeviceAllow',
  'DevicePolicy',
  'Delegate',
  'MemoryMax',
  'IPIngressFilterPath',
  'IPEgressFilterPath',
])
const OTHER_TYPES = [
  [6, 'socket'],
  [4, 'mount'],
  [2, 'automount'],
  [2, 'swap'],
  [4, 'timer'],
  [3, 'path'],
  [3, 'slice'],
  [1, 'scope'],
  [2, 'target'],
  [1, 'device'],
]
const CONTEXT = { socket: 'exec', mount: 'exec', swap: 'exec', slice: 'cgroup', scope: 'cgroup' }

/** `n` assignments for a section of another type: its context's keys, now and then one it does not know. */
function typeAssignments(r, table, opts, section, n) {
  const context = CONTEXT[section.toLowerCase()]
  const usable = context === 'exec' ? table : context === 'cgroup' ? table.filter((d) => CGROUP_KEYS.has(d[1])) : []
  const out = []
  for (const a of assignments(r, usable.length > 0 ? usable : table, n, opts)) {
    if (usable.length === 0 && !r.chance(0.15)) continue
    out.push({ ...a, section })
  }
  return out
}

function pathName(path, suffix) {
  // unit_name_from_path() for the plain paths used here: no escapes needed but for '-'.
  return (
    path
      .slice(1)
      .split('/')
      .map((c) => c.replaceAll('-', '\\x2d'))
      .join('-') + suffix
  )
}

const CALENDARS = [
  'daily',
  'weekly',
  'hourly',
  'Mon..Fri 08:00',
  '*-*-* 03:15:00',
  '*:0/10',
  'Sat,Sun *-*-1..7 02:00',
  '2031-01-01 00:00:00 UTC',
  'monthly',
  'quarterly',
]
const BAD_CALENDARS = ['every day', 'garbage', '25:00', '*-13-01', 'Funday']
const SPANS = ['5min', '1h', '30', '1d 2h', '15s', '1.5h', '2weeks', '100ms']
const BAD_SPANS = ['soon', '5 lightyears', '-1']

function buildOtherType(r, table, opts, type, base) {
  const u = newUnit()
  const S = type[0].toUpperCase() + type.slice(1)
  const broken = r.chance(0.2)
  let name = `${base}.${type}`
  if (r.chance(0.5)) add(u, 'Unit', 'Description', `Random ${type} ${base}`)
  if (r.chance(0.05)) add(u, 'Unit', 'DefaultDependencies', r.pick(['no', 'yes']))
  switch (type) {
    case 'mount':
    case 'automount': {
      const path = `/${r.pick(['srv', 'mnt', 'var/lib', 'data'])}/${base}`
      name = pathName(path, `.${type}`)
      const where = broken
        ? r.pick([`${path}-other`, 'relative/dir', `/proc`, `${path}/../x`, ''])
        : r.pick([path, path, `${path}/`, null])
      if (where !== null) add(u, S, 'Where', where)
      if (type === 'mount' && !(broken && r.chance(0.5)))
        add(u, S, 'What', r.pick(['/dev/sdb1', 'LABEL=data', 'tmpfs', 'server:/export', '/dev/disk/by-uuid/1234']))
      if (type === 'mount' && r.chance(0.3)) add(u, S, 'Type', r.pick(['ext4', 'tmpfs', 'nfs']))
      if (type === 'automount' && r.chance(0.5)) add(u, S, 'TimeoutIdleSec', r.pick(['10', '5min']))
      break
    }
    case 'swap': {
      const dev = `/dev/${r.pick(['sd', 'vd', 'nvme0n'])}${base.replace(/[^a-z0-9]/g, '')}`
      name = pathName(dev, '.swap')
      const what = broken ? r.pick(['/dev/other', 'relative', `${dev}/../x`, '/dev/%p']) : r.pick([dev, dev, null, ''])
      if (what !== null) add(u, S, 'What', what)
      if (r.chance(0.3)) add(u, S, 'Priority', String(r.range(-1, 100)))
      break
    }
    case 'timer': {
      const n = broken ? r.range(0, 1) : r.range(1, 3)
      for (let i = 0; i < n; i++) {
        const key = r.pick([
          'OnCalendar',
          'OnCalendar',
          'OnBootSec',
          'OnUnitActiveSec',
          'OnActiveSec',
          'OnStartupSec',
          'OnUnitInactiveSec',
        ])
        const value =
          key === 'OnCalendar'
            ? broken
              ? r.pick(BAD_CALENDARS)
              : r.pick(CALENDARS)
            : broken
              ? r.pick(BAD_SPANS)
              : r.pick(SPANS)
        add(u, S, key, value)
      }
      if (broken && r.chance(0.4)) add(u, S, r.pick(['OnCalendar', 'OnBootSec']), '')
      if (r.chance(0.1)) add(u, S, r.pick(['OnClockChange', 'OnTimezoneChange']), boolValue(r))
      if (r.chance(0.3)) add(u, S, 'Persistent', r.pick(['yes', 'no']))
      break
    }
    case 'path': {
      const n = broken ? r.range(0, 1) : r.range(1, 2)
      for (let i = 0; i < n; i++) {
        add(
          u,
          S,
          r.pick(['PathExists', 'PathExistsGlob', 'PathChanged', 'PathModified', 'DirectoryNotEmpty']),
          broken
            ? r.pick(['relative/path', '/var/../x', '/run/%z'])
            : r.pick(['/var/spool/job', '/etc/app.conf', '/run/app/*.req', '/srv/%p']),
        )
      }
      if (broken && r.chance(0.4)) add(u, S, 'PathExists', '')
      break
    }
    case 'socket': {
      const streams = ['80', '0.0.0.0:8080', '[::1]:443', '/run/app.sock', '@app', 'vsock:2:1024']
      const n = broken ? r.range(0, 1) : r.range(1, 3)
      for (let i = 0; i < n; i++) {
        const key = r.weighted([
          [50, 'ListenStream'],
          [15, 'ListenDatagram'],
          [8, 'ListenSequentialPacket'],
          [8, 'ListenFIFO'],
          [5, 'ListenNetlink'],
          [5, 'ListenSpecial'],
        ])
        let value =
          key === 'ListenFIFO'
            ? '/run/app.fifo'
            : key === 'ListenNetlink'
              ? 'route 0'
              : key === 'ListenSpecial'
                ? '/dev/log'
                : key === 'ListenSequentialPacket'
                  ? '/run/seq.sock'
                  : r.pick(streams)
        if (broken) value = r.pick(['0', '70000', 'lo:80', '1.2.3.4', 'relative.sock', value])
        add(u, S, key, value)
      }
      if (broken && r.chance(0.4)) add(u, S, r.pick(['ListenStream', 'ListenFIFO', 'ListenDatagram']), '')
      if (r.chance(0.25)) add(u, S, 'Accept', boolValue(r))
      if (r.chance(0.1)) add(u, S, 'MaxConnections', r.pick(['0', '10', 'many']))
      if (r.chance(0.08)) add(u, S, 'Service', r.pick(['other.service', 'x.target']))
      if (r.chance(0.08)) add(u, S, 'Symlinks', r.pick(['/run/link.sock', '']))
      if (r.chance(0.05)) {
        add(u, S, 'PAMName', 'login')
        add(u, S, 'KillMode', r.pick(['process', 'mixed', 'control-group']))
      }
      break
    }
    case 'slice': {
      if (broken) name = r.pick([`${base}--x.slice`, `${base}-.slice`, `-${base}.slice`])
      else if (r.chance(0.3)) name = `${base}-sub.slice`
      if (r.chance(0.1)) add(u, S, 'Slice', 'other.slice')
      break
    }
    default:
      break
  }
  const context = CONTEXT[type]
  const n = context
    ? r.weighted([
        [30, r.range(0, 3)],
        [50, r.range(3, 10)],
        [20, r.range(10, 20)],
      ])
    : r.range(0, 2)
  for (const a of typeAssignments(r, table, opts, S, n)) add(u, a.section, a.key, a.value)
  // A [Service] section in a unit of another type is unknown there.
  if (r.chance(0.04)) add(u, 'Service', 'PrivateNetwork', 'yes')
  if (r.chance(0.15)) add(u, 'Install', 'WantedBy', type === 'timer' ? 'timers.target' : 'multi-user.target')
  if (u.order.length === 0) add(u, 'Unit', 'Description', `Random ${type}`)
  return { unit: u, name }
}

// ---------------------------------------------------------------- main
function main() {
  const opts = parseArgs(process.argv.slice(2))
  const r = makeRng(opts.seed)
  const table = directives(opts)

  // Re-runnable: an earlier output (marked by .random-units) is replaced; anything else is left alone.
  const marker = join(opts.out, '.random-units')
  if (existsSync(opts.out) && readdirSync(opts.out).length > 0) {
    if (!opts.force && !existsSync(marker))
      fail(`${opts.out} is not empty and was not made by this script (use --force to replace it)`)
    rmSync(opts.out, { recursive: true, force: true })
  }
  const files = new Map() // path -> Buffer
  const targets = []
  const put = (path, buf) => files.set(path, buf)

  let made = 0,
    cluster = 0
  while (made < opts.count) {
    cluster++
    const dir = `r${String(cluster).padStart(4, '0')}`
    const nUnits = Math.min(
      opts.count - made,
      r.weighted([
        [80, 1],
        [15, 2],
        [5, 3],
      ]),
    )
    const usedNames = new Set()
    const policy = opts.policies && r.chance(0.04)
    if (policy) put(`${dir}/policy.json`, buildPolicy(r))
    const typeWide = r.chance(0.08)
    if (typeWide) {
      for (let k = r.range(1, 2); k > 0; k--)
        put(
          `${dir}/service.d/${r.pick(['10', '50', '90'])}-${r.pick(WORDS)}.conf`,
          buildDropin(r, table, opts, 'type-wide service.d'),
        )
    }
    for (let i = 0; i < nUnits; i++, made++) {
      let base = pickName(r)
      while (usedNames.has(base)) base += '-' + r.int(10)
      usedNames.add(base)
      if (r.chance(0.25)) {
        const type = r.weighted(OTHER_TYPES)
        const built = buildOtherType(r, table, opts, type, base)
        const path = `${dir}/${built.name}`
        put(path, encodeFile(r, renderUnit(r, built.unit, built.name), true))
        targets.push([path, 'other-type', opts.policies && policy ? `--security-policy=${dir}/policy.json` : ''])
        if (r.chance(0.2)) {
          const section = type[0].toUpperCase() + type.slice(1)
          put(
            `${path}.d/${r.pick(['10', '50'])}-${r.pick(WORDS)}.conf`,
            buildDropin(r, table, opts, `${built.name}.d`, section),
          )
        }
        continue
      }
      const isTemplate = r.chance(0.12)
      const fname = isTemplate ? `${base}@.service` : `${base}.service`
      const refusal = r.chance(0.04) ? r.pick(REFUSALS) : null
      const desc = `${fname}${refusal ? ` (refusal: ${refusal})` : ''}`
      const path = `${dir}/${fname}`
      if (refusal === 'masked') {
        put(path, Buffer.alloc(0))
      } else {
        const u = buildFragment(r, table, opts, base, isTemplate, refusal)
        const lines = renderUnit(r, u, desc)
        if (refusal === 'bad-header') lines.splice(r.range(1, lines.length - 1), 0, '[Service')
        put(path, encodeFile(r, lines, true))
      }
      const args = policy ? `--security-policy=${dir}/policy.json` : ''
      targets.push([path, isTemplate ? 'template' : 'unit', args])
      // drop-ins in the unit's own directory
      if (r.chance(0.35)) {
        for (let k = r.range(1, 3); k > 0; k--)
          put(
            `${path}.d/${r.pick(['00', '10', '20', '50', '99'])}-${r.pick(WORDS)}.conf`,
            buildDropin(r, table, opts, `${fname}.d`),
          )
      }
      // dash-prefix drop-ins
      const dash = base.indexOf('-')
      if (dash > 0 && r.chance(0.2)) {
        const pref = base.slice(0, dash + 1)
        put(
          `${dir}/${pref}${isTemplate ? '@' : ''}.service.d/${r.pick(['10', '50'])}-prefix.conf`,
          buildDropin(r, table, opts, `${pref}.service.d`),
        )
      }
      if (isTemplate) {
        // instances that do not exist as files; some with their own drop-in directories
        const insts = r.subset(INSTANCES, 1, 2)
        for (const inst of insts) {
          const ip = `${dir}/${base}@${inst}.service`
          if (r.chance(0.5))
            put(
              `${ip}.d/${r.pick(['10', '50', '90'])}-instance.conf`,
              buildDropin(r, table, opts, `${base}@${inst}.service.d`),
            )
          targets.push([ip, 'instance', args])
        }
        if (r.chance(0.15)) {
          // drop-ins for the default instance names the versions use
          put(
            `${dir}/${base}@${r.pick(['i', 'test_instance'])}.service.d/50-default-instance.conf`,
            buildDropin(r, table, opts, 'default instance'),
          )
        }
      }
    }
  }

  for (const [p, buf] of [...files.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const full = join(opts.out, p)
    mkdirSync(dirname(full), { recursive: true })
    writeFileSync(full, buf)
  }
  const tsv = ['path\tkind\targs', ...targets.map((t) => t.join('\t'))].join('\n') + '\n'
  writeFileSync(join(opts.out, 'TARGETS.tsv'), tsv)
  writeFileSync(
    marker,
    `seed=${opts.seed} count=${opts.count} versions=${opts.versions.join(',')} policies=${opts.policies}\n`,
  )
  process.stderr.write(
    `random-units: seed ${opts.seed}: ${made} units, ${targets.length} targets, ${files.size} files in ${opts.out}\n`,
  )
}

main()
