package io.physforge.platform.audit.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resource type {@code access.denied} records for a path.
 */
class AccessDeniedAuditTests {

	@Test
	void resourceTypeIsTheSingularNounAfterTheApiArea() {
		assertThat(AccessDeniedAudit.resourceType("/api/data/datasets/42/download")).isEqualTo("dataset");
		assertThat(AccessDeniedAudit.resourceType("/api/auth/users")).isEqualTo("user");
		assertThat(AccessDeniedAudit.resourceType("/api/auth/api-keys/7")).isEqualTo("api-key");
		assertThat(AccessDeniedAudit.resourceType("/api/derivatives/feature-sets")).isEqualTo("feature-set");
		assertThat(AccessDeniedAudit.resourceType("/api/pinn/jobs/1")).isEqualTo("pinn-job");
		assertThat(AccessDeniedAudit.resourceType("/api/discovery/runs")).isEqualTo("discovery-run");
		assertThat(AccessDeniedAudit.resourceType("/api/reports")).isEqualTo("reports");
		assertThat(AccessDeniedAudit.resourceType("/")).isEqualTo("api");
	}

}
