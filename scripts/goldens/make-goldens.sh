#!/usr/bin/env bash
# make-goldens.sh — record the real `systemd-analyze security --offline=true` results
# (the oracle, ../shared/oracle) for every target of a corpus-layout directory.
#
# usage: scripts/goldens/make-goldens.sh [UNITS_DIR [OUT_DIR]] [options]
#   UNITS_DIR  default test/fixtures/units   (must contain TARGETS.tsv)
#   OUT_DIR    default test/fixtures/golden
#   --versions "252 257"           which oracle versions (default: every supported version)
#   --jobs N                       parallel oracle calls (default: nproc)
#   --oracle PATH                  oracle/analyze script (default: $ORACLE, else
#                                  ../shared/oracle/analyze relative to the repository)
#
# TARGETS.tsv: tab-separated, header line, columns `path kind [args]`. `path` is relative to
# UNITS_DIR (a unit file, or an instance name such as dir/foo@bar.service whose file does not
# exist); `args` are extra systemd-analyze arguments, split on blanks, with paths in them
# relative to UNITS_DIR too (e.g. --security-policy=policy/weights.json, --threshold=50).
#
# Output, exactly as in the shared corpus (for each version V):
#   OUT_DIR/V/<path>.json     stdout of `--json=short` (written even when empty)
#   OUT_DIR/V/<path>.stderr   its stderr, only when non-empty
#   OUT_DIR/V/SUMMARY.tsv     path unit exposure verdict rc stderr_lines (TARGETS order);
#                             unit/exposure/verdict come from the text mode's overall line
#                             and are empty when there is none (unit failed to load)
#   OUT_DIR/V/FAILURES.tsv    path rc_json rc_text last_stderr_line for targets without a
#                             score (refused units, missing files, bad policies, ...)
# The oracle runs with UNITS_DIR as working directory and the relative target path, so
# messages in .stderr files never contain machine-specific paths. OUT_DIR/V is replaced
# wholesale on every run (re-runnable, deterministic).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)

units=""; out=""; versions=$(node "$repo/scripts/lib/systemd-versions.mjs"); jobs=$(nproc 2>/dev/null || echo 2)
oracle=${ORACLE:-$repo/../shared/oracle/analyze}
while [[ $# -gt 0 ]]; do
  case $1 in
    --versions) versions=$2; shift 2;;
    --versions=*) versions=${1#*=}; shift;;
    --jobs|-j) jobs=$2; shift 2;;
    --jobs=*) jobs=${1#*=}; shift;;
    --oracle) oracle=$2; shift 2;;
    --oracle=*) oracle=${1#*=}; shift;;
    -h|--help) sed -n '2,28p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0;;
    -*) echo "make-goldens: unknown option $1" >&2; exit 2;;
    *) if [[ -z $units ]]; then units=$1; elif [[ -z $out ]]; then out=$1;
       else echo "make-goldens: too many arguments" >&2; exit 2; fi; shift;;
  esac
done
units=${units:-$repo/test/fixtures/units}
out=${out:-$repo/test/fixtures/golden}

[[ -f $units/TARGETS.tsv ]] || { echo "make-goldens: $units/TARGETS.tsv not found" >&2; exit 2; }
[[ -x $oracle ]] || { echo "make-goldens: oracle not found at $oracle (set ORACLE=...)" >&2; exit 2; }
units=$(cd "$units" && pwd -P)
mkdir -p "$out"; out=$(cd "$out" && pwd)
oracle=$(cd "$(dirname "$oracle")" && pwd)/$(basename "$oracle")
case $out/ in "$units"/*) echo "make-goldens: OUT_DIR must not be inside UNITS_DIR" >&2; exit 2;; esac

# Targets (skip header and blank lines). Keep the file's order.
mapfile -t rows < <(tail -n +2 "$units/TARGETS.tsv" | tr -d '\r' | awk -F'\t' 'NF && $1 != ""')
[[ ${#rows[@]} -gt 0 ]] || { echo "make-goldens: no targets in TARGETS.tsv" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/make-goldens.XXXXXX")
trap 'rm -rf "$work"' EXIT

# One oracle job (runs in parallel): version, index, path, args.
# Writes the golden files of this target into the staging tree $work/out/V/ and its
# SUMMARY.tsv row to $work/V/IDX.row (+ IDX.fail for FAILURES.tsv, IDX.warn for problems).
run_one() {
  local ver=$1 idx=$2 path=$3 args=$4 d=$work/$1 o=$work/out/$1/$3
  local -a extra=()
  [[ -n $args ]] && read -r -a extra <<<"$args"
  cd "$units" || exit 1
  mkdir -p "$(dirname "$o")"
  set +e
  # Same environment for every run, whatever the caller's terminal/locale.
  env -u TERM -u NO_COLOR SYSTEMD_EMOJI=0 \
    "$oracle" "$ver" "$path" "${extra[@]}" >"$d/$idx.json" 2>"$d/$idx.err" </dev/null
  local rc=$?
  env -u TERM -u NO_COLOR SYSTEMD_EMOJI=0 ORACLE_TEXT=1 \
    "$oracle" "$ver" "$path" "${extra[@]}" >"$d/$idx.text" 2>/dev/null </dev/null
  local rct=$?
  # systemd prints the paths it resolved (absolute): make them relative to UNITS_DIR, like
  # the corpus goldens. Otherwise byte-exact (messages may quote invalid UTF-8).
  strip() { perl -e 'open(my $o, ">", $ARGV[0]) or die "$ARGV[0]: $!"; my $n = 0;
    while (<STDIN>) { s/\Q$ENV{UNITS_PREFIX}\E//g; print $o $_; $n++ } print $n' "$1"; }
  export UNITS_PREFIX="$units/"
  strip "$o.json" <"$d/$idx.json" >/dev/null
  local nerr=0 last=""
  if [[ -s $d/$idx.err ]]; then
    nerr=$(strip "$o.stderr" <"$d/$idx.err")
    last=$(tail -n 1 "$o.stderr" | tr '\t\0' '  ')
  fi
  # "→ Overall exposure level for NAME: X.Y VERDICT [emoji]" ("->" outside UTF-8 locales)
  local line unit="" expo="" verdict=""
  line=$(grep -a 'Overall exposure level for ' "$d/$idx.text" | tail -n 1)
  if [[ $line =~ Overall\ exposure\ level\ for\ (.+):\ ([0-9]+\.[0-9])\ ([A-Z]+) ]]; then
    unit=${BASH_REMATCH[1]}; expo=${BASH_REMATCH[2]}; verdict=${BASH_REMATCH[3]}
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$path" "$unit" "$expo" "$verdict" "$rc" "$nerr" >"$d/$idx.row"
  [[ -z $expo ]] && printf '%s\t%s\t%s\t%s\n' "$path" "$rc" "$rct" "$last" >"$d/$idx.fail"
  {
    [[ $rc != "$rct" ]] && echo "make-goldens: $ver $path: exit status differs between JSON ($rc) and text ($rct) mode"
    grep -aF "$oracle:" "$d/$idx.err" | head -n 1 | sed "s|^|make-goldens: $ver $path: oracle problem: |"
  } >"$d/$idx.warn"
  rm -f "$d/$idx.json" "$d/$idx.err" "$d/$idx.text"
}
export -f run_one
export units work oracle

for ver in $versions; do
  mkdir -p "$work/$ver" "$work/out/$ver"
  for i in "${!rows[@]}"; do
    IFS=$'\t' read -r p _kind a <<<"${rows[$i]}"
    printf '%s\0%s\0%s\0%s\0' "$ver" "$i" "$p" "${a:-}"
  done
done | xargs -0 -n 4 -P "$jobs" bash -c 'run_one "$@"' run_one

status=0
for ver in $versions; do
  stage=$work/out/$ver
  summary=$stage/SUMMARY.tsv; failures=$stage/FAILURES.tsv
  {
    printf 'path\tunit\texposure\tverdict\trc\tstderr_lines\n'
    for i in "${!rows[@]}"; do
      [[ -f $work/$ver/$i.row ]] || { echo "make-goldens: $ver: no result for target $((i + 1))" >&2; status=1; continue; }
      printf '%s\n' "$(<"$work/$ver/$i.row")"
    done
  } >"$summary"
  {
    printf 'path\trc_json\trc_text\tlast_stderr_line\n'
    for i in "${!rows[@]}"; do
      [[ -f $work/$ver/$i.fail ]] && printf '%s\n' "$(<"$work/$ver/$i.fail")"
    done
  } >"$failures"
  for i in "${!rows[@]}"; do
    if [[ -s $work/$ver/$i.warn ]]; then cat "$work/$ver/$i.warn" >&2; status=1; fi
  done
  rm -rf "${out:?}/$ver"
  mv "$stage" "$out/$ver"
  n=$(( $(wc -l <"$out/$ver/SUMMARY.tsv") - 1 )); nf=$(( $(wc -l <"$out/$ver/FAILURES.tsv") - 1 ))
  echo "make-goldens: $ver: $n targets, $nf without a score -> $out/$ver" >&2
done
exit $status
