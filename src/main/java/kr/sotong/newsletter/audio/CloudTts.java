package kr.sotong.newsletter.audio;

/**
 * A text-to-speech service in the cloud (e.g. a commercial Korean neural voice). Implement this for a
 * provider and select it with {@code sotong.newsletter.tts.engine=cloud}; {@link HttpCloudTts} speaks a
 * simple JSON-over-HTTPS protocol that most gateways can be adapted to.
 */
public interface CloudTts extends TtsEngine {

    /** The provider's endpoint (for the staff screen; never the key). */
    String endpoint();
}
