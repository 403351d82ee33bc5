package io.rollcall.api.usage;

/** How many of a bucket's requests were answered with the error {@code code}. */
record UsageRefusal(String code, long count) {
}
