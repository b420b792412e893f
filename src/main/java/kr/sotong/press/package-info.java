/**
 * 보도 (press office): annual press plan, press releases from draft to distribution and publication,
 * press contacts, interviews and press events, writing training, subscriptions and paid notices.
 */
@org.springframework.modulith.ApplicationModule(displayName = "보도")
package kr.sotong.press;
