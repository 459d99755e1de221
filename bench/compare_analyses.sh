#!/bin/sh
# Byte-compare `marsad analyze --jsonl` of the same inputs under two source trees.
#
#   bench/compare_analyses.sh INPUTS.jsonl BASE_SRC [OUT_DIR]
#
# BASE_SRC: the `src` folder of the reference checkout (e.g. `git archive main src | tar -x -C /tmp/base`
# gives /tmp/base/src); this worktree's code is the other side. Exit status 0: identical.
set -eu
inputs=$1
base=$2
out=${3:-$(mktemp -d)}
here=$(cd "$(dirname "$0")/.." && pwd)
PYTHONPATH="$base" "$here/.venv/bin/python" -m marsad analyze --jsonl --no-progress "$inputs" > "$out/base.jsonl"
PYTHONPATH="$here/src" "$here/.venv/bin/python" -m marsad analyze --jsonl --no-progress "$inputs" > "$out/branch.jsonl"
echo "$(wc -l < "$out/base.jsonl") analyses each, in $out"
cmp "$out/base.jsonl" "$out/branch.jsonl" && echo "identical"
