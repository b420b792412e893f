package kr.sotong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "Sotong", sharedModules = "shared")
public class SotongApplication {

    public static void main(String[] args) {
        SpringApplication.run(SotongApplication.class, args);
    }
}
