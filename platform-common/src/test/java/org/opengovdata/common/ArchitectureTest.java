package org.opengovdata.common;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import org.opengovdata.common.testsupport.PlatformArchitectureTest;

/** platform-common keeps the rules it ships (including: it imports no service). */
@AnalyzeClasses(
    packages = "org.opengovdata.common",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest extends PlatformArchitectureTest {}
