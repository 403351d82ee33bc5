/**
 * Contacts on dashboards: the {@code contact} query and the batched {@code contact} join
 * of rows listed by other features.
 */
package io.rollcall.api.dashboard.contact;
