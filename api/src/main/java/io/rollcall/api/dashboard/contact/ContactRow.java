package io.rollcall.api.search;

/** An active contact, as stored (hiredAt as an ISO date). */
public record ContactRow(String contactId, String name, String email, String teamId, String managerId, String hiredAt) {
}
