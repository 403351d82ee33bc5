/**
 * Live dashboard tiles: subscriptions that send a dashboard query's current answer on
 * subscribe and again whenever it changes, with one shared, throttled evaluation per
 * tenant, caller scope, query and arguments on this api instance.
 */
package io.rollcall.api.dashboard.live;
