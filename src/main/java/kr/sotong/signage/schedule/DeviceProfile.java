package kr.sotong.signage.schedule;

import java.util.Set;
import kr.sotong.signage.device.DeviceKind;

/** What the resolver needs to know about a device: who it is and what it may be targeted by. */
public record DeviceProfile(long id, String code, DeviceKind kind, Set<String> groups, Set<String> tags) {

    public DeviceProfile {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
