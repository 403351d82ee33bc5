package io.rollcall.api.security;

import java.util.List;

/**
 * Who is calling, taken from the validated token only (never from request arguments): the
 * tenant whose data every query and write is scoped to, the OAuth2 client, and the
 * optional role and teams of a manager.
 *
 * @param tenantId the {@code tenant_id} claim (required: tokens without it are rejected)
 * @param clientId the {@code client_id} claim, else the subject
 * @param role the {@code role} claim, {@code null} when absent
 * @param teamIds the {@code team_ids} claim, empty when absent
 */
public record Caller(String tenantId, String clientId, String role, List<String> teamIds) {

	public Caller {
		teamIds = teamIds == null ? List.of() : List.copyOf(teamIds);
	}
}
