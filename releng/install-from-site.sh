#!/bin/bash
# Installs the Bregman feature from the p2 update site ZIP into a copy of a plain Eclipse with the p2
# director, then checks the result for real. Run by ./mvnw verify (releng/org.bregman.plainide), or by hand:
#   releng/install-from-site.sh SITE.zip PLAIN_IDE_DIR DEST_DIR
# e.g. releng/install-from-site.sh releng/org.bregman.repository/target/org.bregman.repository-*.zip \
#        releng/org.bregman.plainide/target/products/org.bregman.plainide/linux/gtk/x86_64/plain-ide /tmp/bregman-ide
# DEST_DIR is replaced. The zip is the only repository the director sees (jar:file:...!/), and the JVM's
# proxies point at a closed local port, so an install that needs anything from the network fails.
# Checks: bundles.info and the p2 profile list our feature and bundles; every bundle of the installed
# product resolves in OSGi and org.bregman.ui parses and validates a file there (releng/install-check/);
# the trainer shipped in org.bregman.ui runs (bregman derive). Exit 0 when all hold, 1 on failure, 2 on usage.
# Needs a JDK 21+ (JAVA_HOME, else /usr/lib/jvm/temurin-25-jdk-amd64, else java on PATH).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
die() { echo "install-from-site: $*" >&2; exit 1; }
[ $# -eq 3 ] || { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
ZIP=$(realpath -e "$1" 2>/dev/null) || { echo "install-from-site: no update site zip at $1 (build it: ./mvnw verify)" >&2; exit 2; }
PLAIN=$(realpath -e "$2" 2>/dev/null) || { echo "install-from-site: no plain IDE at $2 (build it: ./mvnw verify)" >&2; exit 2; }
DEST=$(realpath -m "$3")
[ "$DEST" != "$PLAIN" ] || { echo "install-from-site: DEST_DIR must not be the plain IDE itself" >&2; exit 2; }
if [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"
elif [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
else JAVA=java; fi
PLAIN_INFO="$PLAIN/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
[ -f "$PLAIN_INFO" ] || { echo "install-from-site: $PLAIN is not a materialized Eclipse (no $PLAIN_INFO)" >&2; exit 2; }
# the starting point must really be plain: none of what the site brings
if grep -E '^(org\.bregman\.|org\.eclipse\.xtext[.,]|com\.google\.inject,|org\.codehaus\.janino\.)' "$PLAIN_INFO"; then
  die "the plain IDE already contains the bundles above: it does not test the site"
fi

T0=$(date +%s%N)
rm -rf "$DEST"; mkdir -p "$(dirname "$DEST")"; cp -a "$PLAIN" "$DEST"
PROFILE=$(sed -n 's/^eclipse\.p2\.profile=//p' "$DEST/configuration/config.ini"); PROFILE=${PROFILE:-DefaultProfile}
LAUNCHER=$(ls "$DEST"/plugins/org.eclipse.equinox.launcher_*.jar | head -1)
LOG="$DEST.director.log"
echo "install-from-site: p2 director: org.bregman.feature.feature.group from $ZIP into $DEST (profile $PROFILE)"
OFFLINE=(-Dhttp.proxyHost=127.0.0.1 -Dhttp.proxyPort=9 -Dhttps.proxyHost=127.0.0.1 -Dhttps.proxyPort=9
         -Djava.net.useSystemProxies=false -Declipse.p2.mirrors=false)
if ! "$JAVA" "${OFFLINE[@]}" -jar "$LAUNCHER" -nosplash -consoleLog \
    -application org.eclipse.equinox.p2.director \
    -repository "jar:file:$ZIP!/" -installIU org.bregman.feature.feature.group \
    -destination "$DEST" -profile "$PROFILE" >"$LOG" 2>&1; then
  cat "$LOG" >&2; die "the p2 director failed (log: $LOG)"
fi
cat "$LOG"
grep -q "Operation completed" "$LOG" || die "the p2 director did not report 'Operation completed' (log: $LOG)"
T1=$(date +%s%N)

# 1. bundles.info: what the launcher will start
INFO="$DEST/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
EXPECTED=(org.bregman.ui org.bregman.potential org.bregman.potential.ide org.bregman.symbolic org.bregman.runtime
          org.eclipse.xtext org.eclipse.xtext.ide org.eclipse.xtext.util org.eclipse.lsp4j com.google.inject
          com.google.guava org.antlr.runtime org.codehaus.janino.janino org.codehaus.janino.commons-compiler)
missing=()
for b in "${EXPECTED[@]}"; do grep -q "^$b," "$INFO" || missing+=("$b"); done
[ ${#missing[@]} -eq 0 ] || die "bundles.info of $DEST lacks: ${missing[*]}"
echo "install-from-site: bundles.info lists $(grep -vc "^#" "$INFO") bundles, ours among them ($(grep -c '^org\.bregman\.' "$INFO") org.bregman.*)"

# 2. the p2 profile: the feature is an installed root (what Help > About and the next update see)
REG="$DEST/p2/org.eclipse.equinox.p2.engine/profileRegistry/$PROFILE.profile"
LAST=$(ls -t "$REG"/*.profile* 2>/dev/null | head -1)
[ -n "$LAST" ] || die "no p2 profile in $REG"
if [[ "$LAST" == *.gz ]]; then CAT=(gzip -dc); else CAT=(cat); fi
"${CAT[@]}" "$LAST" | tr -d '\n' | grep -q "<iuProperties id='org.bregman.feature.feature.group'[^>]*>[[:space:]]*<properties[^>]*>[^<]*\(<property [^>]*>[^<]*\)*<property name='org.eclipse.equinox.p2.type.root' value='true'/>" \
  || die "the p2 profile $LAST does not have org.bregman.feature.feature.group as an installed root"
echo "install-from-site: p2 profile $(basename "$LAST"): org.bregman.feature.feature.group is an installed root"

# 3. the trainer ships inside org.bregman.ui (a folder-shaped bundle) and runs
UI=$(ls -d "$DEST"/plugins/org.bregman.ui_*/ 2>/dev/null | head -1)
[ -n "$UI" ] || die "org.bregman.ui is not unpacked as a folder in $DEST/plugins (Eclipse-BundleShape: dir)"
CLI=$(ls "$UI"trainer/org.bregman.cli-*.jar 2>/dev/null | head -1)
[ -n "$CLI" ] || die "no trainer/org.bregman.cli-*.jar in $UI (org.bregman.cli was not built in the same reactor)"
ls "$UI"trainer/lib/nd4j-native-*.jar >/dev/null 2>&1 || die "the trainer in $UI has no ND4J (trainer/lib/nd4j-native-*.jar)"
POT=$(mktemp --suffix=.potential); trap 'rm -f "$POT"' EXIT
printf 'potential QNorm(q = 3 where q > 1) {\n    psi(w) = |w|^q / q\n}\n' >"$POT"
OUT=$("$JAVA" -cp "$CLI:$UI/trainer/lib/*" org.bregman.cli.Main derive "$POT" --potential QNorm 2>&1) \
  || { echo "$OUT" >&2; die "the installed trainer failed: bregman derive"; }
grep -q 'inverse(z) *= sign(z) \* |z|^(1 / (q - 1)) *\[closed-form\]' <<<"$OUT" \
  || { echo "$OUT" >&2; die "the installed trainer's bregman derive printed something unexpected"; }
echo "install-from-site: the trainer in $(basename "$UI") runs (bregman derive: closed-form inverse of QNorm)"
T2=$(date +%s%N)

# 4. OSGi: everything resolves, the language services run inside the installed product
OSGI=$(ls "$DEST"/plugins/org.eclipse.osgi_*.jar | head -1)
"$JAVA" --add-opens java.base/jdk.internal.loader=ALL-UNNAMED -cp "$OSGI" "$HERE/install-check/InstallCheck.java" "$DEST" "${EXPECTED[@]}" org.eclipse.lsp4j.jsonrpc \
  || die "the installed product does not resolve or its language services fail (see above)"
T3=$(date +%s%N)
s() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }
echo "install-from-site: OK in $(s "$T0" "$T3") s (copy + director $(s "$T0" "$T1") s, profile/trainer checks $(s "$T1" "$T2") s, OSGi check $(s "$T2" "$T3") s): $DEST"
