/**
 * The program catalog as dashboards read it: the {@code program} query, and the entry the
 * compliance report and the program summary start from.
 */
package io.rollcall.api.dashboard.catalog;
