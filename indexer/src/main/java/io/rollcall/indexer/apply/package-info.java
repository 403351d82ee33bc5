/**
 * Applies a batch of stream entries: decodes them, cuts the batch at removals, writes
 * contacts, programs and events, makes them searchable, recomputes rollups, announces
 * what became visible, and says which entries may be acknowledged. It orchestrates the
 * feature packages ({@code events}, {@code removal}, {@code progress}, {@code notice},
 * {@code deadletter}) over {@code bulk} and {@code retry}; only {@code stream} imports
 * it.
 */
package io.rollcall.indexer.apply;
