#!/usr/bin/env bash
# End-to-end timing on 46 real reports of one event (NAnCo recession set).
# Prints storydiff's wall time beside a simple baseline run in this same
# script: Python, regex sentence split, TF-IDF over all sentence pairs
# (medians of 7 storydiff runs and 3 baseline runs).
#
#   scripts/e2e-timing.sh [../shared/data]
#   BIN=/path/to/other/storydiff scripts/e2e-timing.sh …   (another build)
set -euo pipefail
DATA=${1:-../shared/data}
JSON="$DATA/nanco/documents_recession.json"
[ -f "$JSON" ] || { echo "e2e-timing: $JSON: no such file" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 - "$JSON" "$WORK" <<'PY'
import json, sys, os
docs = json.load(open(sys.argv[1]))
n = 0
for i, d in enumerate(docs):
    text = (d.get("content") or "").strip()
    if not text:
        continue
    with open(os.path.join(sys.argv[2], f"r{i:02d}.txt"), "w") as f:
        f.write(text)
    n += 1
print(f"{n} non-empty reports of {len(docs)}")
PY
cargo build --release --quiet
BIN=${BIN:-target/release/storydiff}
now() { date +%s.%N; }
# Each side runs several times (storydiff 7, the baseline 3) and the median
# is compared: a single 50 ms run is at the mercy of the scheduler.
BASELINE="$WORK/baseline.py"
cat > "$BASELINE" <<'PY'
import math, os, re, sys, collections
d = sys.argv[1]
sents = []
for f in sorted(os.listdir(d)):
    if f.endswith(".txt"):
        for s in re.split(r"(?<=[.!?])\s+", open(os.path.join(d, f)).read()):
            if s.strip():
                sents.append((f, [w for w in re.findall(r"\w+", s.lower())]))
df = collections.Counter()
for _, ws in sents:
    df.update(set(ws))
N = len(sents)
vecs = []
for _, ws in sents:
    tf = collections.Counter(ws)
    v = {w: c * math.log(N / df[w]) for w, c in tf.items()}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    vecs.append({w: x / norm for w, x in v.items()})
links = 0
for i in range(N):
    for j in range(i + 1, N):
        if sents[i][0] == sents[j][0]:
            continue
        a, b = vecs[i], vecs[j]
        if len(a) > len(b):
            a, b = b, a
        if sum(x * b.get(w, 0.0) for w, x in a.items()) > 0.5:
            links += 1
print(f"baseline: {N} sentences, {links} links")
PY
sd_times=()
for _ in 1 2 3 4 5 6 7; do
  t0=$(now)
  "$BIN" "$WORK"/*.txt --format json > "$WORK/report.json" || [ $? -eq 1 ]
  t1=$(now)
  sd_times+=("$t0:$t1")
done
py_times=()
for _ in 1 2 3; do
  t1=$(now)
  python3 "$BASELINE" "$WORK" > "$WORK/baseline.out"
  t2=$(now)
  py_times+=("$t1:$t2")
done
tail -1 "$WORK/baseline.out"
python3 - "$WORK/report.json" "${sd_times[*]}" "${py_times[*]}" <<'PY'
import json, statistics, sys
r = json.load(open(sys.argv[1]))
s = r["summary"]
print(f"storydiff: {sum(s['sentences'])} sentences, {s['groups']} groups ({s['unique']} unique)")
def median(spans):
    return statistics.median(float(e) - float(s) for s, e in (x.split(":") for x in spans.split()))
a, b = median(sys.argv[2]), median(sys.argv[3])
print(f"storydiff {a:.3f} s · baseline (python TF-IDF, all pairs) {b:.3f} s (medians of 7 and 3 runs) · ratio {a / b:.3f}")
PY

# Scale: ECB+ reports, 100 vs all (982), the 37 reports above vs the same
# reports 10 times (370), and the same 900 reports given twice as two inputs
# (identical inputs must exit 0). Wall time, user time, peak
# memory (GNU time) and JSON size.
#   SCALE=1 scripts/e2e-timing.sh [../shared/data]
if [ "${SCALE:-0}" = 1 ]; then
  ECB="$DATA/ecbplus/clusters.jsonl"
  mkdir -p "$WORK/ecb"
  python3 - "$ECB" "$WORK/ecb" <<'PY'
import json, os, sys
out = sys.argv[2]
for line in open(sys.argv[1]):
    for d in json.loads(line)["docs"]:
        t = (d.get("title") or "") + "\n\n" + (d.get("text") or "")
        if t.strip():
            open(os.path.join(out, d["doc_id"] + ".txt"), "w").write(t)
PY
  ls "$WORK/ecb" | sort > "$WORK/all"
  head -100 "$WORK/all" > "$WORK/100"
  for set in 100 all; do
    args=$(sed "s|^|$WORK/ecb/|" "$WORK/$set")
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e s wall · %U s user · %M KB peak" -o "$WORK/time" \
      "$BIN" $args --format json > "$WORK/out.json" || [ $? -eq 1 ]
    echo "ecb+ $(wc -l < "$WORK/$set") reports: $(cat "$WORK/time") · JSON $(wc -c < "$WORK/out.json") bytes"
  done
  # One story's reports (the 37 above) vs the same reports 10 times: every
  # group then has ten times the members.
  mkdir -p "$WORK/x10"
  for f in "$WORK"/r[0-9]*.txt; do
    for k in 0 1 2 3 4 5 6 7 8 9; do cp "$f" "$WORK/x10/$(basename "$f" .txt)_$k.txt"; done
  done
  for dir in "$WORK" "$WORK/x10"; do
    /usr/bin/time -f "%e s wall · %U s user · %M KB peak" -o "$WORK/time" \
      "$BIN" "$dir"/r[0-9]*.txt --format json > "$WORK/out.json" || [ $? -eq 1 ]
    echo "recession $(ls "$dir"/r[0-9]*.txt | wc -l) reports: $(cat "$WORK/time") · JSON $(wc -c < "$WORK/out.json") bytes"
  done
  head -900 "$WORK/all" | sed "s|^|$WORK/ecb/|" | xargs cat > "$WORK/a.txt"
  cp "$WORK/a.txt" "$WORK/b.txt"
  set +e
  /usr/bin/time -f "%e s wall · %M KB peak" -o "$WORK/time" "$BIN" "$WORK/a.txt" "$WORK/b.txt" > /dev/null
  code=$?
  set -e
  echo "900 reports given twice: exit $code · $(cat "$WORK/time")"
fi
