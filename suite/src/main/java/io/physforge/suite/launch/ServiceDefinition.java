package io.physforge.suite.launch;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One runnable application of the suite.
 *
 * @param module the Maven module (and jar) name, for example
 * {@code pde-discovery-service}
 * @param apiName the path segment it serves under {@code /api/}, for example
 * {@code discovery}; {@code null} for the gateway
 * @param defaultPort its port unless {@code PF_<NAME>_PORT} says otherwise
 */
public record ServiceDefinition(String module, String apiName, int defaultPort) {

	private static final ServiceDefinition GATEWAY = new ServiceDefinition("gateway", null, 8080);

	private static final List<ServiceDefinition> SERVICES = List.of(new ServiceDefinition("auth-service", "auth", 8081),
			new ServiceDefinition("data-service", "data", 8082),
			new ServiceDefinition("orchestration-service", "orchestration", 8083),
			new ServiceDefinition("pinn-training-service", "pinn", 8084),
			new ServiceDefinition("derivative-service", "derivatives", 8085),
			new ServiceDefinition("pde-discovery-service", "discovery", 8086),
			new ServiceDefinition("active-experiment-service", "experiments", 8087),
			new ServiceDefinition("reporting-service", "reports", 8088),
			new ServiceDefinition("audit-service", "audit", 8089));

	public ServiceDefinition {
		Objects.requireNonNull(module, "module");
	}

	/**
	 * The services behind the gateway, auth-service first.
	 * @return every service
	 */
	public static List<ServiceDefinition> services() {
		return SERVICES;
	}

	/**
	 * The gateway.
	 * @return the gateway's definition
	 */
	public static ServiceDefinition gateway() {
		return GATEWAY;
	}

	/**
	 * Finds a service by module name ({@code data-service}) or API name ({@code data}).
	 * @param name the name
	 * @return the service
	 * @throws IllegalArgumentException naming the known services if there is none
	 */
	public static ServiceDefinition byName(String name) {
		for (ServiceDefinition service : SERVICES) {
			if (service.module().equals(name) || service.apiName().equals(name)) {
				return service;
			}
		}
		throw new IllegalArgumentException("Unknown service '" + name + "'. Known: "
				+ SERVICES.stream().map(ServiceDefinition::apiName).toList() + " (or their module names)");
	}

	/**
	 * The environment variable prefix, {@code PF_PDE_DISCOVERY} for
	 * {@code pde-discovery-service}.
	 * @return the prefix
	 */
	public String environmentPrefix() {
		String base = this.module.endsWith("-service")
				? this.module.substring(0, this.module.length() - "-service".length()) : this.module;
		return "PF_" + base.toUpperCase(Locale.ROOT).replace('-', '_');
	}

	/**
	 * The variable that sets its port, {@code PF_DATA_PORT}.
	 * @return the variable name
	 */
	public String portVariable() {
		return environmentPrefix() + "_PORT";
	}

	/**
	 * The variable that tells the gateway (and other services) where it is,
	 * {@code PF_DATA_URI}.
	 * @return the variable name
	 */
	public String uriVariable() {
		return environmentPrefix() + "_URI";
	}

}
