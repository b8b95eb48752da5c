/** Errors in how the command was called: exit status 2, like systemd-analyze's usage errors. */
export class UsageError extends Error {}

export const USAGE = `Usage: systemd-exposure COMMAND [OPTIONS] ...

Commands:
  score [--systemd-version 252|254|257|262] [--format text|json] [--threshold N]
        [--security-policy FILE] UNIT_FILE...
      Exposure score, verdict and rows of each service, as systemd-analyze security
      --offline=true prints them. Exit 1 when a unit cannot be loaded or exceeds N (0-100).
  recommend [--systemd-version V] [--format text|json] UNIT_FILE...
      Phased hardening advice per unit, each phase with the score it reaches (computed by
      the engine on the unit with the drop-in applied) and a ready-to-paste drop-in.
  diff [--base REV] [--head REV] [--systemd-version V] [--format markdown|json]
       [--fail-on-capability-widening true|false] [--max-exposure X.Y]
       [--max-exposure-increase X.Y] [--fail-on-regression] [--fail-on-invalid-unit]
       [--allow-capability [UNIT:]CAP_NAME]... [--include GLOB]... [--exclude GLOB]... [PATH...]
      Review the services changed between two revisions of the git repository here
      (base: the merge base with the default branch; head: the work tree). Exit 1 when
      the gate fails (by default: a service's capabilities widen), 2 on usage or git errors.
  conformance [--systemd-version V] [--live] DIR
      Compare the engine with the goldens of a corpus directory (or the live oracle).

The default systemd version is 252 (Debian 12); set SYSTEMD_EXPOSURE_VERSION or
--systemd-version to pin another.
`
