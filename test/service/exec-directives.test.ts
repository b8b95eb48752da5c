import { describe, expect, it } from 'vitest'
import { SYSTEMD_VERSIONS } from '../../src/model/versions.js'
import {
  EXEC_DIRECTIVES,
  SERVICE_EXEC_DIRECTIVES,
  SERVICE_ONLY_EXEC_DIRECTIVES,
  SOCKET_EXEC_DIRECTIVES,
} from '../../src/service/exec-directives.js'
import { unitKeyParsers } from '../../src/unit/key-parsers.generated.js'

/** The keys of a section that config_parse_exec() reads in a version's parser table. */
function execKeys(version: string, section: string): string[] {
  return [...unitKeyParsers(version)]
    .filter(([key, parser]) => key.startsWith(`${section}.`) && parser.replace(/:1$/, '') === 'config_parse_exec')
    .map(([key]) => key.slice(section.length + 1))
    .sort()
}

describe('the Exec*= directives of each unit type', () => {
  const newest = SYSTEMD_VERSIONS[SYSTEMD_VERSIONS.length - 1]!

  it('are the keys config_parse_exec() reads in [Service] and [Socket] of the newest version', () => {
    expect(execKeys(newest, 'Service')).toEqual([...SERVICE_EXEC_DIRECTIVES].sort())
    expect(execKeys(newest, 'Socket')).toEqual([...SOCKET_EXEC_DIRECTIVES].sort())
  })

  it('cover every Exec*= key of every supported version, and no other unit type has one', () => {
    const all = new Set<string>(EXEC_DIRECTIVES)
    for (const v of SYSTEMD_VERSIONS) {
      for (const [key, parser] of unitKeyParsers(v)) {
        if (parser.replace(/:1$/, '') !== 'config_parse_exec') continue
        const [section, name] = key.split('.') as [string, string]
        expect(['Service', 'Socket'], key).toContain(section)
        expect(all.has(name), `${v} ${key}`).toBe(true)
      }
    }
  })

  it('name the service-only ones as those a socket lacks', () => {
    expect([...SERVICE_ONLY_EXEC_DIRECTIVES].sort()).toEqual(
      [...new Set(execKeys(newest, 'Service'))].filter((d) => !execKeys(newest, 'Socket').includes(d)).sort(),
    )
  })
})
