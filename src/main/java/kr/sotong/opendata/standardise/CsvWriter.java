package kr.sotong.opendata.standardise;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** RFC 4180 CSV output: a cell is quoted when it holds the delimiter, a quote, a line end or edge spaces. */
public final class CsvWriter {

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String c = cells.get(i) == null ? "" : cells.get(i);
            if (needsQuotes(c)) {
                out.write('"');
                out.write(c.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(c);
            }
        }
        out.write("\r\n");
    }

    static boolean needsQuotes(String c) {
        if (c.isEmpty()) {
            return false;
        }
        if (c.charAt(0) == ' ' || c.charAt(c.length() - 1) == ' ') {
            return true;
        }
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') {
                return true;
            }
        }
        return false;
    }
}
