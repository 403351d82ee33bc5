/** GraphQL wiring shared by every feature: the custom scalars of the schema. */
package io.rollcall.api.graphql;
