#!/bin/sh
# Golden test: runs a command from a folder and compares its standard output with a file.
# usage: check_output.sh EXPECTED WORKDIR COMMAND [ARG...]
# Prints a unified diff and fails when they differ.
expected=$1
workdir=$2
shift 2
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
(cd "$workdir" && "$@") >"$actual" 2>/dev/null
status=$?
if [ $status -gt 1 ]; then
  echo "command failed with status $status: $*"
  exit 1
fi
if ! diff -u "$expected" "$actual"; then
  echo "output differs from $expected (regenerate it only after checking every changed row)"
  exit 1
fi
