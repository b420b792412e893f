package kr.sotong.signage.config;

/** Who may do what in signage ({@code @PreAuthorize} expressions). */
public final class SignageAccess {

    /** Read devices, content, schedules and reports. */
    public static final String READ = "hasAnyRole('PR_MEDIA','ADMIN','DIRECTOR','VIEWER')";
    /** Register devices, upload content, edit playlists and campaigns. */
    public static final String EDIT = "hasAnyRole('PR_MEDIA','ADMIN')";
    /** Approve or reject content for the screens (the PR media team; the director may too). */
    public static final String APPROVE = "hasAnyRole('PR_MEDIA','ADMIN','DIRECTOR')";

    /** Role of an authenticated player (device token). */
    public static final String DEVICE_ROLE = "SIGNAGE_DEVICE";

    private SignageAccess() {
    }
}
