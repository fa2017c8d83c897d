#!/bin/sh
# Every type assertion (`x as T`, not `as const`) in non-test source under cloudfunctions/,
# one line per assertion; comment lines and import renames are not assertions.
cd "${1:-.}" && grep -rnoE '(\w|\)|\]|\?) as (unknown|never|object|string|number|keyof|typeof|readonly|Promise|\{|\(|\[|[A-Z][A-Za-z0-9_.]*)' cloudfunctions --include=*.ts \
  | grep -vE '^[^:]*\.test\.ts:' \
  | while IFS=: read -r f n m; do line=$(sed -n "${n}p" "$f"); case "$line" in *import*|\ \**|\**|*/\**|*//*"$m"*) ;; *) echo "$f:$n:$m";; esac; done
