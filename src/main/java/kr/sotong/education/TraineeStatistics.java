package kr.sotong.education;

import java.util.List;

/**
 * Trainees (수료자) per year by venue type and course category: stored aggregates (e.g. the 2024 figures of the
 * work plan) plus completions recorded in the system. Other modules (the work plan's KPIs) read it here.
 */
public interface TraineeStatistics {

    TraineeTable trainees(int year);

    /** Years that have any trainee figure, newest first. */
    List<Integer> years();
}
