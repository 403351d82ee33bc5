package io.rollcall.schema.stream;

/**
 * Published on {@link IngestKeys#appliedChannel()} once the entry carrying {@code ticket}
 * is applied and searchable ({@code applied = true}), or when it could not be applied
 * ({@code applied = false}, with a reason that is safe to show to the client).
 */
public record AppliedNotice(String ticket, boolean applied, int items, String reason) {
}
