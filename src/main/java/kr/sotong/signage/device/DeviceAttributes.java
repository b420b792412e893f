package kr.sotong.signage.device;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import kr.sotong.shared.DomainException;

/**
 * What staff say about a device: its name, kind, where it hangs (building, place, 동), how it is
 * mounted (orientation, resolution), groups and tags for targeting, and a note. Validated on creation.
 */
public record DeviceAttributes(String name, DeviceKind kind, String building, String place, String dong,
                               Orientation orientation, int width, int height, Set<String> groups, Set<String> tags,
                               String note) {

    /** Group and tag names: letters (Korean too), digits, space, - _ . / — at most 40 characters. */
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N} _./-]{1,40}");

    public DeviceAttributes {
        name = trim(name);
        if (name.isEmpty()) {
            throw new DomainException("signage.device.name-required", "기기 이름을 입력하세요.");
        }
        if (name.length() > 200) {
            throw new DomainException("signage.device.name-too-long", "기기 이름은 200자 이내로 입력하세요.");
        }
        if (kind == null) {
            throw new DomainException("signage.device.kind-required", "기기 종류를 고르세요.");
        }
        if (orientation == null) {
            throw new DomainException("signage.device.orientation-required", "화면 방향을 고르세요.");
        }
        if (width < 64 || height < 64 || width > 16384 || height > 16384) {
            throw new DomainException("signage.device.bad-resolution",
                    "해상도는 가로·세로 64~16384 픽셀로 입력하세요: " + width + "×" + height);
        }
        building = limit(trim(building), 200, "건물");
        place = limit(trim(place), 200, "설치 위치");
        dong = limit(trim(dong), 40, "동");
        note = trim(note);
        groups = labels(groups, "그룹");
        tags = labels(tags, "태그");
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    private static String limit(String s, int max, String what) {
        if (s.length() > max) {
            throw new DomainException("signage.device.too-long", what + "은(는) " + max + "자 이내로 입력하세요.");
        }
        return s;
    }

    private static Set<String> labels(Set<String> in, String what) {
        Set<String> out = new LinkedHashSet<>();
        if (in != null) {
            for (String raw : in) {
                String s = trim(raw);
                if (s.isEmpty()) {
                    continue;
                }
                if (!LABEL.matcher(s).matches()) {
                    throw new DomainException("signage.device.bad-label",
                            what + " 이름에는 글자, 숫자, 공백, - _ . / 만 쓸 수 있고 40자 이내여야 합니다: " + s);
                }
                out.add(s);
            }
        }
        if (out.size() > 30) {
            throw new DomainException("signage.device.too-many-labels", what + "은(는) 30개까지 붙일 수 있습니다.");
        }
        return Set.copyOf(out);
    }

    /** Splits "가산동, 지식산업센터" into labels. */
    public static Set<String> split(String commaSeparated) {
        Set<String> out = new LinkedHashSet<>();
        if (commaSeparated != null) {
            for (String s : commaSeparated.split("[,，\\n]")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }
}
