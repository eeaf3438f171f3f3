package org.opengovdata.k8s.validation;

import java.util.List;
import java.util.function.Consumer;

/** A rule over a whole rendered overlay that fails the build when broken. */
interface Policy {

  void check(List<Manifest> overlay, Consumer<Violation> violations);
}
