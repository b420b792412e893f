/**
 * 캠페인 (campaigns): the 30th-anniversary programme and other campaigns with their placements — online
 * banners, the boundary sign, bus-stop ads, photo zones, the printed guidebook and its e-book (published
 * through the newsletter module's {@link kr.sotong.newsletter.EBookLibrary}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "캠페인")
package kr.sotong.campaigns;
