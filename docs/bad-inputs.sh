#!/usr/bin/env bash
# Runs relu-regions on every kind of bad input that issue 7 lists and prints, for each, the command, its
# exit code and what it printed on stderr (stdout must stay empty). Output: docs/bad-inputs.md's body.
#   docs/bad-inputs.sh > docs/bad-inputs.md
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
ex=testdata/example_2x8x8.json
printf '{"layers": [ {"weights": [[1, 2]], "biases": [0] ' > "$tmp/malformed.json"
printf '{"layers": [{"weights": [[1, 2], [3, 4]], "biases": [0, 0]}, {"weights": [[1, 2, 3]], "biases": [0]}]}' > "$tmp/shapes.json"
printf '{"layers": [{"weights": [[1, NaN]], "biases": [0]}, {"weights": [[1]], "biases": [0]}]}' > "$tmp/nan.json"
printf '{"layers": [{"weights": [[1, 1e999]], "biases": [0]}, {"weights": [[1]], "biases": [0]}]}' > "$tmp/inf.json"
printf '{"layers": [{"weights": [[1, 2]], "biases": [0]}]}' > "$tmp/nohidden.json"
printf 'not a protobuf at all' > "$tmp/garbage.onnx"
printf '// header\n3,2,2,\nbroken\n' > "$tmp/broken.nnet"
printf '(declare-const X_0 Real)\n(assert (>= X_0 0.0)\n' > "$tmp/broken.vnnlib"
cp "$ex" "$tmp/net.weird"
mkdir "$tmp/dir.json"
cases=(
  "malformed JSON|count exact $tmp/malformed.json --box=-1:1"
  "wrong shapes between layers|count exact $tmp/shapes.json --box=-1:1"
  "NaN weight|count exact $tmp/nan.json --box=-1:1"
  "infinite weight|count exact $tmp/inf.json --box=-1:1"
  "no hidden layer|count exact $tmp/nohidden.json --box=-1:1"
  "malformed ONNX|count exact $tmp/garbage.onnx --box=-1:1"
  "malformed NNet|count exact $tmp/broken.nnet --box=-1:1"
  "malformed VNN-LIB|count exact ../shared/models/acasxu/ACASXU_run2a_1_1_batch_2000.onnx --vnnlib=$tmp/broken.vnnlib"
  "a VNN-LIB file passed as the network|count exact ../shared/models/acasxu/prop_3.vnnlib --box=-1:1"
  "an unknown extension|count exact $tmp/net.weird --box=-1:1"
  "domain dimension differs from the network's|count exact $ex --box=-1:1,-1:1,-1:1"
  "LO > HI|count exact $ex --box=1:-1"
  "zero radius|count exact $ex --center=0,0 --radius=0"
  "negative radius|count exact $ex --center=0,0 --radius=-1"
  "non-finite radius|count exact $ex --center=0,0 --radius=Infinity"
  "unknown norm|count exact $ex --center=0,0 --radius=1 --norm=l3"
  "two domains at once|count exact $ex --box=-1:1 --center=0,0 --radius=1"
  "confidence 1.5|count probabilistic $ex --box=-1:1 --confidence=1.5"
  "confidence 0|count probabilistic $ex --box=-1:1 --confidence=0"
  "file does not exist|count exact /nonexistent/net.json --box=-1:1"
  "file cannot be read (a directory)|count exact $tmp/dir.json --box=-1:1"
  "OR-Tools native library fails to load|count exact $ex --box=-1:1 --engine=milp"
)
printf '# Bad inputs: what relu-regions prints\n\nMade by `docs/bad-inputs.sh > docs/bad-inputs.md` (issue 7): every kind of bad input, the\ncommand, what it printed on stderr, its exit code (README: exit codes) and the bytes on stdout.\n\n'
for c in "${cases[@]}"; do
  title="${c%%|*}"; args="${c#*|}"
  extra=()
  if [ "$title" = "OR-Tools native library fails to load" ]; then
    # A missing native directory: OR-Tools' loader is pointed at an empty, unwritable place.
    extra=(env RELU_REGIONS_JAVA_OPTS="-Djava.io.tmpdir=/nonexistent-dir")
  fi
  # shellcheck disable=SC2086
  "${extra[@]}" ./relu-regions $args > "$tmp/out" 2> "$tmp/err"
  code=$?
  printf '### %s\n\n```\n$ relu-regions %s\n%s\n(exit %d, %d bytes on stdout)\n```\n\n' "$title" "${args//$tmp/\/tmp}" \
      "$(sed "s#$tmp#/tmp#g" "$tmp/err")" "$code" "$(wc -c < "$tmp/out")"
done
