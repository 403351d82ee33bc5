/**
 * What the indexer tells others once a batch is visible: applied notices, change notices,
 * the generation counter.
 */
package io.rollcall.indexer.notice;
