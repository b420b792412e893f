package kr.sotong.contests.core;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small text encodings for the check details ("key: value" lines) and warnings (lines). */
final class Texts {

    private Texts() {
    }

    static String mapToText(Map<String, String> map) {
        StringBuilder sb = new StringBuilder();
        map.forEach((k, v) -> sb.append(k.replace(":", " ").replaceAll("\\R", " ")).append(": ")
                .append(v == null ? "" : v.replaceAll("\\R", " ")).append('\n'));
        return sb.toString();
    }

    static Map<String, String> textToMap(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : lines(text)) {
            int c = line.indexOf(": ");
            if (c > 0) {
                m.put(line.substring(0, c), line.substring(c + 2));
            }
        }
        return m;
    }

    static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R")).filter(s -> !s.isBlank()).toList();
    }
}
