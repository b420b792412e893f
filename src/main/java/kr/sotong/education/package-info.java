/**
 * 정보화 교육 (digital-literacy education for information-vulnerable residents): venues and rooms, course
 * categories and levels, courses and sessions, fair registration that never oversells (first-come or a
 * commit–reveal lottery, priority quotas, waitlists with automatic promotion and claim deadlines), attendance,
 * completion and certificates, the 1:1 digital counselling desk, kiosk practice, the smart contest quiz,
 * satisfaction surveys and trainee statistics.
 * <p>
 * The types in this package are the module's API ({@link kr.sotong.education.TraineeStatistics}); sub-packages
 * are internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "정보화 교육")
package kr.sotong.education;
