package io.rollcall.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.rollcall.api.search.TenantScopedSearch;
import org.springframework.stereotype.Controller;

/** Rules the compiler cannot enforce. */
@AnalyzeClasses(packages = "io.rollcall.api",
		importOptions = { ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class })
class ArchitectureTests {

	/**
	 * Tenant scoping holds only if every Elasticsearch request goes through the door:
	 * anything else that held a client (or a transport) could send a search without the
	 * tenant's routing and filter.
	 */
	@ArchTest
	static final ArchRule onlyTheDoorSendsRequests = noClasses().that()
		.doNotHaveFullyQualifiedName(TenantScopedSearch.class.getName())
		.should()
		.dependOnClassesThat()
		.haveNameMatching("co\\.elastic\\.clients\\..*Client")
		.orShould()
		.dependOnClassesThat()
		.resideInAPackage("co.elastic.clients.transport..")
		.because("TenantScopedSearch is the one tenant-scoped door to Elasticsearch (the platform module, "
				+ "outside the api, only builds the client)");

	/** Dashboard features build and read searches; nothing else touches Elasticsearch. */
	@ArchTest
	static final ArchRule elasticsearchStaysInSearchAndDashboards = noClasses().that()
		.resideOutsideOfPackages("io.rollcall.api.search..", "io.rollcall.api.dashboard..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("co.elastic.clients..")
		.because("reads go through search/ and the dashboard features' query classes");

	/** Controllers map GraphQL fields to services; queries are built behind services. */
	@ArchTest
	static final ArchRule controllersOnlyMap = noClasses().that()
		.areAnnotatedWith(Controller.class)
		.should()
		.dependOnClassesThat()
		.resideInAPackage("co.elastic.clients..")
		.because("controllers only map; services and their query classes read Elasticsearch");

	/**
	 * Controllers map requests to services; the stream and Elasticsearch are reached
	 * through services.
	 */
	@ArchTest
	static final ArchRule onlyIngestRateLimitChangesUsageAndPersistedDocumentsTouchRedis = noClasses().that()
		.resideOutsideOfPackages("io.rollcall.api.ingest..", "io.rollcall.api.ratelimit..", "io.rollcall.api.changes..",
				"io.rollcall.api.usage..", "io.rollcall.api.persisted..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.lettuce..", "io.github.bucket4j..")
		.because("writes reach Redis only through the ingest service, rate-limit buckets only through ratelimit/, "
				+ "the change log and its notices only through changes/, usage counters only through usage/, "
				+ "persisted queries only through persisted/");

	/** Packages of the api depend on each other one way only. */
	@ArchTest
	static final ArchRule noCyclesBetweenPackages = slices().matching("io.rollcall.api.(*)..")
		.should()
		.beFreeOfCycles();

	/** Dashboard features depend on each other one way only. */
	@ArchTest
	static final ArchRule noCyclesBetweenDashboardFeatures = slices().matching("io.rollcall.api.dashboard.(*)..")
		.should()
		.beFreeOfCycles();

	/**
	 * What dashboard features share knows none of them, so sharing cannot close a cycle
	 * the rule above, which sees features only, would miss.
	 */
	@ArchTest
	static final ArchRule dashboardSharedKnowsNoFeature = noClasses().that()
		.resideInAPackage("io.rollcall.api.dashboard")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.rollcall.api.dashboard.*..");

}
