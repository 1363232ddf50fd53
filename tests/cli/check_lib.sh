# Shared by the command-line test scripts (sourced, not run): a scratch folder removed on
# exit, a failure counter, and the closing verdict.
#
#   source "$(dirname "$0")/check_lib.sh"
#   fail "what went wrong"           # counts a failure and says it
#   fresh "$shipped"                 # $work/rules: a copy of the shipped rules to break
#   finish "merge partitions"        # "NAME: all checks passed" and exit 0, or exit 1

work=$(mktemp -d)
# Some tests make files read-only; give the owner write access back before removing them.
trap 'chmod -R u+w "$work" 2> /dev/null; rm -rf "$work"' EXIT
failures=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# fresh SHIPPED_RULES_DIR: $work/rules becomes a clean copy of the shipped rules.
fresh() {
  rm -rf "$work/rules"
  cp -r "$1" "$work/rules"
}

# finish NAME: the script's exit, with its verdict.
finish() {
  if [ "$failures" -eq 0 ]; then
    echo "$1: all checks passed"
    exit 0
  fi
  exit 1
}
