package kr.sotong.signage.device;

/** Filter for device lists (staff pages and API). */
public record DeviceFilter(DeviceKind kind, String group, String tag, String query, boolean includeRetired, int offset,
                           int limit) {

    public static DeviceFilter all() {
        return new DeviceFilter(null, null, null, null, false, 0, 5000);
    }
}
