package kr.sotong.signage.content;

import kr.sotong.contests.ContestWinnersAnnounced;
import kr.sotong.newsletter.NewsletterIssuePublished;
import kr.sotong.press.PressReleasePublished;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns other modules' published events into signage content awaiting approval by the PR media team.
 * Runs after the publisher's commit, in its own transaction, retried from the event publication registry;
 * every handler is idempotent on the source's key.
 */
@Component
class ContentIntake {

    private final ContentLibrary library;

    ContentIntake(ContentLibrary library) {
        this.library = library;
    }

    @ApplicationModuleListener
    void on(PressReleasePublished event) {
        library.fromPressRelease(event);
    }

    @ApplicationModuleListener
    void on(ContestWinnersAnnounced event) {
        library.fromContestWinners(event);
    }

    @ApplicationModuleListener
    void on(NewsletterIssuePublished event) {
        library.fromNewsletter(event);
    }
}
