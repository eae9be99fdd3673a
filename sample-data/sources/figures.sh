#!/usr/bin/env bash
# Prints the chapter-figures table of sample-data/SOURCES.md: each figure's command and
# what it prints today. Run from the project root after `cargo build`.
set -eu
M=${MINILATERAL:-target/debug/minilateral}
F=sample-data/internet-governance.json
row() { # figure, chapter value, command...
  local figure=$1 chapter=$2; shift 2
  local out
  out=$("$M" "$@" 2>/dev/null | "${FILTER[@]}")
  printf '| %s | %s | `minilateral %s` | %s |\n' "$figure" "$chapter" "${*//$F/FILE}" "$out"
}
echo '| figure | chapter | command | output |'
echo '| --- | --- | --- | --- |'
FILTER=(head -1)
row "Budapest Convention parties, October 2014" "43" members $F budapest --at 2014-10
row "… of which not Council of Europe members" "6" members $F budapest --at 2014-10 --outside coe
row "Freedom Online Coalition members (Tallinn, 28 April 2014)" "23" members $F tallinn_recs --at 2014-04-28
row "Freedom Online Coalition members, end of 2014" "23 (c. 2014)" members $F foc --at 2014-12
row "NATO CCDCOE participants, end of 2014" "15" members $F ccdcoe --at 2014-12
FILTER=(tail -1)
row "ACTA partners (joined the negotiations)" "11" events $F --body acta --event joined_negotiations
FILTER=(head -1)
row "TPP signatories, 4 February 2016" "12" members $F tpp --at 2016-02-04 --level signatory
row "P4 founders" "4" members $F p4 --at 2009-12 --level signatory
FILTER=(tail -1)
row "WCIT-12 signatories, 14 December 2012" "89" events $F --body wcit12_itr --event signed --to 2012-12-14
row "WCIT-12 non-signatories" "55" events $F --body wcit12_itr --event did_not_sign
FILTER=(head -1)
row "MEF participants" "17" members $F mef --at 2009-12
FILTER=(tail -1)
row "OPSC signatories, October 2014" "121" events $F --body opsc --event signed --to 2014-10
FILTER=(head -1)
row "G8 members before Russia's suspension" "8 states (+ the EU)" members $F g7 --at 2013-12
row "G20 members, 2014" "20 (19 + EU)" members $F g20 --at 2014-12
row "UN members" "193 (\"196 countries\")" members $F un --at 2015-12
