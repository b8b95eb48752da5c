/** Types of release-notes-lib.mjs, for the tests. */
export declare function releaseNotes(
  tag: string,
  sources: { changelog: string; packageVersion: string; toolVersion: string },
): { notes: string } | { error: string }
