package kr.sotong.press;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the press module under {@code sotong.press.*}.
 *
 * @param jobsInterval     how often due releases are distributed/published and delivery states read
 * @param maxAttachment    largest attachment or photo
 * @param titleMaxLength   writing check: longer titles are flagged
 * @param sentenceMaxLength writing check: longer sentences are flagged
 * @param jargonFile       optional file replacing the built-in 행정용어 순화 list (TSV: 용어 TAB 쉬운 말)
 * @param llm              optional OpenAI-compatible chat API for drafting help
 */
@ConfigurationProperties("sotong.press")
public record PressProperties(Duration jobsInterval, DataSize maxAttachment, int titleMaxLength, int sentenceMaxLength,
                              String jargonFile, Llm llm) {

    public PressProperties {
        jobsInterval = jobsInterval == null ? Duration.ofSeconds(15) : jobsInterval;
        maxAttachment = maxAttachment == null ? DataSize.ofMegabytes(20) : maxAttachment;
        titleMaxLength = titleMaxLength <= 0 ? 40 : titleMaxLength;
        sentenceMaxLength = sentenceMaxLength <= 0 ? 120 : sentenceMaxLength;
        llm = llm == null ? new Llm(null, null, null, null) : llm;
    }

    /** @param url base URL of the chat API (…/v1); empty = drafting help switched off */
    public record Llm(String url, String apiKey, String model, Duration timeout) {
        public Llm {
            model = model == null || model.isBlank() ? "gpt-4o-mini" : model;
            timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        }

        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }
}
