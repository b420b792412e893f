package kr.sotong;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries (no cycles, only published APIs used) and the generated module documentation. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(SotongApplication.class);

    @Test
    void verifiesModuleStructure() {
        MODULES.verify();
    }

    @Test
    void writesDocumentation() {
        new Documenter(MODULES, "target/spring-modulith-docs").writeDocumentation();
    }
}
