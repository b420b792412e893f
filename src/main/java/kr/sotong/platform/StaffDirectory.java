package kr.sotong.platform;

import java.util.List;
import java.util.Optional;

/** Who is signed in, and who works here. */
public interface StaffDirectory {

    /** The staff member of the current request (session or bearer token), if any. */
    Optional<StaffMember> current();

    /** The current staff member, or a FORBIDDEN domain error. */
    StaffMember requireCurrent();

    /** Username of the current staff member, or {@code system} outside a staff request. */
    String currentActor();

    Optional<StaffMember> byUsername(String username);

    Optional<StaffMember> byId(long id);

    List<StaffMember> withRole(String role);

    List<StaffMember> all();
}
