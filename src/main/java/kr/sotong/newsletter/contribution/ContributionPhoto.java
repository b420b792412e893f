package kr.sotong.newsletter.contribution;

import org.springframework.data.relational.core.mapping.Table;

/** A photo of a contribution, in the platform file store. */
@Table("newsletter_contribution_photo")
public record ContributionPhoto(String sha256, String mediaType, String originalName, int width, int height) {
}
