#!/usr/bin/env bash
# trainsets.sh OUT regenerates the standard family of synthetic spun/gold
# sets for training and testing a decision model, and lists them in
# OUT/manifest.tsv (name, role, text, spinner, rate, words, replaced).
#
#   train/    spun Brown non-news and nlp-corpus text: every spinner at rates
#             0.5 and 0.9, each set on its own stretch of text
#   tables/   tables learned from each training spinner's output, and
#             decision-train.txt, the list tools/mkdecision trains on
#   heldout/  the same spinners and rates on one stretch of Brown news (the
#             text the tests score), and unspun Brown news and nlp-corpus
#             text for false positives (spun == gold there)
#
# Spinners: wordnet, wordnet-fw (WordNet, joined phrases, the real sample's
# function-word swaps), moby, moby-fw, tortured (the word swaps of the
# Problematic Paper Screener's tortured phrases, by Cabanac, Labbé and
# Magazinov, CC BY 4.0), tortured-wn (those backed by WordNet), and mix (a
# set's text cut in six, each part spun by one of the others: a decision
# model must not learn one spinner's taste).
#
# Text: the Brown corpus (news is its first 4,623 lines, kept for held-out
# sets) and nlp-corpus from the npm registry (MIT; its texts were gathered
# from the web: train on them, do not ship them), fetched into OUT/src with
# npm. Its 100 files are shuffled sentences: files 0-79 train, 80-99 are
# held out.
#
# With EVAL=1 it then scores the current build on every set into
# OUT/baseline.tsv (precision, recall, F0.5, words changed). WORDS sets the
# size of a set (default 30000).
set -euo pipefail

out=${1:?usage: trainsets.sh OUT}
repo=$(cd "$(dirname "$0")/../.." && pwd)
shared=${UNSPIN_SHARED:-$repo/../shared}
words=${WORDS:-30000}
brown=$shared/data/corpus/brown.txt.gz
moby=$shared/data/thesaurus/moby-words.txt.gz
pps=$shared/data/tortured/pps-train.tsv
news_lines=4623 # brown.txt.gz's first lines are brown-news.txt (ca01-ca44)

mkdir -p "$out/src" "$out/train" "$out/heldout"
out=$(cd "$out" && pwd)
src=$out/src
(cd "$repo" && go build -o "$src/mksynth" ./tools/mksynth && go build -o "$src/unspin" ./cmd/unspin)
mksynth=$src/mksynth

# nlp-corpus's JSON arrays as plain text, one sentence a paragraph, for -text.
if [ ! -s "$src/npm-heldout.txt" ]; then
	(cd "$src" && npm pack --silent nlp-corpus@4.4.0 >/dev/null && tar xzf nlp-corpus-4.4.0.tgz)
	tojson='const fs = require("fs"); const [dir, from, to] = process.argv.slice(1);
		for (let i = +from; i < +to; i++)
			for (const s of JSON.parse(fs.readFileSync(`${dir}/doc-${i}.json`)))
				process.stdout.write(s.replace(/\s+/g, " ").trim() + "\n\n");'
	node -e "$tojson" "$src/package/builds" 0 80 >"$src/npm-train.txt"
	node -e "$tojson" "$src/package/builds" 80 100 >"$src/npm-heldout.txt"
fi

spinners="wordnet wordnet-fw moby moby-fw tortured tortured-wn"

flags() { # the mksynth flags of a spinner
	case $1 in
	wordnet) echo "" ;;
	wordnet-fw) echo "-join -function-words" ;;
	moby) echo "-moby $moby" ;;
	moby-fw) echo "-moby $moby -function-words" ;;
	tortured) echo "-tortured $pps" ;;
	tortured-wn) echo "-tortured $pps -fallback" ;;
	esac
}

printf 'name\trole\ttext\tspinner\trate\twords\treplaced\n' >"$out/manifest.tsv"

# replaced counts the tokens of a set's spun text that differ from its gold.
replaced() {
	awk 'NR == FNR { g[FNR] = $0; next }
		{ n = split($0, s, " "); split(g[FNR], o, " "); for (i = 1; i <= n; i++) if (s[i] != o[i]) c++ }
		END { print c + 0 }' "$1.gold.txt" "$1.spun.txt"
}

list() { # prefix role text spinner rate
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "${1#"$out"/}" "$2" "$3" "$4" "$5" \
		"$(wc -w <"$1.gold.txt")" "$(replaced "$1")" >>"$out/manifest.tsv"
}

# make PREFIX SPINNER RATE SEED CORPUS-FLAGS...: one set.
# quiet runs a command with its progress chatter hidden, and shows it when
# the command fails: a missing WordNet must not end the script silently.
quiet() {
	local log
	log=$(mktemp)
	if ! "$@" 2>"$log"; then
		cat "$log" >&2
		rm -f "$log"
		return 1
	fi
	rm -f "$log"
}

make_set() {
	local prefix=$1 spinner=$2 rate=$3 seed=$4
	shift 4
	if [ "$spinner" = mix ]; then
		make_mix "$prefix" "$rate" "$seed" "$@"
		return
	fi
	# shellcheck disable=SC2046 # flags are words
	quiet "$mksynth" "$@" -words "${set_words:-$words}" -rate "$rate" -seed "$seed" $(flags "$spinner") -out "$prefix"
}

# make_mix cuts the clean text in six and spins each part with one spinner.
make_mix() {
	local prefix=$1 rate=$2 seed=$3 part=0 s
	shift 3
	quiet "$mksynth" "$@" -words "${set_words:-$words}" -unspun -out "$prefix.clean"
	split -n l/6 -d "$prefix.clean.gold.txt" "$prefix.part"
	: >"$prefix.spun.txt"
	for s in $spinners; do
		# shellcheck disable=SC2046
		quiet "$mksynth" -corpus "$prefix.part0$part" -raw -words 0 -rate "$rate" -seed "$seed" \
			$(flags "$s") -out "$prefix.part"
		cat "$prefix.part.spun.txt" >>"$prefix.spun.txt"
		part=$((part + 1))
	done
	mv "$prefix.clean.gold.txt" "$prefix.gold.txt"
	rm -f "$prefix".part* "$prefix.clean.spun.txt"
}

# Training: each (spinner, rate) set on its own stretch of text, so no
# sentence is in two sets: 3,700 sentences apart in Brown (75,000 words),
# 3,000 in nlp-corpus (53,000 words; -text keeps 44,399 of its training
# sentences), more than a set needs.
i=0
for s in $spinners mix; do
	for rate in 0.5 0.9; do
		skip=$((news_lines + i * 3700))
		make_set "$out/train/brown-$s-$rate" "$s" "$rate" $((i + 1)) -corpus "$brown" -skip "$skip"
		list "$out/train/brown-$s-$rate" train brown-nonnews "$s" "$rate"
		make_set "$out/train/npm-$s-$rate" "$s" "$rate" $((i + 1)) -corpus "$src/npm-train.txt" -text -skip $((i * 3000))
		list "$out/train/npm-$s-$rate" train npm-corpus "$s" "$rate"
		i=$((i + 1))
	done
done

# Clean text and a light spin for training too, so that a decision sees
# documents with nothing or little to repair: the unused second half of the
# first two Brown stretches, and nlp-corpus past its spun stretches and in the unused end of the first.
quiet "$mksynth" -corpus "$brown" -skip $((news_lines + 1800)) -words "$words" -unspun -out "$out/train/brown-clean"
list "$out/train/brown-clean" train brown-nonnews none 0
quiet "$mksynth" -corpus "$src/npm-train.txt" -text -skip 41000 -words "$words" -unspun -out "$out/train/npm-clean"
list "$out/train/npm-clean" train npm-corpus none 0
make_set "$out/train/brown-mix-0.2" mix 0.2 $((i + 1)) -corpus "$brown" -skip $((news_lines + 3700 + 1800))
list "$out/train/brown-mix-0.2" train brown-nonnews mix 0.2
set_words=10000 make_set "$out/train/npm-mix-0.2" mix 0.2 $((i + 1)) -corpus "$src/npm-train.txt" -text -skip 2400
list "$out/train/npm-mix-0.2" train npm-corpus mix 0.2

# Held out: every spinner on the same news text, so their figures compare;
# unspun text from the end of the news section and the held-out npm files.
for s in $spinners mix; do
	for rate in 0.5 0.9; do
		make_set "$out/heldout/news-$s-$rate" "$s" "$rate" 101 -corpus "$brown"
		list "$out/heldout/news-$s-$rate" heldout brown-news "$s" "$rate"
	done
done
quiet "$mksynth" -corpus "$brown" -skip 3000 -words "$words" -unspun -out "$out/heldout/news-clean"
list "$out/heldout/news-clean" heldout brown-news none 0
quiet "$mksynth" -corpus "$src/npm-heldout.txt" -text -words "$words" -unspun -out "$out/heldout/npm-clean"
list "$out/heldout/npm-clean" heldout npm-corpus none 0

# Learned tables, so that a decision learns what a learned candidate is
# worth (unspin learn, then fix --table): for each training spinner, a
# table learned from 150,000 words of Brown's other genres that the same
# spinner (the same seed, so the same choices) spun, and for the mixture,
# whose parts are cut from each text, a table learned from the other
# corpus's set. tables/SET.tsv serves train/SET.
mkdir -p "$out/tables"
learned() { quiet "$src/unspin" learn -o "$1" "$2"; }
i=0
for s in $spinners mix; do
	for rate in 0.5 0.9; do
		i=$((i + 1))
		case $s in
		tortured*) continue ;; # left out of training: the spinner a decision never saw
		mix)
			learned "$out/tables/brown-mix-$rate.tsv" "$out/train/npm-mix-$rate.spun.txt"
			learned "$out/tables/npm-mix-$rate.tsv" "$out/train/brown-mix-$rate.spun.txt"
			;;
		*)
			set_words=150000 make_set "$out/tables/pile-$s-$rate" "$s" "$rate" "$i" -corpus "$brown" -skip "$news_lines"
			learned "$out/tables/brown-$s-$rate.tsv" "$out/tables/pile-$s-$rate.spun.txt"
			cp "$out/tables/brown-$s-$rate.tsv" "$out/tables/npm-$s-$rate.tsv"
			;;
		esac
	done
done

# decision-train.txt is tools/mkdecision's -train list: every training set
# but the tortured-swap ones, and each spun one again with its table.
{
	for f in "$out"/train/*.spun.txt; do
		set=${f%.spun.txt}
		case $set in *-tortured*) continue ;; esac
		echo "$set"
		[ -f "$out/tables/${set##*/}.tsv" ] && echo "$set@$out/tables/${set##*/}.tsv"
	done
} | paste -sd, >"$out/decision-train.txt"

if [ "${EVAL:-}" = 1 ]; then
	printf 'name\tprecision\trecall\tF0.5\tchanged\twrong\n' >"$out/baseline.tsv"
	tail -n +2 "$out/manifest.tsv" | cut -f1 | while read -r name; do
		"$src/unspin" eval --spun "$out/$name.spun.txt" --gold "$out/$name.gold.txt" |
			awk -v n="$name" '/^precision/ { p = $2 } /^recall/ { r = $2 } /^F0.5/ { f = $2 }
				/^changed/ { c = $2 } /^wrong changes/ { w = $3 }
				END { printf "%s\t%s\t%s\t%s\t%s\t%s\n", n, p, r, f, c, w }' >>"$out/baseline.tsv"
	done
fi
