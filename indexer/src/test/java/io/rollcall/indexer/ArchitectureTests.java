package io.rollcall.indexer;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Rules the compiler cannot enforce. */
@AnalyzeClasses(packages = "io.rollcall.indexer",
		importOptions = { ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class })
class ArchitectureTests {

	/**
	 * The packages form layers (see docs/ARCHITECTURE.md): {@code retry} and {@code bulk}
	 * at the bottom, the features on them, {@code apply} orchestrating the features and
	 * {@code stream} on top. A cycle would mean a feature reaching up into what uses it.
	 */
	@ArchTest
	static final ArchRule packagesAreFreeOfCycles = slices().matching("io.rollcall.indexer.(*)..")
		.should()
		.beFreeOfCycles();

}
