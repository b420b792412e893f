/**
 * 공모전 (resident contests): brand song made with generative AI, digital photos, short videos —
 * entries with media checks, blind judging, awards within budget, winners gallery.
 */
@org.springframework.modulith.ApplicationModule(displayName = "공모전")
package kr.sotong.contests;
