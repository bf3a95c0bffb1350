package io.physforge.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import io.physforge.suite.launch.Suite;
import io.physforge.suite.launch.SuiteSettings;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the whole suite once for all e2e test classes of a run (on free ports, on a
 * freshly created database {@code physforge_e2e}, its own Redis process that a test may
 * kill, logs in {@code target/e2e-logs}) and stops it when the run ends. Test classes get
 * an {@link Api} client through a constructor or method parameter, and the run's
 * {@link KillableRedis} the same way.
 */
public final class RunningSuite implements BeforeAllCallback, ParameterResolver {

	static final String ADMIN_EMAIL = "e2e-admin@physforge.local";

	static final String ADMIN_PASSWORD = "e2e-admin-Password-1";

	/**
	 * The key auth-service signs with in this run, so tests can craft validly signed bad
	 * tokens.
	 */
	static final RSAKey SIGNING_KEY = newKey("e2e-signing-key");

	private static final Namespace NAMESPACE = Namespace.create(RunningSuite.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		suite(context);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Api.class
				|| parameter.getParameter().getType() == KillableRedis.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		if (parameter.getParameter().getType() == KillableRedis.class) {
			return suite(context).redis();
		}
		return new Api(suite(context).suite());
	}

	private static Holder suite(ExtensionContext context) {
		return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Holder.class, (key) -> start(), Holder.class);
	}

	private static Holder start() {
		KillableRedis redis = KillableRedis.start(Path.of("target", "e2e-redis").toAbsolutePath());
		Map<String, String> environment = new HashMap<>(System.getenv());
		environment.put("PF_REDIS_URL", redis.url());
		SuiteSettings settings = SuiteSettings.builder()
			.environment(environment)
			.freePorts(true)
			.database("physforge_e2e", true)
			.logDirectory(Path.of("target", "e2e-logs").toAbsolutePath())
			.startupTimeout(Duration.ofMinutes(6))
			.extraEnvironment("PF_ADMIN_EMAIL", ADMIN_EMAIL)
			.extraEnvironment("PF_ADMIN_PASSWORD", ADMIN_PASSWORD)
			.extraEnvironment("PF_JWT_PRIVATE_KEY", pem(SIGNING_KEY))
			.extraEnvironment("PF_JWT_KEY_ID", SIGNING_KEY.getKeyID())
			.extraEnvironment("PF_AUTH_RATE_LIMIT_PER_SECOND", "50")
			.extraEnvironment("PF_AUTH_RATE_LIMIT_BURST", "200")
			// a job whose worker was killed is re-claimed after this lease
			.extraEnvironment("PHYSFORGE_QUEUE_LEASE", "6s")
			// AuditIT exports what a signed checkpoint covers
			.extraEnvironment("PF_AUDIT_CHECKPOINT_INTERVAL", "2s")
			.build();
		Suite suite;
		try {
			suite = Suite.start(settings);
		}
		catch (RuntimeException ex) {
			redis.close();
			throw ex;
		}
		System.out.printf("e2e: suite started in %.1f s%n", suite.startupSeconds());
		suite.describe().forEach(System.out::println);
		return new Holder(suite, redis);
	}

	static RSAKey newKey(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String pem(RSAKey key) {
		try {
			String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
				.encodeToString(key.toRSAPrivateKey().getEncoded());
			return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Closes the suite when the test run's root context closes. */
	record Holder(Suite suite, KillableRedis redis) implements ExtensionContext.Store.CloseableResource {

		@Override
		public void close() {
			long start = System.nanoTime();
			this.suite.close();
			this.redis.close();
			System.out.printf("e2e: suite stopped in %.1f s%n", (System.nanoTime() - start) / 1e9);
		}

	}

}
