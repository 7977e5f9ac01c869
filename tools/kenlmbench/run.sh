#!/usr/bin/env bash
# Side-by-side speed of unspin's language model and KenLM on the same ARPA
# model and the same words, printed as ratios (unspin / KenLM: above 1 means
# unspin is slower).
#
#   tools/kenlmbench/run.sh KENLM_SRC [ARPA] [TEXT]
#
# KENLM_SRC is a KenLM source tree (github.com/kpu/kenlm, a checkout or an
# unpacked tarball). No package registry carries KenLM: Debian has no kenlm
# package (binary or source), npm has none, and the Go module proxy is for
# Go modules only, so the source is an argument and never part of this
# repository. Debian provides what building it needs (cmake, a C++ compiler,
# Boost, zlib); as root, missing ones are installed with apt-get.
#
# ARPA defaults to the CMU Sphinx en-us model that the built-in model is made
# from, TEXT to Brown news (both from the shared data directory, found as
# testdata.Shared finds it: $UNSPIN_SHARED, else ../shared beside the repo).
#
# Figures:
#   lookup  CPU ns per query, model load excluded: KenLM's kenlm_benchmark -q
#           -t 1 (probing, and trie for reference) against kenlmbench lookup,
#           which scores the same word stream through Model.Score. Each line
#           is a sentence; its </s> counts as a query in both.
#   whole   whole-process CPU seconds (user+sys) of KenLM's `query -v
#           sentence` on the probing binary against `unspin lm score` on
#           unspin's binary, on the same tokenised text: load, tokenising,
#           lookups and per-line output together.
# Each figure is the median of RUNS runs (default 5), the two sides run in
# turn; a ratio is the median of the run-by-run ratios, with their range.
# REPEAT (default 10) copies of the text make the input long enough to time.
#
# KenLM is built once into $KENLM_BUILD (default: a directory under
# ${XDG_CACHE_HOME:-~/.cache}); models and texts go to a temporary directory
# that is removed at exit. JOBS (default 2) bounds the build's parallelism.
set -euo pipefail

usage() { sed -n '2,/^set -e/p' "$0" | sed 's/^# \{0,1\}//; /^set -e/d' >&2; exit 2; }
[[ $# -ge 1 && $# -le 3 && $1 != -h && $1 != --help ]] || usage

repo=$(cd "$(dirname "$0")/../.." && pwd)
shared=${UNSPIN_SHARED:-$repo/../shared}
src=$(cd "$1" && pwd)
arpa=${2:-$shared/data/lm/cmusphinx-en-us.arpa.gz}
text=${3:-$shared/data/corpus/brown-news.txt}
runs=${RUNS:-5}
repeat=${REPEAT:-10}
jobs=${JOBS:-2}
[[ -f $src/lm/kenlm_benchmark_main.cc ]] || { echo "$src: not a KenLM source tree (no lm/kenlm_benchmark_main.cc)" >&2; exit 2; }
[[ -r $arpa && -r $text ]] || { echo "cannot read $arpa or $text" >&2; exit 2; }

# --- build KenLM ----------------------------------------------------------
need=()
command -v cmake >/dev/null || need+=(cmake)
command -v c++ >/dev/null || need+=(g++)
for h in boost/program_options.hpp boost/thread.hpp boost/system/error_code.hpp boost/test/unit_test.hpp zlib.h bzlib.h lzma.h; do
	[[ -e /usr/include/$h ]] && continue
	case $h in
	boost/program_options*) need+=(libboost-program-options-dev) ;;
	boost/thread*) need+=(libboost-thread-dev) ;;
	boost/system*) need+=(libboost-system-dev) ;;
	boost/test*) need+=(libboost-test-dev) ;;
	zlib.h) need+=(zlib1g-dev) ;;
	bzlib.h) need+=(libbz2-dev) ;;
	lzma.h) need+=(liblzma-dev) ;;
	esac
done
if ((${#need[@]})); then
	if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
		echo "installing ${need[*]}" >&2
		apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
	else
		echo "KenLM's build needs: ${need[*]}" >&2
		exit 2
	fi
fi

rev=$( (git -C "$src" rev-parse --short HEAD 2>/dev/null || cksum <"$src/lm/model.cc") | tr -c '[:alnum:]\n' _ | head -c 16)
build=${KENLM_BUILD:-${XDG_CACHE_HOME:-$HOME/.cache}/unspin-kenlmbench/kenlm-$rev}
bin=$build/bin
if [[ ! -x $bin/kenlm_benchmark || ! -x $bin/query || ! -x $bin/build_binary ]]; then
	echo "building KenLM from $src in $build" >&2
	mkdir -p "$build"
	cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >"$build/cmake.log" 2>&1 ||
		{ tail -20 "$build/cmake.log" >&2; exit 1; }
	cmake --build "$build" -j "$jobs" --target build_binary query kenlm_benchmark >"$build/make.log" 2>&1 ||
		{ tail -20 "$build/make.log" >&2; exit 1; }
fi

# --- models and text --------------------------------------------------------
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$repo"
go build -o "$tmp/unspin" ./cmd/unspin
go build -o "$tmp/kenlmbench" ./tools/kenlmbench

cat_arpa() { case $arpa in *.gz) gzip -dc "$arpa" ;; *) cat "$arpa" ;; esac; }
# KenLM refuses an ARPA file whose \data\ counts differ from the n-grams
# listed (the CMU Sphinx model claims 2,051,547 bigrams and lists
# 2,051,541), and its trie builder one with text before \data\, so both
# tools read a copy with the counts made true and the preamble dropped.
cat_arpa | awk '
/^\\[0-9]+-grams:/ { n = substr($0, 2) + 0; next }
/^\\end\\/ { n = 0; next }
n > 0 && NF > 0 { c[n]++ }
END { for (i = 1; i in c; i++) printf "%d %d\n", i, c[i] }' >"$tmp/counts"
cat_arpa | awk -v counts="$tmp/counts" '
BEGIN { while ((getline l < counts) > 0) { split(l, f, " "); c[f[1]] = f[2] } }
/^\\data\\/ { data = 1 }
!data { next }
!done && /^ngram [0-9]+=/ { split(substr($0, 7), f, "="); if (f[1] in c) $0 = "ngram " f[1] "=" c[f[1]] }
/^\\1-grams:/ { done = 1 }
{ print }' >"$tmp/model.arpa"
echo "n-grams by order: $(tr '\n' ' ' <"$tmp/counts")" >&2

"$bin/build_binary" -u -7 probing "$tmp/model.arpa" "$tmp/kenlm.probing" >"$tmp/build_binary.log" 2>&1 ||
	{ cat "$tmp/build_binary.log" >&2; exit 1; }
"$bin/build_binary" -u -7 -S 1G trie "$tmp/model.arpa" "$tmp/kenlm.trie" >>"$tmp/build_binary.log" 2>&1 ||
	{ cat "$tmp/build_binary.log" >&2; exit 1; }
"$tmp/unspin" lm import "$tmp/model.arpa" -o "$tmp/model.unlm" 2>"$tmp/import.log" ||
	{ cat "$tmp/import.log" >&2; exit 1; }
rm "$tmp/model.arpa"

"$tmp/kenlmbench" tokens <"$text" >"$tmp/tokens1"
for ((i = 0; i < repeat; i++)); do cat "$tmp/tokens1"; done >"$tmp/tokens"
"$bin/kenlm_benchmark" -v -m "$tmp/kenlm.probing" <"$tmp/tokens" >"$tmp/ids.probing"
"$bin/kenlm_benchmark" -v -m "$tmp/kenlm.trie" <"$tmp/tokens" >"$tmp/ids.trie"
cat "$tmp"/kenlm.* "$tmp/model.unlm" "$tmp"/ids.* >/dev/null # into the page cache

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# paired A/B: the ratio run by run (A and B ran one after the other, so a
# drift in the machine's speed moves both), as "median (min-max)"
paired() {
	paste "$1" "$2" | awk '{ printf "%.4f\n", $1 / $2 }' | sort -g >"$tmp/pairs"
	printf '%.2f (%.2f-%.2f)' "$(median <"$tmp/pairs")" "$(head -1 "$tmp/pairs")" "$(tail -1 "$tmp/pairs")"
}
size() { stat -c %s "$1"; }

# --- lookups ----------------------------------------------------------------
ken_ns() { # kenlm_benchmark prints seconds per query; CPU is the first figure
	"$bin/kenlm_benchmark" -q -t 1 -m "$1" <"$2" 2>/dev/null |
		awk '/^Seconds per query excluding load/ { print $7 * 1e9 }'
}
: >"$tmp/lk.probing" >"$tmp/lk.trie" >"$tmp/lk.unspin"
for ((r = 0; r < runs; r++)); do
	ken_ns "$tmp/kenlm.probing" "$tmp/ids.probing" >>"$tmp/lk.probing"
	"$tmp/kenlmbench" lookup -model "$tmp/model.unlm" -passes 1 "$tmp/tokens" 2>/dev/null |
		sed -n 's/.*cpu_ns_per_query=\([0-9.]*\).*/\1/p' >>"$tmp/lk.unspin"
	ken_ns "$tmp/kenlm.trie" "$tmp/ids.trie" >>"$tmp/lk.trie"
done
lk_p=$(median <"$tmp/lk.probing")
lk_t=$(median <"$tmp/lk.trie")
lk_u=$(median <"$tmp/lk.unspin")

# --- whole commands -----------------------------------------------------------
cpu_of() { # user+sys seconds of one run, to the millisecond, output discarded
	local TIMEFORMAT='%3U %3S'
	{ time "$@" >/dev/null 2>&1 </dev/null; } 2>"$tmp/time" || { echo "failed: $*" >&2; exit 1; }
	awk '{ print $1 + $2 }' "$tmp/time"
}
: >"$tmp/wh.ken" >"$tmp/wh.unspin"
for ((r = 0; r < runs; r++)); do
	cpu_of sh -c 'exec "$0" -v sentence "$1" <"$2"' "$bin/query" "$tmp/kenlm.probing" "$tmp/tokens" >>"$tmp/wh.ken"
	cpu_of "$tmp/unspin" lm score --model "$tmp/model.unlm" "$tmp/tokens" >>"$tmp/wh.unspin"
done
wh_k=$(median <"$tmp/wh.ken")
wh_u=$(median <"$tmp/wh.unspin")
words=$(wc -w <"$tmp/tokens")
lines=$(wc -l <"$tmp/tokens")

# The same model in both: perplexity without OOVs on one copy of the text
# (both leave unknown words out; unspin also restarts the context after one).
ppl_k=$("$bin/query" -v summary "$tmp/kenlm.probing" <"$tmp/tokens1" 2>/dev/null | awk -F'\t' '/^Perplexity excluding OOVs/ { printf "%.2f", $2 }')
ppl_u=$("$tmp/unspin" lm score --model "$tmp/model.unlm" "$tmp/tokens1" | sed -n 's/^total:.* ppl=//p')

# --- report -----------------------------------------------------------------
printf 'text: %s, %d copies: %d lines, %d words (%d queries with </s>)\n' \
	"$(basename "$text")" "$repeat" "$lines" "$words" $((words + lines))
printf 'model: %s; files: unspin %d B, KenLM probing %d B, trie %d B\n' \
	"$(basename "$arpa")" "$(size "$tmp/model.unlm")" "$(size "$tmp/kenlm.probing")" "$(size "$tmp/kenlm.trie")"
printf 'perplexity excluding OOVs, one copy: unspin %s  KenLM %s\n' "$ppl_u" "$ppl_k"
printf 'medians of %d runs, CPU time\n' "$runs"
printf 'lookup ns/query: unspin %.1f  KenLM probing %.1f  KenLM trie %.1f\n' "$lk_u" "$lk_p" "$lk_t"
printf 'whole ns/word:   unspin lm score %.1f  KenLM query %.1f\n' \
	"$(awk -v s="$wh_u" -v n="$words" 'BEGIN { print s * 1e9 / n }')" \
	"$(awk -v s="$wh_k" -v n="$words" 'BEGIN { print s * 1e9 / n }')"
printf 'paired ratios, median (min-max):\n'
printf 'ratio lookup unspin/probing: %s  unspin/trie: %s\n' "$(paired "$tmp/lk.unspin" "$tmp/lk.probing")" "$(paired "$tmp/lk.unspin" "$tmp/lk.trie")"
printf 'ratio whole  unspin lm score/KenLM query: %s\n' "$(paired "$tmp/wh.unspin" "$tmp/wh.ken")"
printf 'ratio size   unspin/probing: %s\n' "$(ratio "$(size "$tmp/model.unlm")" "$(size "$tmp/kenlm.probing")")"
