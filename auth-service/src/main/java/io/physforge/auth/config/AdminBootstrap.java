package io.physforge.auth.config;

import java.util.List;

import io.physforge.auth.user.UserRepository;
import io.physforge.auth.user.UserService;
import io.physforge.platform.problem.ProblemException;
import io.physforge.platform.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator from {@code PF_ADMIN_EMAIL} and
 * {@code PF_ADMIN_PASSWORD} when no user has that e-mail yet. An existing user is left as
 * it is (its password is not reset).
 */
@Component
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final AuthProperties properties;

	private final UserRepository users;

	private final UserService service;

	AdminBootstrap(AuthProperties properties, UserRepository users, UserService service) {
		this.properties = properties;
		this.users = users;
		this.service = service;
	}

	@Override
	public void run(ApplicationArguments args) {
		AuthProperties.Admin admin = this.properties.admin();
		if (admin == null || admin.email() == null || admin.email().isBlank()) {
			log.info("No PF_ADMIN_EMAIL set: no administrator is created on start.");
			return;
		}
		if (admin.password() == null || admin.password().length() < 8) {
			throw new IllegalStateException("PF_ADMIN_PASSWORD must be set and at least 8 characters long "
					+ "to create the administrator " + admin.email() + ".");
		}
		if (this.users.findByEmail(admin.email()).isPresent()) {
			return;
		}
		try {
			this.service.createBySystem(admin.email(), admin.password(), "Administrator", List.of(Roles.ADMIN));
			log.info("Created the administrator {}", admin.email());
		}
		catch (ProblemException ex) {
			// created concurrently by another instance
		}
	}

}
