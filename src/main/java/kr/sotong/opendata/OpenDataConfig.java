package kr.sotong.opendata;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Module settings and the small pool that runs long validations in the background. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpenDataProperties.class)
class OpenDataConfig {

    @Bean(name = "opendataExecutor", destroyMethod = "shutdown")
    ThreadPoolTaskExecutor opendataExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("opendata-");
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(50);
        executor.setDaemon(true);
        executor.initialize();
        return executor;
    }
}
