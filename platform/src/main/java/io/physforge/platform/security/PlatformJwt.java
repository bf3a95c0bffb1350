package io.physforge.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * The token rules every PhysForge service applies, in one place so that auth-service
 * (which checks tokens against its own key store) and the other services (which fetch the
 * JWKS) accept exactly the same tokens: RS256 only, issuer, audience, {@code exp} and
 * {@code sub} required, {@code exp}/{@code nbf} with the configured clock skew.
 */
public final class PlatformJwt {

	private PlatformJwt() {
	}

	/**
	 * The validators for issuer, audience, timestamps and required claims.
	 * @param properties security settings
	 * @return the combined validator
	 */
	public static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new JwtTimestampValidator(properties.clockSkew()));
		validators.add(new JwtIssuerValidator(properties.issuer()));
		validators.add(new JwtAudienceValidator(properties.audience()));
		validators.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull));
		validators.add(new JwtClaimValidator<Object>(JwtClaimNames.SUB, Objects::nonNull));
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

	/**
	 * {@link #validator(SecurityProperties)} and, after it, the revocation check.
	 * @param properties security settings
	 * @param revocations revoked users' tokens
	 * @return the combined validator
	 */
	public static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties, TokenRevocations revocations) {
		return new DelegatingOAuth2TokenValidator<>(validator(properties), revocations.validator());
	}

	/**
	 * A decoder that checks RS256 signatures against the keys of a JWK source (for
	 * auth-service's in-process key store) and applies {@link #validator}.
	 * @param keys the verification keys
	 * @param properties security settings
	 * @param revocations revoked users' tokens
	 * @return the decoder
	 */
	public static NimbusJwtDecoder decoder(JWKSource<SecurityContext> keys, SecurityProperties properties,
			TokenRevocations revocations) {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
		processor.setJWTClaimsSetVerifier((claims, context) -> {
			// timestamps, issuer and audience are checked by the Spring validators
		});
		NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
		decoder.setJwtValidator(validator(properties, revocations));
		return decoder;
	}

	/**
	 * Maps the {@code roles} claim to {@code ROLE_<ROLE>} authorities and uses the
	 * subject as principal name.
	 * @return the converter
	 */
	public static Converter<Jwt, AbstractAuthenticationToken> authenticationConverter() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(PlatformJwt::authorities);
		converter.setPrincipalClaimName(JwtClaimNames.SUB);
		return converter;
	}

	private static List<GrantedAuthority> authorities(Jwt jwt) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (String role : CurrentUser.rolesOf(jwt)) {
			authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
		}
		return authorities;
	}

}
