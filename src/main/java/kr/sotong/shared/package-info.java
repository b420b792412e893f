/**
 * Value types shared by every module (no Spring beans): phone numbers, masking, periods, domain errors.
 */
@org.springframework.modulith.ApplicationModule(displayName = "공통 값 타입", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package kr.sotong.shared;
