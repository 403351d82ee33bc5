/**
 * What the indexer tells others once a batch is visible: applied notices, change notices,
 * the generation counters (the tenant's, and the api cache's per program and view).
 */
package io.rollcall.indexer.notice;
