package kr.sotong.press.web;

import java.util.ArrayList;
import java.util.List;

/** The body's □ / ㅇ / - / ※ hierarchy as styled lines (rendered with th:text, so always escaped). */
record BodyLines(String level, String text) {

    static List<BodyLines> of(String body) {
        List<BodyLines> out = new ArrayList<>();
        if (body == null) {
            return out;
        }
        for (String raw : body.split("\\R")) {
            String s = raw.strip();
            if (s.isEmpty()) {
                continue;
            }
            String level = s.startsWith("□") || s.startsWith("■") ? "l1"
                    : s.startsWith("ㅇ") || s.startsWith("○") || s.startsWith("◦") ? "l2"
                    : s.startsWith("-") ? "l3" : s.startsWith("※") ? "note" : "l0";
            out.add(new BodyLines(level, s));
        }
        return out;
    }
}
