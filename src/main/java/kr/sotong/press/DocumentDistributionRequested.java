package kr.sotong.press;

import java.util.List;

/**
 * Another module asks the press office to distribute a document to the press-contact lists by e-mail
 * with the same machinery as press releases (delivery log, retries, bounces) — e.g. a 보도설명자료 from
 * monitoring. The press module answers with {@link DocumentDistributed}. Idempotent on {@code requestKey}.
 *
 * @param kind          CLARIFICATION (보도설명자료), REBUTTAL (보도반박자료) or NOTICE
 * @param listCodes     press-contact lists to send to; empty = the default release list
 * @param attachmentShas files from the platform file store to attach
 */
public record DocumentDistributionRequested(String requestKey, String kind, String title, String bodyText,
                                            String department, String contactName, String contactPhone,
                                            List<String> listCodes, List<String> attachmentShas) {

    public DocumentDistributionRequested {
        listCodes = listCodes == null ? List.of() : List.copyOf(listCodes);
        attachmentShas = attachmentShas == null ? List.of() : List.copyOf(attachmentShas);
    }
}
