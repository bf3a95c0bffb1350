package io.physforge.auth.session;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Tokens handed to a client.
 *
 * @param accessToken RS256 JWT for {@code Authorization: Bearer}
 * @param refreshToken opaque refresh token; absent for API-key exchanges
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until the access token expires
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {

	/**
	 * @param accessToken access token
	 * @param refreshToken refresh token or {@code null}
	 * @param expiresIn access token lifetime in seconds
	 * @return a bearer token response
	 */
	public static TokenResponse bearer(String accessToken, String refreshToken, long expiresIn) {
		return new TokenResponse(accessToken, refreshToken, "Bearer", expiresIn);
	}

}
