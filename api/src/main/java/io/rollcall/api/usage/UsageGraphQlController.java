package io.rollcall.api.usage;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Maps {@code usage} and {@code tenantUsage} to {@link UsageService}. */
@Controller
record UsageGraphQlController(UsageService usage) {

	@QueryMapping
	List<UsageBucket> usage(@Argument UsageRange range, @Argument UsageGrouping groupBy) {
		return usage.clientUsage(range, groupBy).buckets();
	}

	@QueryMapping
	List<UsageBucket> tenantUsage(@Argument UsageRange range, @Argument UsageGrouping groupBy) {
		return usage.tenantUsage(range, groupBy).buckets();
	}

}
