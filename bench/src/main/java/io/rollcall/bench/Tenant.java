package io.rollcall.bench;

/**
 * A tenant of the dev issuer and the client whose token writes and reads it: the tenant
 * comes from the token, never from the payload.
 */
enum Tenant {

	/** The big tenant: the 2M-event target of issue #4. */
	DEMO("demo", "demo-admin", "demo-admin-secret"),

	/** The small second tenant; its data shares the shard and must never leak. */
	OTHER("other", "other-admin", "other-admin-secret");

	private final String id;

	private final String clientId;

	private final String secret;

	Tenant(String id, String clientId, String secret) {
		this.id = id;
		this.clientId = clientId;
		this.secret = secret;
	}

	String id() {
		return this.id;
	}

	String clientId() {
		return this.clientId;
	}

	String secret() {
		return this.secret;
	}

}
