package io.physforge.platform.web;

import java.util.List;

/**
 * Answer of {@code GET {api-prefix}/info}.
 *
 * @param service service name
 * @param version service version
 * @param subject the caller's user id (token subject)
 * @param email the caller's e-mail, may be {@code null}
 * @param roles the caller's roles
 */
public record ServiceInfo(String service, String version, String subject, String email, List<String> roles) {

}
