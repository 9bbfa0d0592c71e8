#!/usr/bin/env bash
# Times `scholia build` against Hugo and the floor (cmark alone) on generated corpora.
#
#     Benchmarks/run.sh [SIZES...]        default: 1000 10000 (100000 works too)
#
# Environment: SEED (corpus seed, default 1), RUNS (runs per measure, default 2), KEEP=1 (keep the
# temporary folder), SKIP_SCHOLIA=1 (time only Hugo and the floor), SKIP_HUGO=1 (time Scholia and the floor
# only: no Hugo needed), SCHOLIA_BIN (time this executable
# instead of building one), PLOT (where the growth chart goes, default Benchmarks/growth.svg).
# See Benchmarks/README.md.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
SEED=${SEED:-1}
if [ $# -gt 0 ]; then SIZES=("$@"); else SIZES=(1000 10000); fi
RUNS=${RUNS:-2}
PLOT=${PLOT:-$HERE/growth.svg}

# --- What we need (this script installs nothing) ---------------------------------------------
missing=()
command -v python3 >/dev/null || missing+=(python3)
command -v cc >/dev/null || missing+=(gcc)
[ -f /usr/include/cmark.h ] || missing+=(libcmark-dev)
[ "${SKIP_HUGO:-0}" = 1 ] || command -v hugo >/dev/null || missing+=(hugo)
/usr/bin/time -f %e true >/dev/null 2>&1 || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    echo "error: missing: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/scholia-bench.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
    echo "Keeping the work folder: $WORK"
else
    trap 'rm -rf "$WORK"' EXIT
fi

# --- Build Scholia (release) and the floor -----------------------------------------------------
SCHOLIA=""
if [ "${SKIP_SCHOLIA:-0}" = 1 ]; then
    echo "SKIP_SCHOLIA=1: skipping scholia."
elif [ -n "${SCHOLIA_BIN:-}" ]; then
    [ -x "$SCHOLIA_BIN" ] || { echo "error: SCHOLIA_BIN=$SCHOLIA_BIN is not an executable" >&2; exit 1; }
    echo "Using SCHOLIA_BIN=$SCHOLIA_BIN (not building)."
    SCHOLIA=$SCHOLIA_BIN
elif ! command -v swift >/dev/null; then
    echo "warning: swift not found; skipping scholia." >&2
else
    echo "Building scholia (swift build -c release --product scholia)..."
    if (cd "$ROOT" && swift build -c release --product scholia) >"$WORK/swift-build.log" 2>&1; then
        SCHOLIA="$(cd "$ROOT" && swift build -c release --show-bin-path)/scholia"
    else
        echo "warning: the scholia build failed; skipping scholia. Last lines of the log:" >&2
        tail -n 15 "$WORK/swift-build.log" >&2
    fi
fi

cc -O2 -o "$WORK/floor" "$HERE/floor.c" -lcmark

# --- Measuring ---------------------------------------------------------------------------------
RESULTS="$WORK/results.txt"    # lines: size tool wall cpu rss_kib   (or: size tool failed)
: >"$RESULTS"

# time_once TOOL COMMAND...
# Runs COMMAND under GNU time and keeps in $best ("wall cpu rss") the run with the least wall time so far.
time_once() {
    local tool=$1 wall user sys rss
    shift
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" "$@" >"$WORK/$tool.log" 2>&1 || return 1
    read -r wall user sys rss < <(tail -n 1 "$WORK/time.txt")
    if [ -z "$best" ] || awk -v a="$wall" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
        best="$wall $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') $rss"
    fi
}

# failed SIZE TOOL: reports a command that failed, with the end of its output.
failed() {
    echo "warning: $2 failed on $1 documents. Last lines of its output:" >&2
    tail -n 15 "$WORK/$2.log" >&2
    echo "$1 $2 failed" >>"$RESULTS"
}

# measure SIZE TOOL OUTPUT_DIR COMMAND...
# Runs COMMAND $RUNS times, each from a clean OUTPUT_DIR, and keeps the run with the least wall time.
measure() {
    local size=$1 tool=$2 output=$3 run
    shift 3
    best=""
    for run in $(seq 1 "$RUNS"); do
        # Scholia's cache sits beside its output (in the site): a clean build has neither.
        rm -rf "$output" "$(dirname "$output")/.scholia-cache"
        # Scholia makes its output durable with syncfs, which waits for every dirty page of the file system:
        # flush the deletion above and the last run's writes first, so that no tool pays for another's.
        sync
        time_once "$tool" "$@" || { failed "$size" "$tool"; return 0; }
    done
    echo "$size $tool $best" >>"$RESULTS"
}

# measure_rebuild SIZE TOOL SITE EDIT
# Times `scholia build` again on the built site, RUNS times, keeping the least wall time; with EDIT=1 one
# document gets a new last line before each run (the incremental case), else nothing changes.
measure_rebuild() {
    local size=$1 tool=$2 site=$3 edit=$4 run document
    document=$(ls "$site/Content/documents" | grep -E '\.(md|txt)$' | sed -n "$((size / 2))p")
    best=""
    for run in $(seq 1 "$RUNS"); do
        [ "$edit" = 1 ] && printf '\nAn added line, run %s.\n' "$run$RANDOM" >>"$site/Content/documents/$document"
        sync
        time_once "$tool" "$SCHOLIA" build --site "$site" --quiet || { failed "$size" "$tool"; return 0; }
    done
    echo "$size $tool $best" >>"$RESULTS"
}

for size in "${SIZES[@]}"; do
    dir="$WORK/$size"
    echo "Generating $size documents..."
    if [ "${SKIP_HUGO:-0}" = 1 ]; then
        python3 "$HERE/generate_corpus.py" "$size" "$dir/site" --seed "$SEED"
    else
        python3 "$HERE/generate_corpus.py" "$size" "$dir/site" --hugo "$dir/hugo" --seed "$SEED"
    fi
    if [ -d "$ROOT/Templates" ]; then cp -R "$ROOT/Templates" "$dir/site/Templates"; fi

    if [ -n "$SCHOLIA" ]; then
        echo "  scholia build..."
        rm -rf "$dir/site/.scholia-cache"
        measure "$size" scholia "$dir/site/Public" "$SCHOLIA" build --site "$dir/site" --quiet
        echo "  scholia build after one edit, and with no change..."
        measure_rebuild "$size" scholia-edit "$dir/site" 1
        measure_rebuild "$size" scholia-same "$dir/site" 0
    fi
    if [ "${SKIP_HUGO:-0}" != 1 ]; then
        echo "  hugo..."
        rm -rf "$dir/hugo/resources"
        measure "$size" hugo "$dir/hugo/public" hugo --quiet -s "$dir/hugo"
    fi
    echo "  floor..."
    measure "$size" floor "$dir/floor-out" "$WORK/floor" "$dir/site/Content/documents" "$dir/floor-out"
done

# --- Report ------------------------------------------------------------------------------------
echo
echo "Machine: $(nproc) CPUs; $( [ "${SKIP_HUGO:-0}" = 1 ] && echo "Hugo skipped" || hugo version | cut -d' ' -f1-2); best of $RUNS runs each (least wall time), clean output every run."
[ -n "$SCHOLIA" ] || echo "scholia was skipped (its build failed or swift is missing)."
echo
awk '
    BEGIN { printf "%9s  %-13s %9s %9s %9s %11s\n", "documents", "tool", "wall s", "CPU s", "peak MiB", "documents/s" }
    $3 == "failed" { printf "%9s  %-13s %9s\n", $1, $2, "failed"; next }
    $2 ~ /-/ { printf "%9s  %-13s %9.2f %9.2f %9.1f %11s\n", $1, $2, $3, $4, $5 / 1024, ""; next }
    { printf "%9s  %-13s %9.2f %9.2f %9.1f %11.0f\n", $1, $2, $3, $4, $5 / 1024, $1 / ($3 > 0 ? $3 : 0.01) }
' "$RESULTS"
echo
awk '
    function ratio(a, b) { return (a == "" || b == "" || b == 0) ? "n/a" : sprintf("%.2f", a / b) }
    $3 != "failed" { wall[$1, $2] = $3; mem[$1, $2] = $5 }
    !($1 in seen) { seen[$1] = 1; order[++n] = $1 }
    END {
        printf "%9s  %15s %15s %15s %15s\n", "documents", "wall ours/Hugo", "mem ours/Hugo", "wall ours/floor", "mem ours/floor"
        for (i = 1; i <= n; i++) {
            s = order[i]
            printf "%9s  %15s %15s %15s %15s\n", s,
                ratio(wall[s, "scholia"], wall[s, "hugo"]), ratio(mem[s, "scholia"], mem[s, "hugo"]),
                ratio(wall[s, "scholia"], wall[s, "floor"]), ratio(mem[s, "scholia"], mem[s, "floor"])
        }
    }
' "$RESULTS"

# --- Growth chart ------------------------------------------------------------------------------
if python3 "$HERE/plot.py" "$RESULTS" "$PLOT"; then
    echo
    echo "Growth chart (wall time, peak memory, wall time per document, against documents): $PLOT"
else
    echo "warning: the growth chart could not be drawn." >&2
fi
