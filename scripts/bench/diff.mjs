#!/usr/bin/env node
// Benchmark of `systemd-exposure diff`: a repository of 1,000 unit files (with drop-ins) where a
// commit changes 300 of them, diffed by the bundled CLI in one process. Reports wall time and
// CPU time (user + system) and peak memory; the target is under one second of CPU.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const UNITS = 1000
const CHANGED = 300
const cli = resolve('dist/cli.js')
const repo = mkdtempSync(join(tmpdir(), 'sdx-bench-diff-'))
const git = (...args) =>
  execFileSync('git', ['-C', repo, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'b',
      GIT_AUTHOR_EMAIL: 'b@b.invalid',
      GIT_COMMITTER_NAME: 'b',
      GIT_COMMITTER_EMAIL: 'b@b.invalid',
    },
  }).trim()

const unit = (i, hardened) => `[Unit]
Description=Service ${i}
After=network.target

[Service]
ExecStart=/usr/bin/daemon-${i} --port ${8000 + i}
User=svc${i}
${hardened ? 'NoNewPrivileges=yes\nProtectSystem=strict\nCapabilityBoundingSet=CAP_NET_BIND_SERVICE\n' : 'CapabilityBoundingSet=CAP_NET_BIND_SERVICE CAP_NET_RAW\n'}Restart=on-failure

[Install]
WantedBy=multi-user.target
`

try {
  git('init', '-q', '-b', 'main')
  for (let i = 0; i < UNITS; i++) {
    const dir = join(repo, `services/group${i % 40}`)
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, `daemon-${i}.service`), unit(i, true))
    if (i % 4 === 0) {
      mkdirSync(join(dir, `daemon-${i}.service.d`), { recursive: true })
      writeFileSync(join(dir, `daemon-${i}.service.d/10-limits.conf`), '[Service]\nPrivateTmp=yes\nLimitNOFILE=65536\n')
    }
  }
  git('add', '-A')
  git('commit', '-q', '-m', 'base')
  const base = git('rev-parse', 'HEAD')
  for (let i = 0; i < CHANGED; i++) {
    const n = i * 3
    const dir = join(repo, `services/group${n % 40}`)
    if (n % 4 === 0)
      writeFileSync(join(dir, `daemon-${n}.service.d/10-limits.conf`), '[Service]\nPrivateTmp=no\nLimitNOFILE=4096\n')
    else writeFileSync(join(dir, `daemon-${n}.service`), unit(n, false))
  }
  git('add', '-A')
  git('commit', '-q', '-m', 'head')
  const head = git('rev-parse', 'HEAD')
  // A checkout from a remote has its objects in a pack, not loose: measure that case.
  git('repack', '-adq')

  const hasTime = existsSync('/usr/bin/time')
  let best
  for (let run = 0; run < 3; run++) {
    const started = process.hrtime.bigint()
    const args = [cli, 'diff', '--base', base, '--head', head, '--format', 'json']
    const r = hasTime
      ? spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, ...args], {
          cwd: repo,
          encoding: 'utf8',
          maxBuffer: 1 << 30,
        })
      : spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 })
    const wall = Number(process.hrtime.bigint() - started) / 1e9
    const [user, sys, rss] = hasTime ? r.stderr.trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN]
    const report = JSON.parse(r.stdout)
    const m = {
      wall,
      cpu: user + sys,
      rss,
      services: report.services.length,
      widened: report.summary.capabilitiesWidened,
    }
    if (!best || m.cpu < best.cpu || (Number.isNaN(m.cpu) && m.wall < best.wall)) best = m
  }
  console.log(
    `diff: ${UNITS} unit files, ${CHANGED} changed (${best.services} services affected, ${best.widened} capabilities widened)`,
  )
  console.log(
    `  wall ${(best.wall * 1000).toFixed(0)} ms, CPU ${(best.cpu * 1000).toFixed(0)} ms (user+sys, best of 3), peak RSS ${(best.rss / 1024).toFixed(1)} MiB — target: under 1,000 ms of CPU`,
  )
} finally {
  rmSync(repo, { recursive: true, force: true })
}
