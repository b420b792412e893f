package kr.sotong.signage.device;

/** In-module events about one device, for the connected player (published inside the transaction). */
public final class DeviceSignals {

    private DeviceSignals() {
    }

    /** The device's token was revoked or the device retired: its player must stop and pair again. */
    public record TokenRevoked(long deviceId) {
    }

    /** Staff asked the player for a screenshot. */
    public record ScreenshotRequested(long deviceId) {
    }
}
