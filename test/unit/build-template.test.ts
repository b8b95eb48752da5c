/** Build-template placeholders as the projects that ship them spell them. */
import { describe, expect, it } from 'vitest'
import { expandBuildTemplate } from '../../src/unit/build-template.js'

const expand = (text: string): { text: string; unknown: readonly string[] } => {
  const r = expandBuildTemplate(Buffer.from(text))
  return { text: Buffer.from(r.bytes).toString('utf8'), unknown: r.unknown }
}

describe('build-template placeholders', () => {
  it("systemd's own meson names spelled @NAME@, as its units were before jinja (history survey TE-1: @SERVICE_WATCHDOG@)", () => {
    expect(expand('[Service]\nExecStart=@rootlibexecdir@/systemd-logind\n@SERVICE_WATCHDOG@\n')).toEqual({
      text: '[Service]\nExecStart=/usr/lib/systemd/systemd-logind\nWatchdogSec=3min\n',
      unknown: [],
    })
  })

  it("GNU names come first: @libexecdir@ is /usr/libexec, {{LIBEXECDIR}} systemd's /usr/lib/systemd", () => {
    expect(expand('ExecStart=@libexecdir@/a\nExecStop={{LIBEXECDIR}}/b\n').text).toBe(
      'ExecStart=/usr/libexec/a\nExecStop=/usr/lib/systemd/b\n',
    )
  })
})
