package org.opengovdata.archive;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import org.opengovdata.common.testsupport.PlatformArchitectureTest;

/** The platform's layout rules, applied to the archive (generated API code included). */
@AnalyzeClasses(packages = "org.opengovdata.archive", importOptions = DoNotIncludeTests.class)
class ArchitectureTest extends PlatformArchitectureTest {}
