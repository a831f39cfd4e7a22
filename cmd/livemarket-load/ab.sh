#!/usr/bin/env bash
# Alternating runs of the flash-sale load mode for several builds, and the
# medians of each build's figures. Builds are load-tool binaries (the tool
# runs its own binary as the server), e.g. one built from an earlier commit:
#
#   git worktree add /tmp/before <commit> && (cd /tmp/before && go build -o /tmp/lm-before ./cmd/livemarket-load)
#   go build -o /tmp/lm-after ./cmd/livemarket-load
#   cmd/livemarket-load/ab.sh 5 before=/tmp/lm-before after=/tmp/lm-after
#
# Each round runs every build once, in the order given, so that a build does
# not get the quieter minutes. DB (a PostgreSQL server URL), BUYERS, STOCK and
# EXTRA (more flags, e.g. "-spread 500ms") are passed to every run.
set -euo pipefail
if [ $# -lt 2 ]; then
	echo "usage: $0 ROUNDS NAME=BINARY..." >&2
	exit 2
fi
rounds=$1
shift
db=${DB:-postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for ((i = 1; i <= rounds; i++)); do
	for build in "$@"; do
		name=${build%%=*}
		bin=${build#*=}
		# shellcheck disable=SC2086 # EXTRA is a list of flags
		report=$("$bin" -mode flash -buyers "${BUYERS:-1000}" -stock "${STOCK:-100}" -db "$db" ${EXTRA:-} 2>&1)
		line=$(awk -v name="$name" '
			/^successful/ {paid = $6}
			/^per second/ {ops = $7; base = $8}
			/^latency p99/ {p99 = $7}
			/^sold-out latency/ {so = $9}
			/^sold-out after the rush p50/ {late = $11}
			/^floor/ {floor = $13}
			/^oversold units/ {over = $3}
			/^ledger balanced/ {ledger = $3}
			/^other failures/ {fail = $3}
			/^CPU-s in the rush/ {pgcpu = $10; srvcpu = $12}
			END {printf "%s %s %s %.1f %s %s %s %s %s %s %s %s %s %s\n", name, ops, base, 100 * ops / base, p99, so, late, floor, paid, over, ledger, fail, pgcpu, srvcpu}' <<<"$report")
		echo "$line" >>"$out"
		echo "$line" | awk '{printf "%-12s orders/s %7s  raw UPDATE/s %8s  ratio %5s%%  p99 paid %6s  sold-out p99 %6s  late p99 %6s  floor p99 %5s  rush CPU-s PostgreSQL %s server %s  paid %s oversold %s ledger %s failures %s\n", $1, $2, $3, $4, $5, $6, $7, $8, $13, $14, $9, $10, $11, $12}'
	done
done
echo "medians over $rounds rounds:"
for build in "$@"; do
	name=${build%%=*}
	for col in 2 3 4 5 6 7 8 13 14; do
		awk -v name="$name" -v c="$col" '$1 == name {print $c}' "$out" | sort -g | awk '{v[NR] = $1} END {m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%s ", m}'
	done | awk -v name="$name" '{printf "%-12s orders/s %s  raw UPDATE/s %s  ratio %s%%  p99 paid %s  sold-out p99 %s  late p99 %s  floor p99 %s  rush CPU-s PostgreSQL %s server %s\n", name, $1, $2, $3, $4, $5, $6, $7, $8, $9}'
done
