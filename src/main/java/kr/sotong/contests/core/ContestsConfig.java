package kr.sotong.contests.core;

import kr.sotong.contests.media.ExternalTools;
import kr.sotong.contests.media.MediaInspector;
import kr.sotong.contests.media.PublicCopies;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ContestsProperties.class)
class ContestsConfig {

    @Bean
    ExternalTools contestsExternalTools(ContestsProperties p) {
        return new ExternalTools(p.ffprobe(), p.ffmpeg(), p.toolTimeout());
    }

    @Bean
    MediaInspector contestsMediaInspector(ExternalTools tools, ContestsProperties p) {
        return new MediaInspector(tools, p.maxImagePixels(), p.maxImageSide(), p.publicImageSide());
    }

    @Bean
    PublicCopies contestsPublicCopies(ExternalTools tools) {
        return new PublicCopies(tools);
    }
}
