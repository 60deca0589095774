#!/bin/sh
# Regenerate the translation sources and the compiled catalogues.
#
#   packaging/build_translations.sh            (from anywhere; needs pyside6-lupdate/-lrelease)
#
# 1. pyside6-lupdate scans every user-visible string (self.tr / QCoreApplication.translate)
#    under sellerdesk/gui and merges it into resources/i18n/sellerdesk_<lang>.ts, keeping the
#    translations already there (strings that vanished are kept as "vanished" for reuse).
# 2. pyside6-lrelease compiles each .ts into sellerdesk/assets/i18n/sellerdesk_<lang>.qm, which
#    the app loads at start for the user's locale (sellerdesk.gui.application).
# Translate new strings with pyside6-linguist (or any .ts editor), then run this again.
set -eu

ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$ROOT"

find_tool() {
    for candidate in "$(command -v "$1" 2>/dev/null || true)" \
        "$(dirname -- "$(command -v python3 2>/dev/null || echo /usr/bin/python3)")/$1"; do
        if [ -n "$candidate" ] && [ -x "$candidate" ]; then
            echo "$candidate"
            return 0
        fi
    done
    echo "build_translations.sh: $1 not found (pip install PySide6-Essentials)" >&2
    exit 1
}

LUPDATE=$(find_tool pyside6-lupdate)
LRELEASE=$(find_tool pyside6-lrelease)
LANGUAGES=${SELLERDESK_LANGUAGES:-zh_CN}

mkdir -p resources/i18n sellerdesk/assets/i18n
SOURCES=$(find sellerdesk/gui -name '*.py' | LC_ALL=C sort)

for lang in $LANGUAGES; do
    ts="resources/i18n/sellerdesk_${lang}.ts"
    qm="sellerdesk/assets/i18n/sellerdesk_${lang}.qm"
    # shellcheck disable=SC2086 (one argument per source file)
    "$LUPDATE" -locations relative -target-language "$lang" $SOURCES -ts "$ts"
    "$LRELEASE" "$ts" -qm "$qm"
done
