/** The Redis stream contract between the api (producer) and the indexer (consumer). */
package io.rollcall.schema.stream;
