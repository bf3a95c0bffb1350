package io.physforge.platform.stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Reports every stream consumer in {@code /actuator/health} (as {@code streamConsumers});
 * only where Spring Boot Actuator is on the class path.
 */
@AutoConfiguration
@ConditionalOnClass(CompositeHealthContributor.class)
public class StreamHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "streamConsumersHealthContributor")
	CompositeHealthContributor streamConsumersHealthContributor(ObjectProvider<StreamConsumer> consumers,
			ObjectProvider<ConsumesStream> owners) {
		return new StreamConsumersHealthContributor(consumers, owners);
	}

}
