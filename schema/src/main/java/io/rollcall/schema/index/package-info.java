/** Elasticsearch index names and the index templates that shape them. */
package io.rollcall.schema.index;
