/**
 * What a GraphQL request may ask for: request size and batching, parser limits, depth,
 * aliases, root fields and fragment cycles, and its price in cost units from the SDL's
 * {@code @cost}/{@code @listSize} directives, all checked before it runs.
 */
package io.rollcall.api.cost;
