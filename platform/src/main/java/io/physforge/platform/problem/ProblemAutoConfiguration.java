package io.physforge.platform.problem;

import io.physforge.platform.audit.AuditRecorder;
import io.physforge.platform.problem.internal.ProblemExceptionHandler;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;

/**
 * Registers the problem-details exception advice in servlet services; off with
 * {@code physforge.problems.enabled=false}.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "physforge.problems", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ProblemAutoConfiguration {

	@Bean
	ProblemExceptionHandler physforgeProblemExceptionHandler(ObjectProvider<AuditRecorder> audit) {
		return new ProblemExceptionHandler(audit::getIfAvailable);
	}

}
