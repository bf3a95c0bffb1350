package io.physforge.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refresh-token rotation with reuse detection: presenting a refresh token a second time
 * means it was stolen, so its whole family is revoked, including the newer token.
 */
@ExtendWith(RunningSuite.class)
class RefreshReuseIT {

	private final Api api;

	RefreshReuseIT(Api api) {
		this.api = api;
	}

	@Test
	void reusedRefreshTokenRevokesItsFamily() {
		Api.Tokens first = this.api.newUser("reuse");
		Api.Response rotated = this.api.refresh(first.refreshToken());
		assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
		Api.Tokens second = Api.tokens(rotated);

		Api.Response reused = this.api.refresh(first.refreshToken());
		assertThat(reused.status()).as("reusing the rotated token: " + reused).isEqualTo(401);

		Api.Response newer = this.api.refresh(second.refreshToken());
		assertThat(newer.status()).as("the newer token of the revoked family: " + newer).isEqualTo(401);
	}

	@Test
	void otherSessionsOfTheUserSurviveAReuse() {
		String email = Api.uniqueEmail("sessions");
		String password = "Two-Sessions-7";
		assertThat(this.api.register(email, password).status()).isEqualTo(201);
		Api.Tokens laptop = this.api.login(email, password);
		Api.Tokens phone = this.api.login(email, password);
		this.api.refresh(laptop.refreshToken());
		assertThat(this.api.refresh(laptop.refreshToken()).status()).isEqualTo(401);
		assertThat(this.api.refresh(phone.refreshToken()).status()).as("another family").isEqualTo(200);
	}

}
