/**
 * The local run command: real services from devstack plus the indexer and the api, in one
 * process.
 */
package io.rollcall.stack;
