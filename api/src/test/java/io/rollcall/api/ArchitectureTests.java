package io.rollcall.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Rules the compiler cannot enforce. */
@AnalyzeClasses(packages = "io.rollcall.api",
		importOptions = { ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class })
class ArchitectureTests {

	/** Tenant scoping holds only if every Elasticsearch request goes through search/. */
	@ArchTest
	static final ArchRule onlySearchTouchesElasticsearch = noClasses().that()
		.resideOutsideOfPackage("io.rollcall.api.search..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("co.elastic.clients..")
		.because("TenantScopedSearch is the one tenant-scoped door to Elasticsearch");

	/**
	 * Controllers map requests to services; the stream and Elasticsearch are reached
	 * through services.
	 */
	@ArchTest
	static final ArchRule onlyIngestRateLimitAndSubscriptionTouchRedis = noClasses().that()
		.resideOutsideOfPackages("io.rollcall.api.ingest..", "io.rollcall.api.ratelimit..",
				"io.rollcall.api.subscription..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.lettuce..", "io.github.bucket4j..")
		.because("writes reach Redis only through the ingest service, rate-limit buckets only through ratelimit/, "
				+ "change notices only through the subscription feed");

}
