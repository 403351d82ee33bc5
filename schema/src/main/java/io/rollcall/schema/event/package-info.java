/**
 * Interaction events: the wire contract, its validation rules and its document fields.
 */
package io.rollcall.schema.event;
