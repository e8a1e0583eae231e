#!/bin/bash
# Screenshot of the test IDE (built by ./mvnw verify into releng/org.bregman.product/target/products/)
# with a .potential file open: starts the product under Xvfb, waits for the workbench window, lets the
# editor settle and writes a PNG.
#   [IDE=DIR] releng/screenshot.sh [OUT.png] [FILE.potential]
# Needs: xvfb (Xvfb), imagemagick (import), x11-utils (xwininfo), libgtk-3-0, a JDK 21+.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(realpath -m "${1:-$ROOT/releng/org.bregman.product/target/screenshot.png}")
WORK=$(mktemp -d /tmp/bregman-shot.XXXXXX)
# IDE=DIR picks another installation, e.g. the plain Eclipse with the site installed by the p2 director:
#   IDE=releng/org.bregman.plainide/target/installed/bregman-ide releng/screenshot.sh
if [ -n "${IDE:-}" ]; then
  [ -f "$IDE/configuration/config.ini" ] || { echo "screenshot.sh: IDE=$IDE is not an installed Eclipse" >&2; exit 2; }
  IDE=$(realpath "$IDE")
else
  IDE=$(ls -d "$ROOT"/releng/org.bregman.product/target/products/org.bregman.ide/linux/gtk/x86_64/bregman-ide 2>/dev/null || true)
  [ -n "$IDE" ] || { echo "screenshot.sh: build the product first (./mvnw verify)" >&2; exit 2; }
fi
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
mkdir -p "$WORK/demo"
if [ -n "${2:-}" ]; then cp "$2" "$WORK/demo/"; FILE="$WORK/demo/$(basename "$2")"; else
cat > "$WORK/demo/potentials.potential" <<'POT'
package examples.seeds

/** lq potential of Azizan, Lale & Hassibi; q = 2 is plain SGD. */
potential QNorm(q = 3 where q > 1) {
    psi(w) = |w|^q / q
}

/** Exponentiated gradient: the unnormalised negative entropy. */
potential NegEntropy {
    domain w > 0
    psi(w) = w * log(w) - w
}

/** Hyperbolic entropy (sparse mirror). */
potential HyperbolicEntropy(beta = 1 where beta > 0) {
    psi(w) = w * asinh(w / beta) - sqrt(w^2 + beta^2)
}

/** No closed-form inverse: derived numerically. */
potential Quartic {
    psi(w) = w^4 / 4 + w^2 / 2
}

experiment ImplicitBias {
    data    regression(n = 40, d = 400, seed = 1)      // over-parameterised: d >> n
    model   linear
    loss    squared
    mirrors QNorm(q = 1.5), QNorm(q = 2), QNorm(q = 3), QNorm(q = 10)
    init    normal(std = 0.1) seeds 1 .. 3
    lr      0.01
    batch   1
    until   loss < 1e-10 or epochs >= 5000
    report  bregman, closest, exact, histogram
}
POT
FILE="$WORK/demo/potentials.potential"; fi
DISP=:$((90 + RANDOM % 9))
Xvfb $DISP -screen 0 1280x900x24 >"$WORK/xvfb.log" 2>&1 &
XVFB=$!
trap 'kill $IDEPID 2>/dev/null || true; kill $XVFB 2>/dev/null || true' EXIT
IDEPID=
sleep 1
export DISPLAY=$DISP
"$JAVA" -Xms256m -Xmx1024m -Dosgi.requiredJavaVersion=21 -Dbregman.open="$FILE" \
  -jar "$IDE"/plugins/org.eclipse.equinox.launcher_*.jar -data "$WORK/ws" -consoleLog >"$WORK/ide.log" 2>&1 &
IDEPID=$!
# the window title names the open file once the start-up hook has opened it (30-40 s on a busy 2-core box)
NAME=$(basename "$FILE")
for i in $(seq 1 360); do
  if xwininfo -root -tree 2>/dev/null | grep -q -F "$NAME"; then break; fi
  sleep 0.5
done
sleep "${SETTLE:-8}"
import -window root "$OUT"
echo "screenshot: $OUT (IDE log: $WORK/ide.log)"
