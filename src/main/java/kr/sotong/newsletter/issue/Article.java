package kr.sotong.newsletter.issue;

import java.time.Instant;
import kr.sotong.shared.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An article of an issue (section, title, body, page) with its read-aloud audio (recorded or TTS). */
@Table("newsletter_article")
public class Article {

    public enum AudioSource { RECORDED, TTS }

    @Id
    private Long id;
    private Long issueId;
    private String section;
    private String title;
    private String body;
    private Integer pageNo;
    private String audioSha256;
    private String audioMediaType;
    private AudioSource audioSource;
    private String audioEngine;
    private Instant audioAt;
    private Instant createdAt;
    @Version
    private Integer version;

    Article() {
    }

    static Article create(long issueId, String section, String title, String body, Integer pageNo, int issuePages,
                          Instant now) {
        Article a = new Article();
        a.issueId = issueId;
        a.createdAt = now;
        a.edit(section, title, body, pageNo, issuePages);
        return a;
    }

    void edit(String newSection, String newTitle, String newBody, Integer newPage, int issuePages) {
        String s = newSection == null ? "" : newSection.strip();
        String t = newTitle == null ? "" : newTitle.strip();
        if (s.isEmpty() || s.length() > 100) {
            throw new DomainException("newsletter.article.section", "섹션 이름을 100자 이내로 입력해 주세요.");
        }
        if (t.isEmpty() || t.length() > 300) {
            throw new DomainException("newsletter.article.title", "기사 제목을 300자 이내로 입력해 주세요.");
        }
        if (newPage != null && (newPage < 1 || newPage > issuePages)) {
            throw new DomainException("newsletter.article.page",
                    "쪽 번호는 1~" + issuePages + " 사이여야 합니다(이 호는 " + issuePages + "면).", issuePages);
        }
        String b = newBody == null ? "" : newBody.strip();
        if (b.length() > 100_000) {
            throw new DomainException("newsletter.article.body", "기사 본문이 너무 깁니다(10만 자 이하).");
        }
        section = s;
        title = t;
        body = b;
        pageNo = newPage;
    }

    /** The text read aloud: title and body. Refuses an article without body text. */
    public String speakableText() {
        if (body == null || body.isBlank()) {
            throw new DomainException("newsletter.tts.empty",
                    "본문이 비어 있는 기사는 음성으로 만들 수 없습니다. 본문을 먼저 입력해 주세요: " + title, title);
        }
        return title + ".\n\n" + body;
    }

    void attachAudio(String sha256, String mediaType, AudioSource source, String engine, Instant at) {
        audioSha256 = sha256;
        audioMediaType = mediaType;
        audioSource = source;
        audioEngine = engine;
        audioAt = at;
    }

    void removeAudio() {
        attachAudio(null, null, null, null, null);
    }

    public boolean hasAudio() {
        return audioSha256 != null;
    }

    public Long getId() {
        return id;
    }

    public Long getIssueId() {
        return issueId;
    }

    public String getSection() {
        return section;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public Integer getPageNo() {
        return pageNo;
    }

    public String getAudioSha256() {
        return audioSha256;
    }

    public String getAudioMediaType() {
        return audioMediaType;
    }

    public AudioSource getAudioSource() {
        return audioSource;
    }

    public String getAudioEngine() {
        return audioEngine;
    }

    public Instant getAudioAt() {
        return audioAt;
    }
}
