package kr.sotong.opendata.catalog;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import kr.sotong.shared.DomainException;

/** A dataset of the catalogue. State changes go through {@link #publish}/{@link #withdraw}. */
public record Dataset(long id, String name, String title, String description, long organizationId,
                      String organizationName, String organizationTitle, String keywords, String theme, Licence licence,
                      UpdateCycle updateCycle, String contactName, String contactEmail, String contactPhone,
                      Status status, Instant publishedAt, Instant createdAt, Instant updatedAt, long downloads,
                      long apiCalls) {

    public enum Status { DRAFT, PUBLISHED, WITHDRAWN }

    public List<String> tags() {
        return keywords == null || keywords.isBlank() ? List.of()
                : Arrays.stream(keywords.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    public boolean published() {
        return status == Status.PUBLISHED;
    }

    /** Checks that the dataset may be published now (it needs a resource with a file). */
    public void checkPublishable(int resourcesWithFile) {
        if (status == Status.PUBLISHED) {
            throw DomainException.conflict("opendata.dataset.already-published", "이미 개방된 데이터셋입니다.");
        }
        if (resourcesWithFile == 0) {
            throw new DomainException("opendata.dataset.no-resource", "파일이 있는 리소스가 하나 이상 있어야 개방할 수 있습니다.");
        }
    }

    public void checkWithdrawable() {
        if (status != Status.PUBLISHED) {
            throw DomainException.conflict("opendata.dataset.not-published", "개방 중인 데이터셋만 개방을 중지할 수 있습니다.");
        }
    }
}
