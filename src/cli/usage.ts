/** Errors in how the command was called: exit status 2, like systemd-analyze's usage errors. */
export class UsageError extends Error {}
