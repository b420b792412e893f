/**
 * 디지털 사이니지 (digital signage): the registry of 663 elevator media boards, 46 signage screens and the
 * media wall; content with approval by the PR media team; playlists and layouts; campaigns with
 * dayparts, priorities, interrupts and share-of-hour guarantees; the player API ({@code /player/v1/…})
 * with device tokens, conditional schedule downloads and server-sent refresh events; the browser
 * reference player ({@code /player}); proof of play and uptime reports.
 * <p>
 * Content from other modules arrives through their published events (press releases, contest winners,
 * newsletter issues) and waits for approval. The module publishes no API of its own yet: everything
 * lives in internal sub-packages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "디지털 사이니지")
package kr.sotong.signage;
