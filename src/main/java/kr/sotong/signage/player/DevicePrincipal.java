package kr.sotong.signage.player;

import java.util.List;
import kr.sotong.signage.config.SignageAccess;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated player: the device its token belongs to. */
public final class DevicePrincipal extends AbstractAuthenticationToken {

    private final long deviceId;
    private final String code;

    DevicePrincipal(long deviceId, String code) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + SignageAccess.DEVICE_ROLE)));
        this.deviceId = deviceId;
        this.code = code;
        setAuthenticated(true);
    }

    public long deviceId() {
        return deviceId;
    }

    public String code() {
        return code;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return this;
    }

    @Override
    public String getName() {
        return "device:" + code;
    }
}
