package kr.sotong.workplan.web;

import java.util.List;
import kr.sotong.platform.NavLink;
import kr.sotong.platform.Navigation;
import kr.sotong.platform.TeamCatalog;
import kr.sotong.workplan.Workplan;
import org.springframework.stereotype.Component;

@Component
class WorkplanNavigation implements Navigation, TeamCatalog {

    private final Workplan workplan;

    WorkplanNavigation(Workplan workplan) {
        this.workplan = workplan;
    }

    @Override
    public List<NavLink> staffLinks() {
        return List.of(
                NavLink.of("업무계획", "업무계획 개요", "/staff/workplan", 10),
                NavLink.of("업무계획", "조직·인력", "/staff/workplan/organization", 20),
                NavLink.of("업무계획", "예산", "/staff/workplan/budget", 30),
                NavLink.of("업무계획", "주요사업", "/staff/workplan/programs", 40));
    }

    @Override
    public List<Team> currentTeams() {
        return workplan.organization().teams().stream().filter(t -> t.current())
                .map(t -> new Team(t.code(), t.name())).toList();
    }
}
