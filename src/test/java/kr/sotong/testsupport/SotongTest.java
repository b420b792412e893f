package kr.sotong.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one integration-test setup: the whole application on the JVM's embedded PostgreSQL, a random
 * port, MockMvc, GreenMail and a {@link MutableClock}. Every test class that uses exactly this
 * annotation shares one cached Spring context — do not add properties or mock beans per class.
 * Isolate data with unique keys; reset the clock after tests that move it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
public @interface SotongTest {
}
