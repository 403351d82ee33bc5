package io.rollcall.api.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the dashboards search. Where Elasticsearch is and how to reach it is the shared
 * {@code rollcall.elasticsearch.*} binding of the platform module.
 *
 * @param maxLessons the most lessons of one program a summary reports (terms aggregation
 * size)
 */
@Validated
@ConfigurationProperties("rollcall.search")
record SearchProperties(@DefaultValue("1000") int maxLessons) {
}
