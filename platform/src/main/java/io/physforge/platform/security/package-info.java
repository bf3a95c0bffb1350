/**
 * JWT resource server shared by every service: RS256 access tokens checked against
 * auth-service's JWKS, issuer and audience, the {@code roles} claim mapped to
 * {@code ROLE_<ROLE>} authorities, 401/403 answered as problem details, method security
 * on. Only health, the OpenAPI document and the paths listed in
 * {@code physforge.security.public-paths} are open. Switch off with
 * {@code physforge.security.enabled=false}.
 * <p>
 * Controllers read the caller with
 * {@link io.physforge.platform.security.CurrentUser#get()}.
 */
package io.physforge.platform.security;
