/**
 * 언론 모니터링 (media monitoring): news sources (RSS/Atom feeds, manual entry, clipping imports), relevance
 * terms, de-duplication, Korean search (Lucene + Nori behind {@code ArticleIndex}), coverage attribution to
 * press releases (MinHash/LSH), negativity scoring and a label-trained classifier, on-duty alerts and the
 * daily clipping digest, and 보도설명자료 response cases distributed through the press module.
 * <p>
 * Listens to {@link kr.sotong.press.PressReleasePublished} and {@link kr.sotong.press.DocumentDistributed};
 * publishes {@link kr.sotong.press.DocumentDistributionRequested}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "언론 모니터링")
package kr.sotong.monitoring;
