package kr.sotong.campaigns.placement;

import org.springframework.data.relational.core.mapping.Table;

@Table("campaigns_placement_photo")
public record PlacementPhoto(String sha256, String mediaType, String caption) {
}
