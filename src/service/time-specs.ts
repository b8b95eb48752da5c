/**
 * Whether systemd reads a timer's values: parse_sec() for the monotonic ones (OnBootSec=, …) and
 * calendar_spec_from_string() for OnCalendar=. A timer none of whose values is read is refused,
 * so only acceptance matters here, not the times.
 */

const SEC_UNITS =
  'usec|us|µs|μs|msec|ms|seconds|second|sec|s|minutes|minute|min|m|hours|hour|hr|h|days|day|d|weeks|week|w|months|month|M|years|year|y'
const TIMESPAN = new RegExp(
  `^[ \\t\\n\\r]*(?:(?:\\d+(?:\\.\\d+)?|\\.\\d+)[ \\t\\n\\r]*(?:${SEC_UNITS})?[ \\t\\n\\r]*)+$`,
)

/** parse_sec(): `infinity`, or numbers each with an optional unit (seconds by default). */
export function isTimespan(text: string): boolean {
  return text.trim() === 'infinity' || TIMESPAN.test(text)
}

const SHORTHANDS = new Set([
  'minutely',
  'hourly',
  'daily',
  'monthly',
  'weekly',
  'yearly',
  'annually',
  'quarterly',
  'semiannually',
])
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']

/** A number, `*`, a range `a..b`, each with an optional repetition `/n`, in a comma list, every number within [min, max]. */
function isComponent(text: string, min: number, max: number, fraction = false): boolean {
  if (text === '') return false
  return text.split(',').every((item) => {
    const m = new RegExp(
      `^(?:\\*|(\\d+)(?:\\.\\.(\\d+))?)${fraction ? '(?:\\.\\d+)?' : ''}(?:/(\\d+)${fraction ? '(?:\\.\\d+)?' : ''})?$`,
    ).exec(item)
    if (!m) return false
    const inRange = (n: string | undefined): boolean => n === undefined || (Number(n) >= min && Number(n) <= max)
    if (m[3] !== undefined && Number(m[3]) === 0) return false
    return inRange(m[1]) && inRange(m[2]) && (m[1] === undefined || m[2] === undefined || Number(m[1]) <= Number(m[2]))
  })
}

function isWeekdays(text: string): boolean {
  const day = (d: string): boolean =>
    d.length >= 3 && WEEKDAYS.some((w) => w === d.toLowerCase() || w.slice(0, 3) === d.toLowerCase())
  // Ranges are written `Mon..Fri` or `Mon-Fri`.
  return text.split(',').every((item) => {
    const ends = item.split(/\.\.|-/)
    return ends.length <= 2 && ends.every(day)
  })
}

function isDate(text: string): boolean {
  const m = /^(?:([^-~]+)-)?([^-~]+)([-~])([^-~]+)$/.exec(text)
  if (!m) return false
  return (m[1] === undefined || isComponent(m[1], 1970, 2199)) && isComponent(m[2]!, 1, 12) && isComponent(m[4]!, 1, 31)
}

function isTime(text: string): boolean {
  const parts = text.split(':')
  if (parts.length < 2 || parts.length > 3) return false
  return (
    isComponent(parts[0]!, 0, 23) &&
    isComponent(parts[1]!, 0, 59) &&
    (parts[2] === undefined || isComponent(parts[2], 0, 59, true))
  )
}

/**
 * calendar_spec_from_string() for the forms units use: the shorthands (`daily`), and
 * `[WEEKDAYS] [DATE] [TIME] [ZONE]` with lists, ranges and repetitions. A zone is UTC or any
 * Area/Location name (whether the machine's zone database has it is not checked).
 */
export function isCalendarSpec(text: string): boolean {
  const words = text.trim().split(/[ \t\n\r]+/)
  if (words.length === 1 && SHORTHANDS.has(words[0]!.toLowerCase())) return true
  // A trailing time zone: UTC, or an Area/Location name of the zone database.
  if (
    words.length > 1 &&
    (words[words.length - 1] === 'UTC' || /^[A-Z][A-Za-z_+-]*(\/[A-Za-z0-9_+-]+)+$/.test(words[words.length - 1]!))
  )
    words.pop()
  if (words.length === 1 && SHORTHANDS.has(words[0]!.toLowerCase())) return true
  let i = 0
  if (words[i] !== undefined && /^[A-Za-z]/.test(words[i]!)) {
    if (!isWeekdays(words[i]!)) return false
    i++
  }
  if (words[i] !== undefined && !words[i]!.includes(':')) {
    if (!isDate(words[i]!)) return false
    i++
  }
  if (words[i] !== undefined) {
    if (!isTime(words[i]!)) return false
    i++
  }
  return i > 0 && i === words.length
}
