package io.rollcall.api.dashboard.activity;

/** GraphQL {@code Interval}: calendar buckets in UTC (weeks start on Monday). */
enum Interval {

	HOUR, DAY, WEEK

}
