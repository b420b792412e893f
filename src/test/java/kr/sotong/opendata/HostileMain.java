package kr.sotong.opendata;

import java.nio.file.Path;
import kr.sotong.opendata.validation.ValidationReport;
import kr.sotong.opendata.validation.Validator;

/** Run by {@link HostileInputTest} in a JVM with a small heap: validates each file and prints its errors. */
public final class HostileMain {

    private HostileMain() {
    }

    public static void main(String[] args) {
        for (String a : args) {
            Path f = Path.of(a);
            ValidationReport r = new Validator().validate(f, f.getFileName().toString(), Validator.Options.defaults());
            System.out.println(f.getFileName() + " rows=" + r.rows());
            r.errors().forEach(e -> System.out.println(f.getFileName() + ": " + (e.rowNumber() == null ? "None" : e.rowNumber())
                    + "," + (e.fieldNumber() == null ? "None" : e.fieldNumber()) + "," + e.type() + " " + e.message()));
        }
    }
}
