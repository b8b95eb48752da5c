/**
 * Octokit options for tests against the fake GitHub server: the real retry and throttling
 * plugins, with their waits shrunk from seconds to milliseconds.
 *
 * Why: plugin-throttling spaces non-GET requests ≥ 1 s apart and comment creation
 * (`POST …/issues/{n}/comments`, a "notification" route) ≥ 3 s apart through module-global
 * Bottleneck groups, and both plugins multiply their delays (`retry-after` seconds, retry
 * count²) by `retryAfterBaseValue` = 1000 ms.
 */
import { createRequire } from 'node:module'
import type BottleneckType from 'bottleneck'

const require = createRequire(import.meta.url)
// The throttling plugin itself uses bottleneck's "light" build; use the same one.
const Bottleneck = require('bottleneck/light.js') as typeof BottleneckType

export interface FastOctokitOptions {
  baseUrl: string
  retry: { retryAfterBaseValue: number; retries?: number; doNotRetry?: number[] }
  throttle: {
    id: string
    retryAfterBaseValue: number
    fallbackSecondaryRateRetryAfter: number
    write: BottleneckType.Group
    notifications: BottleneckType.Group
    search: BottleneckType.Group
    onRateLimit: (retryAfter: number, options: object, octokit: unknown, retryCount: number) => boolean
    onSecondaryRateLimit: (retryAfter: number, options: object, octokit: unknown, retryCount: number) => boolean
  }
}

let instance = 0

/**
 * `getOctokit(token, fastOctokitOptions(server.url), retry, throttling)`.
 * The handlers retry up to `maxRetries` times (default 2), like a production action would.
 */
export function fastOctokitOptions(
  baseUrl: string,
  options: {
    maxRetries?: number
    onLimit?: (kind: 'primary' | 'secondary', retryAfter: number, retryCount: number) => void
  } = {},
): FastOctokitOptions {
  const maxRetries = options.maxRetries ?? 2
  const group = () => new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 })
  return {
    baseUrl,
    retry: { retryAfterBaseValue: 1 },
    throttle: {
      // Unique id: the plugin keys its (module-global) limiters by id.
      id: `fake-github-${process.pid}-${++instance}`,
      retryAfterBaseValue: 1,
      fallbackSecondaryRateRetryAfter: 1,
      write: group(),
      notifications: group(),
      search: group(),
      onRateLimit: (retryAfter, _o, _k, retryCount) => {
        options.onLimit?.('primary', retryAfter, retryCount)
        return retryCount < maxRetries
      },
      onSecondaryRateLimit: (retryAfter, _o, _k, retryCount) => {
        options.onLimit?.('secondary', retryAfter, retryCount)
        return retryCount < maxRetries
      },
    },
  }
}
