/**
 * MountImages= as config_parse_mount_images() reads it. The analysis only needs whether an image
 * is left (it implies DeviceAllow= entries for loop devices, patch.ts): a `SOURCE:DEST[:OPTIONS]`
 * entry counts when both paths resolve (specifiers) to valid absolute paths.
 */
import type { Expansion, SpecifierUse } from '../unit/specifiers.js'
import { cunescapeOne, extractFirstWord, isNormalizedPath } from './words.js'

export interface MountImagesContext {
  expand(text: string, use: SpecifierUse): Expansion
  warn(message: string): void
}

/** The number of images a MountImages= line adds (0 for an empty value, which resets: see caller). */
export function mountImages(value: string, ctx: MountImagesContext): number {
  let added = 0
  let p = 0
  for (;;) {
    // extract_first_word(EXTRACT_UNQUOTE|EXTRACT_RETAIN_ESCAPE): escapes stay for the split below.
    const tuple = extractTuple(value, p)
    if (tuple === 'invalid') {
      ctx.warn(`Invalid syntax MountImages=${value}, ignoring: Invalid argument`)
      return added
    }
    if (tuple === null) return added
    p = tuple.next
    const fields = splitColons(tuple.word)
    if (fields === null) {
      ctx.warn(`Invalid syntax in MountImages=, ignoring: ${tuple.word}`)
      return added
    }
    if (fields.length === 0) continue
    let source = fields[0]!
    if (source.startsWith('-')) source = source.slice(1)
    const s = ctx.expand(source, 'path')
    if ('error' in s) {
      ctx.warn(`Failed to resolve unit specifiers in "${source}", ignoring: ${s.error}`)
      continue
    }
    if (!absolutePathOk(s.value, ctx)) continue
    const dest = fields[1] ?? ''
    if (dest === '') {
      ctx.warn(`Missing destination in MountImages, ignoring: ${value}`)
      continue
    }
    const d = ctx.expand(dest, 'path')
    if ('error' in d) {
      ctx.warn(`Failed to resolve specifiers in "${dest}", ignoring: ${d.error}`)
      continue
    }
    if (!absolutePathOk(d.value, ctx)) continue
    // Mount options: one set for the root partition, or PARTITION:OPTIONS pairs. One that does
    // not resolve is skipped; the image stays. (systemd names the image's source, not the
    // options, in the message about a single set.)
    for (let i = 2; i < fields.length; i += 2) {
      const single = i + 1 >= fields.length
      const options = single ? fields[i]! : fields[i + 1]!
      const o = ctx.expand(options, 'full')
      if ('error' in o)
        ctx.warn(`Failed to resolve unit specifiers in ${single ? fields[0]! : options}, ignoring: ${o.error}`)
    }
    added++
  }
}

/** path_simplify_and_warn(PATH_CHECK_ABSOLUTE). */
function absolutePathOk(path: string, ctx: MountImagesContext): boolean {
  if (!path.startsWith('/')) {
    ctx.warn(`MountImages= path is not absolute, ignoring: ${path}`)
    return false
  }
  // path_simplify(): "." components, doubled and trailing slashes go.
  const simplified =
    '/' +
    path
      .split('/')
      .filter((c) => c !== '' && c !== '.')
      .join('/')
  if (!isNormalizedPath(simplified)) {
    ctx.warn(`MountImages= path is not normalized, ignoring: ${simplified}`)
    return false
  }
  return true
}

function extractTuple(value: string, at: number): { word: string; next: number } | null | 'invalid' {
  return extractFirstWord(value, at, { unquote: true, retainEscape: true })
}

/**
 * extract_many_words(":", EXTRACT_CUNESCAPE|EXTRACT_UNESCAPE_SEPARATORS): the fields between
 * colons, C escapes decoded, `\\:` and `\\\\` literal; null on an escape it cannot decode.
 */
function splitColons(tuple: string): string[] | null {
  const fields: string[] = []
  let field = ''
  for (let i = 0; i < tuple.length; i++) {
    const c = tuple[i]!
    if (c === ':') {
      fields.push(field)
      field = ''
    } else if (c !== '\\') field += c
    else {
      if (i + 1 >= tuple.length) return null
      const decoded = cunescapeOne(tuple, i + 1)
      if (decoded !== null) {
        field += decoded.text
        i += decoded.length
      } else if (tuple[i + 1] === ':') field += tuple[++i]!
      else return null
    }
  }
  fields.push(field)
  return fields
}
