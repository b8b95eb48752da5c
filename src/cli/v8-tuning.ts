/**
 * One V8 setting for a CLI process running `score` (never for a process that merely imports the
 * engine, such as the test runner).
 *
 * A `score` run is short and cold: the engine's code runs in V8's interpreter until TurboFan has
 * compiled it, and TurboFan inlining makes those compile jobs large (loadService() and score()
 * took 50-75 ms each to compile on a small VM, during which thousands of units were scored by
 * the slow tiers). Without inlining the optimised code arrives sooner: 2,580 units scored
 * 10-15 % faster from process start (best of 12 interleaved runs, Node 20). A score run lasts
 * seconds at most: what inlining would win later never makes up for the delay.
 */
import { setFlagsFromString } from 'node:v8'

/**
 * Only where it was measured: V8 11 (Node 20). Node 22+ compiles hot code with Maglev first,
 * which changes the trade-off, and V8 complains on standard error about flags it no longer has.
 */
const TUNED_V8_MAJOR = 11

export function tuneV8ForShortRuns(v8Version: string = process.versions.v8): void {
  if (Number.parseInt(v8Version, 10) !== TUNED_V8_MAJOR) return
  // Takes effect for functions optimised from now on, which is all of the engine's.
  setFlagsFromString('--no-turbo-inlining')
}
