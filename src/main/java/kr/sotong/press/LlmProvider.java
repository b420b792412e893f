package kr.sotong.press;

/** A chat model that completes a prompt (used for optional drafting help). */
interface LlmProvider {

    boolean configured();

    /** Throws a Korean {@link kr.sotong.shared.DomainException} when not configured or the call fails. */
    String complete(String system, String user);
}
