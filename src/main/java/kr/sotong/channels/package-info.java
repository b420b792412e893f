/**
 * 홍보 채널 (PR channels): YouTube, Naver blog, Instagram, KakaoTalk channel, SMS alert service and
 * custom channels with metric snapshots (seed baselines from the work plan's KPIs, XLSX/CSV imports,
 * YouTube Data API and Instagram Graph API connectors), the content calendar with influencer and paid
 * SNS promotions recorded against the work-plan budget, SNS events with commit–reveal prize draws, and
 * partner coupons.
 */
@org.springframework.modulith.ApplicationModule(displayName = "홍보 채널")
package kr.sotong.channels;
