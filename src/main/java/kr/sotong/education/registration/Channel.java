package kr.sotong.education.registration;

/** How a registration came in: the resident online, staff taking a phone call or a walk-in, an integration. */
public enum Channel {
    ONLINE("온라인"),
    PHONE("전화 접수"),
    WALK_IN("방문 접수"),
    API("연동");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean staffAssisted() {
        return this != ONLINE;
    }

    public static Channel parseStaff(String value) {
        if (value == null || value.isBlank()) {
            return PHONE;
        }
        return switch (value.strip()) {
            case "PHONE" -> PHONE;
            case "WALK_IN" -> WALK_IN;
            case "API" -> API;
            default -> throw new kr.sotong.shared.DomainException("edu.channel.invalid", "접수 방법이 올바르지 않습니다: " + value, value);
        };
    }
}
