/**
 * 업무계획 (the annual work plan): the department and its teams (with renames), staffing by grade,
 * budgets by year, category and funding source, the major programs with activities, KPIs and
 * multi-year funding, spending recorded by other modules, the dashboard tiles and the report export.
 */
@org.springframework.modulith.ApplicationModule(displayName = "업무계획")
package kr.sotong.workplan;
