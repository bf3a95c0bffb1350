package io.physforge.platform.web.internal;

import java.util.List;
import java.util.TreeSet;

import io.physforge.platform.security.CurrentUser;
import io.physforge.platform.web.ServiceInfo;
import io.physforge.platform.web.ServiceProperties;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET {physforge.service.api-prefix}/info}: the service's name and version and the
 * caller as the token describes them. Protected, so that every service has an
 * authenticated endpoint reachable through the gateway.
 */
@RestController
public class InfoController {

	private final ServiceProperties service;

	private final String version;

	public InfoController(ServiceProperties service, String version) {
		this.service = service;
		this.version = version;
	}

	@GetMapping("${physforge.service.api-prefix}/info")
	public ServiceInfo info() {
		CurrentUser user = CurrentUser.get();
		return new ServiceInfo(this.service.name(), this.version, user.id(), user.email(),
				List.copyOf(new TreeSet<>(user.roles())));
	}

}
