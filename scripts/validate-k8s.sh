#!/usr/bin/env bash
# Validates the Kubernetes manifests offline (k8s/README.md, "Validation"): renders every overlay
# in k8s/overlays with `kubectl kustomize` and checks every object — core kinds against the
# Kubernetes API models, CloudNativePG/ECK resources against their CRDs (k8s/validation/crds),
# then the policies (probes, resources, security context, configuration from README.md, PDBs,
# NetworkPolicies). Then it proves that the checks bite: every overlay in
# k8s/validation/fixtures is broken on purpose and must be rejected with its expected error.
# Any failure exits non-zero. Run by scripts/test.sh.
source "$(dirname "$0")/lib/common.sh"

command -v kubectl >/dev/null \
  || die "kubectl (with kustomize) is needed to render k8s/; install kubectl and run again."
VALIDATION="$ROOT_DIR/k8s/validation"
OUT="$VALIDATION/target/rendered"

log "building the manifest validator (k8s/validation)"
"$ROOT_DIR/mvnw" -B -q -f "$VALIDATION/pom.xml" package \
  || die "the manifest validator did not build or its tests failed"
validate() {
  java -cp "$VALIDATION/target/classes:$(cat "$VALIDATION/target/classpath.txt")" \
    org.opengovdata.k8s.validation.ValidateManifests \
    --crds "$VALIDATION/crds" --readme "$ROOT_DIR/README.md" "$@"
}
# production runs every service at least twice
min_replicas() { case "$(basename "$1")" in production) echo 2 ;; *) echo 1 ;; esac; }

rm -rf "$OUT" && mkdir -p "$OUT/overlays" "$OUT/fixtures"
failed=0
for overlay in "$ROOT_DIR"/k8s/overlays/*/; do
  name=$(basename "$overlay")
  log "rendering and validating k8s/overlays/$name"
  kubectl kustomize "$overlay" >"$OUT/overlays/$name.yaml" || { failed=1; continue; }
  validate --min-replicas "$(min_replicas "$name")" "$OUT/overlays/$name.yaml" || failed=1
done
[ "$failed" = 0 ] || die "k8s: an overlay does not render or is invalid (see the errors above)"

for fixture in "$VALIDATION"/fixtures/*/; do
  name=$(basename "$fixture")
  kubectl kustomize "$fixture" >"$OUT/fixtures/$name.yaml" || die "fixture $name does not render"
  if validate --min-replicas 2 "$OUT/fixtures/$name.yaml" >"$OUT/fixtures/$name.out" 2>&1; then
    die "k8s validation accepted the broken fixture $name; it must not"
  fi
  while IFS= read -r expected; do
    grep -qF -- "$expected" "$OUT/fixtures/$name.out" \
      || { cat "$OUT/fixtures/$name.out"; die "fixture $name: expected the error: $expected"; }
  done <"$fixture/expected-error"
  log "broken fixture $name is rejected: $(grep -c '^ERROR' "$OUT/fixtures/$name.out") error(s), as expected"
done
log "k8s: all overlays valid; all broken fixtures rejected"
