/** DeviceAllow= and DevicePolicy=: which device nodes the unit's cgroup may open. */
import { simplifyAbsolutePath, extractWords } from '../words.js'
import { expand, type Handler } from './handler.js'
import { enumOf } from './plain.js'

export const devicePolicy = enumOf(['auto', 'closed', 'strict'], (s, v) => (s.devicePolicy = v), 'device policy')

export const deviceAllow: Handler = (s, a, ctx) => {
  if (a.value === '') {
    s.deviceAllow = []
    return undefined
  }
  // The device is one (unquoted) word; the rest of the line, after the separating
  // whitespace, is the rights string.
  const m = /^([^ \t\n\r]+)[ \t\n\r]*(.*)$/s.exec(a.value)
  const first = m ? extractWords(m[1]!, { unquote: true }).words[0] : undefined
  if (!m || first === undefined) {
    ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`)
    return undefined
  }
  const expanded = expand(ctx, a, first, 'path')
  if ('error' in expanded) {
    ctx.warn(a, `Failed to resolve unit specifiers in '${first}', ignoring: ${expanded.error}`)
    return undefined
  }
  const resolved = expanded.value
  let device = resolved
  if (!device.startsWith('block-') && !device.startsWith('char-')) {
    const simplified = device.startsWith('/') ? simplifyAbsolutePath(device) : null
    if (
      simplified === null ||
      // path_startswith() compares whole components: "/dev" itself is under "/dev/".
      !['/dev', '/run/systemd/inaccessible'].some((root) => simplified === root || simplified.startsWith(root + '/'))
    ) {
      ctx.warn(a, `Invalid device node path '${resolved}', ignoring.`)
      return undefined
    }
    device = simplified
  }
  const rights = m[2]!
  if (rights !== '' && !/^[rwm]*$/.test(rights)) {
    ctx.warn(a, `Invalid device rights '${rights}', ignoring.`)
    return undefined
  }
  s.deviceAllow.unshift(`${device}:${canonicalRights(rights)}`)
  return undefined
}

export function canonicalRights(rights: string): string {
  if (rights === '') return 'rwm'
  return ['r', 'w', 'm'].filter((c) => rights.includes(c)).join('')
}
