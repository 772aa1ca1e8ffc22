#!/usr/bin/env bash
# Replays the hardening cases of issue 11 on a fresh release build: one
# PASS/FAIL line per case, then 2,000 random inputs through the binary (no
# signal, no panic), then a final count. Exit status 0 when every case holds.
#
#   scripts/hardening.sh            # builds target/release/storydiff first
#   RANDOM_RUNS=500 scripts/hardening.sh
#
# Needs bash, python3 (inputs and a local HTTP server on 127.0.0.1), mkfifo,
# timeout and GNU time (/usr/bin/time, for the memory checks).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

# NO_BUILD=1 reuses the existing binary (while editing this script).
if [ -z "${NO_BUILD:-}" ]; then
  CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1} cargo build --release --locked --quiet || {
    echo "build failed"
    exit 2
  }
fi
SD="$ROOT/target/release/storydiff"
RANDOM_RUNS=${RANDOM_RUNS:-2000}

W=$(mktemp -d)
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
  rm -rf "$W"
}
trap cleanup EXIT
cd "$W" || exit 2

pass=0
fail=0
# ok NAME CONDITION-COMMAND...: run the condition, print PASS or FAIL.
ok() {
  local name=$1
  shift
  if "$@" >/dev/null 2>&1; then
    echo "PASS $name"
    pass=$((pass + 1))
  else
    echo "FAIL $name"
    fail=$((fail + 1))
  fi
}
# rc CMD...: run with a 30 s limit, set $RC, $OUT, $ERR.
rc() {
  timeout 30 "$@" >out.txt 2>err.txt
  RC=$?
  OUT=$(cat out.txt)
  ERR=$(cat err.txt)
}
no_panic() { ! grep -q "panicked" err.txt; }

printf 'A storm hit the coast on Monday. Twelve people died in the floods.\n' >a.txt
printf 'A storm hit the coast on Tuesday. Ten people died in the floods.\n' >b.txt
cp a.txt a.orig
cp b.txt b.orig
mkdir -p x job

# ---------------------------------------------------------------- 1. -o
case1() {
  for out in a.txt ./x/../a.txt hard.txt soft.txt; do
    rc "$SD" a.txt b.txt -o "$out"
    [ "$RC" = 2 ] && grep -q "is also the input a.txt; refusing to overwrite" err.txt || return 1
  done
  cmp -s a.txt a.orig
}
ln -f a.txt hard.txt
ln -sf a.txt soft.txt
ok output_naming_an_input_is_refused case1
ok segment_output_naming_its_input_is_refused \
  bash -c "\"$SD\" segment a.txt -o a.txt; [ \$? = 2 ] && cmp -s a.txt a.orig"
printf '{"id":1,"reports":[{"path":"a.txt"},{"path":"b.txt"}]}\n' >s.jsonl
cp s.jsonl s.orig
ok batch_output_naming_the_stories_file_is_refused \
  bash -c "\"$SD\" batch s.jsonl -o s.jsonl; [ \$? = 2 ] && cmp -s s.jsonl s.orig"
ok output_that_stdin_reads_is_refused \
  bash -c "\"$SD\" - b.txt -o a.txt < a.txt; [ \$? = 2 ] && cmp -s a.txt a.orig"

# ---------------------------------------------------------------- 2. temp file
case2() {
  mkdir -p plant && cd plant || return 1
  cp ../a.txt ../b.txt .
  echo precious >victim.txt
  local p
  for p in $(seq $(($$ - 50)) $(($$ + 3000))); do ln -sf victim.txt ".out.txt.storydiff-$p.tmp"; done
  "$SD" a.txt b.txt --format json -o out.txt
  local r=$?
  [ "$r" = 1 ] && [ "$(cat victim.txt)" = precious ] && head -c1 out.txt | grep -q '{' &&
    [ -z "$(ls -A | grep '^\.storydiff-')" ]
  local res=$?
  cd ..
  return $res
}
ok planted_symlink_beside_the_output_is_not_followed case2

# ---------------------------------------------------------------- 3. targets
ok output_to_dev_null_keeps_the_device \
  bash -c "\"$SD\" a.txt b.txt -o /dev/null; [ \$? = 1 ] && [ -c /dev/null ]"
ok output_to_a_fifo_is_written_in_place bash -c "
  mkfifo pipe && { cat pipe > got.txt & } && \"$SD\" a.txt b.txt --format json -o pipe; r=\$?; wait
  [ \$r = 1 ] && [ -p pipe ] && grep -q '\"sources\"' got.txt"
ok output_keeps_existing_permissions bash -c "
  umask 022; echo old > secret.txt; chmod 600 secret.txt
  \"$SD\" a.txt b.txt -o secret.txt; \"$SD\" a.txt b.txt -o new.txt
  [ \$(stat -c %a secret.txt) = 600 ] && [ \$(stat -c %a new.txt) = 644 ] && ! grep -qx old secret.txt"
ok output_through_a_symlink_keeps_the_link bash -c "
  echo old > real.txt; ln -sf real.txt link.txt
  \"$SD\" a.txt b.txt --format json -o link.txt; [ -L link.txt ] && head -c1 real.txt | grep -q '{'"

# ---------------------------------------------------------------- 4. batch
python3 - <<'EOF'
import json
page = "<html><body><p>" + "<b><i><span>" * 10000 + "Words enough to be an article are here.</p></body></html>"
a = "A storm hit the coast on Monday. Twelve people died in the floods."
b = "A storm hit the coast on Tuesday. Ten people died in the floods."
def story(i, x, y, f):
    return json.dumps({"id": i, "reports": [{"label": "a", "text": x, "format": f}, {"label": "b", "text": y, "format": f}]})
open("hostile.jsonl", "w").write("\n".join([story("first", a, b, "text"), story("hostile", page, page, "html"), story("last", a, a, "text")]) + "\n")
open("one.json", "w").write(story("one", a, b, "text") + "\n")
open("two.json", "w").write(story("two", a, a, "text") + "\n")
EOF
case4() {
  local f
  rc "$SD" batch hostile.jsonl
  [ "$RC" = 2 ] && [ "$(echo "$OUT" | wc -l)" = 3 ] || return 1
  echo "$OUT" | sed -n 2p | grep -q '"error":"line 2: report 0 (a): HTML elements nested more than 512 deep' || return 1
  echo "$OUT" | sed -n 3p | grep -q '"id":"last"' || return 1
  rc "$SD" batch hostile.jsonl -o bout.jsonl
  [ "$RC" = 2 ] && [ "$(wc -l <bout.jsonl)" = 3 ] && grep -q '"id":"last"' bout.jsonl
}
ok batch_hostile_story_is_isolated case4
case4b() {
  # The first answer must arrive while the second story is still held back.
  local start first
  start=$(date +%s%N)
  { cat one.json; sleep 3; cat two.json; } | timeout 20 "$SD" batch - | {
    read -r first
    echo "$first" >first.txt
    echo $(($(date +%s%N) - start)) >first-time.txt
    cat >/dev/null
  }
  grep -q '"id":"one"' first.txt && [ "$(cat first-time.txt)" -lt 2500000000 ]
}
ok batch_lines_are_flushed_as_stories_finish case4b

# ---------------------------------------------------------------- 5. controls
printf 'Markets fell \033[2J sharply \033]52;c;aGVsbG8=\007 on Monday.\010\010 Officials \033]8;;http://evil\033\\said\033]8;;\033\\ it was \302\23331m bad \033[8mhidden\033[0m.\r\n' >nasty.txt
raw_controls() { LC_ALL=C grep -qP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]' "$1"; }
raw_non_style() { LC_ALL=C grep -qP '\x1b(?!\[(?:(?:0|1|2|4|9|31|32|33|36);?)+m)|[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f]|\xc2[\x80-\x9f]' "$1"; }
case5() {
  local mode cmd
  for mode in "--color never" "--format markdown"; do
    for cmd in "" "versions" ; do
      # shellcheck disable=SC2086
      timeout 30 "$SD" $cmd nasty.txt b.txt $mode >o5.txt 2>/dev/null
      raw_controls o5.txt && return 1
      grep -q 'x1b' o5.txt || return 1
    done
    # shellcheck disable=SC2086
    timeout 30 "$SD" check nasty.txt --against b.txt $mode >o5.txt 2>/dev/null
    raw_controls o5.txt && return 1
  done
  for cmd in "" "versions"; do
    # shellcheck disable=SC2086
    timeout 30 "$SD" $cmd nasty.txt b.txt --color always >o5.txt 2>/dev/null
    raw_non_style o5.txt && return 1
    LC_ALL=C grep -qP '\x1b\[1m' o5.txt || return 1
  done
  return 0
}
ok control_characters_are_escaped_in_terminal_and_markdown case5
ok json_keeps_control_characters_exact bash -c "\"$SD\" nasty.txt b.txt --format json | grep -qF '\\u001b[2J'"
printf '<html><head><title>T</title></head><body><article><p>The council voted &#27;[2J on Monday to close the old bridge for repairs.</p><p>Work starts in May and lasts a year.</p></article></body></html>' >ent.html
ok control_character_entities_in_html_are_escaped bash -c "
  \"$SD\" ent.html b.txt --color never > o.txt; ! LC_ALL=C grep -qP '\\x1b' o.txt && grep -qF '\\x1b[2J' o.txt"
ok control_characters_in_paths_are_escaped_in_errors bash -c "
  \"$SD\" \$'no\\033[2Jsuch.txt' b.txt 2> e.txt; [ \$? = 2 ] && ! LC_ALL=C grep -qP '\\x1b' e.txt && grep -qF 'no\\x1b[2Jsuch.txt: no such file' e.txt"
ok control_characters_in_labels_are_refused bash -c "
  \"$SD\" a.txt b.txt --label \$'x\\033]0;title\\007' 2> e.txt; [ \$? = 2 ] && ! LC_ALL=C grep -qP '\\x1b' e.txt"

# ---------------------------------------------------------------- 6. hostile HTML
python3 - <<'EOF'
b = lambda inner: "<html><body>" + inner + "</body></html>"
open("unclosed.html", "w").write(b("<p>" + "<b><i><span>" * 10000 + "x</p>"))
open("divs10k.html", "w").write(b("<div>" * 10000 + "x" + "</div>" * 10000))
open("divs100k.html", "w").write(b("<div>" * 100000 + "x" + "</div>" * 100000))
open("attrs.html", "w").write(b("<p " + " ".join('a%d="v"' % i for i in range(40000)) + ">x</p>"))
open("brackets.md", "w").write("[" * 400000 + "\n\nThe storm hit the coast on Monday.\n")
EOF
fast_refusal() {
  local s=$(date +%s%N)
  timeout 30 "$SD" "$1" b.txt >/dev/null 2>e6.txt
  local r=$? t=$(($(date +%s%N) - s))
  [ "$r" = 2 ] && grep -q "$2" e6.txt && [ "$t" -lt 5000000000 ]
}
ok hostile_html_30k_unclosed_tags_is_refused_quickly fast_refusal unclosed.html "nested more than 512 deep"
ok hostile_html_10k_nested_divs_is_refused_quickly fast_refusal divs10k.html "nested more than 512 deep"
ok hostile_html_100k_nested_divs_is_refused_quickly fast_refusal divs100k.html "nested more than 512 deep"
ok hostile_html_40k_attributes_is_refused_quickly fast_refusal attrs.html "more than 1000 attributes"
ok markdown_line_of_brackets_is_fast bash -c "
  s=\$(date +%s%N); timeout 30 \"$SD\" brackets.md b.txt > /dev/null; r=\$?
  [ \$r = 1 ] && [ \$((\$(date +%s%N) - s)) -lt 5000000000 ]"

# ---------------------------------------------------------------- 7-8. readers
mem_ok() { # exit code 2, error text, peak memory under 400 MB
  /usr/bin/time -f '%M' -o mem.txt timeout 60 "$@" >/dev/null 2>e7.txt
  local r=$?
  [ "$r" = 2 ] && grep -q "too large" e7.txt && [ "$(tail -1 mem.txt)" -lt 400000 ]
}
ok endless_device_stops_at_the_cap mem_ok "$SD" /dev/zero b.txt
ok urandom_stops_at_the_cap bash -c "
  timeout 60 \"$SD\" /dev/urandom b.txt 2> e.txt; [ \$? = 2 ] && grep -q 'binary data\\|too large\\|not valid UTF-8' e.txt"
ok endless_fifo_stops_at_the_cap bash -c "
  mkfifo ff && { yes 'The storm hit.' > ff 2>/dev/null & } && /usr/bin/time -f %M -o m.txt timeout 60 \"$SD\" ff b.txt 2> e.txt
  [ \$? = 2 ] && grep -q 'too large' e.txt && [ \$(tail -1 m.txt) -lt 400000 ]"
ok endless_stdin_stops_at_the_cap bash -c "
  yes 'The storm hit.' | /usr/bin/time -f %M -o m.txt timeout 60 \"$SD\" - b.txt 2> e.txt
  [ \$? = 2 ] && grep -q 'too large' e.txt && [ \$(tail -1 m.txt) -lt 400000 ]"
ok batch_stdin_line_over_the_cap_is_an_error_line bash -c "
  { head -c 100000000 /dev/zero | tr '\\0' x; echo; cat two.json; } |
    /usr/bin/time -f %M -o m.txt timeout 60 \"$SD\" batch - > o.txt
  [ \$? = 2 ] && grep -q 'line 1: longer than 67108864 bytes' o.txt && grep -q '\"id\":\"two\"' o.txt &&
    [ \$(tail -1 m.txt) -lt 400000 ]"
ok batch_file_over_64_mib_is_streamed bash -c "
  { head -c 35000000 /dev/zero | tr '\\0' ' '; echo; head -c 35000000 /dev/zero | tr '\\0' ' '; echo; cat one.json; } > big.jsonl
  timeout 60 \"$SD\" batch big.jsonl > o.txt; [ \$? = 1 ] && grep -q '\"id\":\"one\"' o.txt"

# ---------------------------------------------------------------- 9. options
case9() {
  local v
  for v in NaN -1 0 inf 1e300 abc; do
    rc "$SD" a.txt b.txt "--fetch-timeout=$v"
    [ "$RC" = 2 ] && grep -q "is not a number of seconds" err.txt && no_panic || return 1
  done
}
ok fetch_timeout_nan_negative_huge_is_refused case9
ok huge_label_is_refused bash -c "
  \"$SD\" a.txt b.txt --label \$(head -c 65536 /dev/zero | tr '\\0' x) 2> e.txt
  [ \$? = 2 ] && grep -q 'label of 65536 characters' e.txt && ! grep -q panicked e.txt"
ok long_file_name_makes_a_short_label bash -c "
  n=\$(head -c 250 /dev/zero | tr '\\0' n).txt; cp a.txt \$n; \"$SD\" \$n b.txt > /dev/null 2> e.txt; [ \$? = 1 ]"

# ---------------------------------------------------------------- 10. encodings
printf '<html><head><meta charset="iso-8859-1"><title>T</title></head><body><article><p>Le caf\351 de la gare a ferm\351 lundi apr\350s trente ans.</p><p>Les employ\351s ont \351t\351 reclass\351s.</p></article></body></html>\n' >latin1.html
printf 'Le café de la gare a fermé lundi après trente ans.\n\nLes employés ont été reclassés.\n' >fr.txt
ok latin1_page_is_decoded_by_its_meta_charset bash -c "
  \"$SD\" latin1.html fr.txt --format json > o.txt; [ \$? = 0 ] && ! grep -q \$'\\xef\\xbf\\xbd' o.txt"
printf '\357\273\277' >bom.txt
cat a.txt >>bom-a.txt
printf '\357\273\277' | cat - a.txt >bom-a.txt
ok utf8_bom_is_stripped bash -c "\"$SD\" bom-a.txt a.txt > /dev/null; [ \$? = 0 ]"
printf -- '---\n\n***\n\n___\n' >rules.md
printf '```\nlet x = 1;\n```\n' >fence.md
ok bom_only_file_is_empty bash -c "\"$SD\" bom.txt a.txt 2> e.txt; [ \$? = 2 ] && grep -q 'bom.txt: empty' e.txt"
ok markdown_of_only_rules_is_empty bash -c "\"$SD\" rules.md a.txt 2> e.txt; [ \$? = 2 ] && grep -q 'rules.md: empty' e.txt"
ok markdown_of_only_a_code_fence_is_empty bash -c "\"$SD\" fence.md a.txt 2> e.txt; [ \$? = 2 ] && grep -q 'fence.md: empty' e.txt"

# ---------------------------------------------------------------- 11. labels
ok same_path_twice_gets_distinct_labels bash -c "
  \"$SD\" versions a.txt a.txt --format json > o.txt; [ \$? = 0 ] && grep -q '\"label\": \"a#2\"' o.txt"
ok explicit_duplicate_labels_stay_an_error bash -c "
  \"$SD\" x=a.txt x=b.txt 2> e.txt; [ \$? = 2 ] && grep -q \"duplicate label 'x'\" e.txt"
ok empty_label_is_refused bash -c "\"$SD\" a.txt b.txt --label '' 2> e.txt; [ \$? = 2 ] && grep -q 'empty label' e.txt"
ok label_with_newline_is_refused bash -c "
  \"$SD\" a.txt b.txt --label \$'two\\nlines' 2> e.txt; [ \$? = 2 ] && grep -q 'line break or control character' e.txt"

# ---------------------------------------------------------------- 12. stdout
ok closed_stdout_exits_2 bash -c "
  \"$SD\" a.txt b.txt >&- 2> e.txt; [ \$? = 2 ] && grep -q 'stdout: closed' e.txt"
ok dev_null_stdout_is_fine bash -c "\"$SD\" a.txt b.txt > /dev/null 2> e.txt; [ \$? = 1 ] && [ ! -s e.txt ]"
python3 -c "print(' '.join('Sentence number %d says something new.' % i for i in range(3000)))" >long.txt
ok broken_pipe_exits_0_silently bash -c "
  \"$SD\" long.txt b.txt --color never 2> e.txt | head -c 10 > /dev/null; [ \${PIPESTATUS[0]} = 0 ] && [ ! -s e.txt ]"

# ---------------------------------------------------------------- 13. batch paths
cp a.txt b.txt job/
printf '{"id":"s","reports":[{"path":"a.txt"},{"path":"b.txt"}]}\n' >job/s.jsonl
ok batch_paths_resolve_against_the_stories_file bash -c "
  cd x && \"$SD\" batch ../job/s.jsonl > ../o.txt; [ \$? = 1 ] && grep -q '\"ok\":true' ../o.txt"
printf '{"id":"s","reports":[{"path":"/etc/passwd"},{"text":"One two three four five."}]}\n' >untrusted.jsonl
ok batch_no_local_paths_refuses_paths bash -c "
  \"$SD\" batch untrusted.jsonl --no-local-paths > o.txt; [ \$? = 2 ] && grep -q 'no-local-paths' o.txt && ! grep -q root: o.txt"

# ---------------------------------------------------------------- URLs (local server)
cat >server.py <<'EOF'
import http.server, sys
PAGE = b"<html><head><title>T</title></head><body><article><p>The council voted on Monday to close the old bridge for repairs.</p><p>Work starts in May and lasts a year.</p></article></body></html>"
LATIN = b"<html><head><title>T</title></head><body><article><p>Le caf\xe9 de la gare a ferm\xe9 lundi apr\xe8s trente ans.</p><p>Les employ\xe9s ont \xe9t\xe9 reclass\xe9s.</p></article></body></html>"
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_GET(self):
        if self.path == "/loop":
            self.send_response(302); self.send_header("Location", "/loop"); self.send_header("Content-Length", "0"); self.end_headers(); return
        body, ctype = (LATIN, "text/html; charset=iso-8859-1") if self.path == "/latin" else (PAGE, "text/html")
        if self.path == "/big":
            body = b"a" * (12 * 1024 * 1024)
        self.send_response(200); self.send_header("Content-Type", ctype); self.send_header("Content-Length", str(len(body))); self.end_headers()
        try: self.wfile.write(body)
        except Exception: pass
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
print(s.server_address[1], flush=True)
s.serve_forever()
EOF
python3 server.py >port.txt 2>/dev/null &
SERVER_PID=$!
for _ in 1 2 3 4 5 6 7 8 9 10; do [ -s port.txt ] && break; sleep 0.3; done
U="http://127.0.0.1:$(head -1 port.txt)"
ok latin1_page_is_decoded_by_the_http_charset bash -c "
  \"$SD\" $U/latin fr.txt --format json > o.txt; [ \$? = 0 ] && ! grep -q \$'\\xef\\xbf\\xbd' o.txt"
ok urls_of_one_host_get_distinct_labels bash -c "
  \"$SD\" $U/news/one $U/news/two --format json > o.txt; [ \$? = 0 ] && grep -q '/news/two\"' o.txt"
ok one_url_twice_gets_distinct_labels bash -c "\"$SD\" versions $U/a $U/a > /dev/null; [ \$? = 0 ]"
# Checks that held before issue 11 and must still hold.
ok redirect_loop_is_an_error bash -c "\"$SD\" $U/loop $U/a 2> e.txt; [ \$? = 2 ] && grep -q 'more than 5 redirects' e.txt"
ok oversized_page_is_refused bash -c "\"$SD\" $U/big $U/a 2> e.txt; [ \$? = 2 ] && grep -q 'larger than' e.txt"
ok html_view_escapes_markup bash -c "
  printf 'The <script>alert(1)</script> storm hit the coast on Monday.\\n' > xss.txt
  \"$SD\" xss.txt a.txt --format html > o.html; ! grep -q '<script>alert' o.html"
ok output_is_deterministic bash -c "
  \"$SD\" nasty.txt a.txt b.txt --format json > d1.txt; \"$SD\" nasty.txt a.txt b.txt --format json > d2.txt; cmp -s d1.txt d2.txt"

# ---------------------------------------------------------------- random inputs
mkdir -p rnd
python3 - "$RANDOM_RUNS" <<'EOF'
import random, sys
n = int(sys.argv[1])
rnd = random.Random(11)
frags = ["The", "storm", "killed", "12", "3.5%", "U.S.", "Mr.", "said", "said.", "according to",
         "\u201c", "\u201d", '"', "'", "\u2018", "\u2019", "\u00ab", "\u00bb", "[", "]", "(", ")", "<", ">",
         "# ", "\n- ", "**", "`", "\n```\n", "\n---\n", "[a](http://x)", "![i](y)", "\n\n", "\n", "\r\n",
         "<p>", "</p>", "<b>", "<div>", "</div>", "<script>", "</script>", "<!--", "-->", "&amp;", "&#27;",
         "<html><body>", "</body></html>", "<article>", "<meta charset=latin1>", "\x1b[2J", "\x07",
         "\u009b", "\ufeff", "\u202e", "\u00e9", "\u4e2d\u6587", "\U0001F600"]
exts = [".txt", ".md", ".html", ""]
for i in range(n):
    ext = exts[i % len(exts)]
    if rnd.random() < 0.3:
        data = bytes(rnd.getrandbits(8) for _ in range(rnd.randrange(0, 400)))
    else:
        data = " ".join(rnd.choice(frags) for _ in range(rnd.randrange(0, 120))).encode("utf-8", "surrogatepass")
    open("rnd/%d%s" % (i, ext), "wb").write(data)
EOF
signals=0
panics=0
files=(rnd/*)
count=${#files[@]}
fmts=(terminal json markdown html)
for ((i = 0; i < count; i++)); do
  f=${files[$i]}
  g=${files[$(((i + 1) % count))]}
  fmt=${fmts[$((i % 4))]}
  case $((i % 5)) in
    0 | 1) timeout 20 "$SD" "$f" "$g" --format "$fmt" --color always >/dev/null 2>e.txt ;;
    2) timeout 20 "$SD" versions "$f" "$g" --format "$fmt" >/dev/null 2>e.txt ;;
    3) timeout 20 "$SD" check "$f" --against "$g" --format "$fmt" >/dev/null 2>e.txt ;;
    4) timeout 20 "$SD" segment "$f" --format json >/dev/null 2>e.txt ;;
  esac
  r=$?
  if [ "$r" -gt 2 ]; then
    signals=$((signals + 1))
    echo "  random input $f (with $g): exit $r"
  fi
  if grep -q panicked e.txt; then
    panics=$((panics + 1))
    echo "  random input $f: panic: $(head -c 200 e.txt)"
  fi
done
ok "random_inputs_${count}_without_signal_or_panic" [ "$signals" = 0 -a "$panics" = 0 -a "$count" -ge "$RANDOM_RUNS" ]

echo "hardening: $pass passed, $fail failed ($count random inputs: $signals signals, $panics panics)"
[ "$fail" = 0 ]
