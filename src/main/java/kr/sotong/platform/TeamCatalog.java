package kr.sotong.platform;

import java.util.List;

/**
 * The department's teams, for account screens. Implemented by the work-plan module (the owner of the
 * organisation); the platform only knows team codes.
 */
public interface TeamCatalog {

    List<Team> currentTeams();

    record Team(String code, String name) {
    }
}
