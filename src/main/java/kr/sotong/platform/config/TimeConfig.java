package kr.sotong.platform.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link Clock} every module injects (Asia/Seoul); tests replace it with a mutable clock. */
@Configuration(proxyBeanMethods = false)
class TimeConfig {

    @Bean
    Clock clock(PlatformProperties properties) {
        return Clock.system(properties.zone());
    }
}
