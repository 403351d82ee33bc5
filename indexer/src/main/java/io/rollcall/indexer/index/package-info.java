/**
 * Start-up: puts the index templates from {@code schema/} and creates the indices they
 * shape.
 */
package io.rollcall.indexer.index;
