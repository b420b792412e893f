package kr.sotong.platform.db;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With no database settings ({@code SOTONG_DB_URL} / {@code spring.datasource.url} empty), starts the
 * embedded PostgreSQL whose data lives in {@code ${sotong.home}/pg} and points the data source at it.
 */
public class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "sotongEmbeddedDatabase";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String url = env.getProperty("spring.datasource.url");
        if (url != null && !url.isBlank()) {
            return;
        }
        if (!env.getProperty("sotong.db.embedded.enabled", Boolean.class, true)) {
            return;
        }
        Path home = Path.of(env.getProperty("sotong.home", "./sotong-data"));
        boolean clean = env.getProperty("sotong.db.embedded.clean", Boolean.class, false);
        boolean fast = env.getProperty("sotong.db.embedded.fast", Boolean.class, false);
        EmbeddedDatabase db = EmbeddedDatabase.startOnce(home.resolve("pg"), clean, fast);
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", db.jdbcUrl());
        props.put("spring.datasource.username", "postgres");
        props.put("spring.datasource.password", "");
        props.put("sotong.db.embedded.port", db.port());
        env.getPropertySources().addFirst(new MapPropertySource(SOURCE, props));
        // the server starts in the background: every data source waits for it before its first use
        application.addInitializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof javax.sql.DataSource) {
                    db.awaitReady();
                }
                return bean;
            }
        }));
        if (env.getProperty("sotong.db.embedded.stop-on-close", Boolean.class, true)) {
            // stop PostgreSQL only after the data source (and everything using it) has been destroyed
            application.addInitializers(ctx -> ctx.addBeanFactoryPostProcessor(bf -> {
                if (bf instanceof DefaultListableBeanFactory registry) {
                    registry.registerDisposableBean("sotongEmbeddedDatabaseStopper", db::stop);
                    registry.registerSingleton("sotongEmbeddedDatabaseStopper", db);
                    for (String name : registry.getBeanNamesForType(javax.sql.DataSource.class, true, false)) {
                        registry.registerDependentBean("sotongEmbeddedDatabaseStopper", name);
                    }
                }
            }));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
