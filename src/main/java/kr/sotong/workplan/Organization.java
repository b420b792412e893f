package kr.sotong.workplan;

import java.time.LocalDate;
import java.util.List;

/** The department with its teams (current names, rename history, duties) and staffing. */
public record Organization(String departmentName, String organization, LocalDate asOf, List<Team> teams,
                           Staffing staffing) {

    /** A team as named on {@code asOf}; {@code history} lists every name with its validity. */
    public record Team(long id, String code, String name, boolean current, List<TeamName> history,
                       List<String> duties, int sortOrder) {
    }

    public record TeamName(String name, LocalDate validFrom, LocalDate validTo) {
    }
}
