/**
 * Decoding and validating JSON and NDJSON batches, with errors that name the item and
 * field.
 */
package io.rollcall.schema.json;
