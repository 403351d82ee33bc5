/** The {@code activity} query: events per UTC calendar bucket and type. */
package io.rollcall.api.dashboard.activity;
