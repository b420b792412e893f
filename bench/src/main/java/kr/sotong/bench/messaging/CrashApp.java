package kr.sotong.bench.messaging;

import java.nio.file.Path;
import kr.sotong.messaging.internal.Bulletins;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application process of {@code bench/messaging-crash.sh}: on a fresh SOTONG_HOME it imports
 * 37,317 subscribers and starts a bulletin; on a restart (same home) it finds the bulletin in progress
 * and waits while the delivery engine resumes it. Prints {@code DONE <id>} when the bulletin is sent.
 * <pre>CrashApp &lt;sotong-home&gt; &lt;gateway-url&gt;</pre>
 */
public final class CrashApp {

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        MessagingBench.App app = MessagingBench.start(home, args[1], "--sotong.messaging.claim-lease=10s");
        JdbcClient jdbc = app.bean(JdbcClient.class);
        Bulletins bulletins = app.bean(Bulletins.class);
        Long id = jdbc.sql("select id from messaging_bulletin order by id limit 1").query(Long.class).optional().orElse(null);
        if (id == null) {
            if (MessagingBench.activeSubscribers(app) == 0) {
                System.out.println("importing subscribers …");
                MessagingBench.importSubscribers(app, MessagingBench.RECIPIENTS);
            }
            id = MessagingBench.createBulletin(app, "crash test");
            System.out.println("STARTED " + id + " recipients=" + bulletins.start(id, "bench"));
        } else {
            System.out.println("RESUMING " + id + " " + bulletins.report(id));
        }
        System.out.flush();
        while (true) {
            var r = bulletins.report(id);
            System.out.println("PROGRESS pending=" + r.pending() + " accepted=" + r.accepted() + " failed=" + r.failed());
            System.out.flush();
            if (r.pending() == 0 && "SENT".equals(bulletins.bulletin(id).status().name())) {
                System.out.println("DONE " + id + " recipients=" + r.recipients() + " accepted=" + r.accepted() + " failed=" + r.failed());
                System.out.flush();
                app.close();
                System.exit(0);
            }
            Thread.sleep(500);
        }
    }
}
