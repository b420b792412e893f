package kr.sotong.bench.messaging;

import java.util.Map;
import kr.sotong.messaging.StubGateway;
import kr.sotong.messaging.internal.Bulletins;

/**
 * Dispatches one bulletin to 37,317 SMS subscribers through a local stub gateway and reports
 * messages per second (anchor: the issue's ≥ 1,000 messages/s) and exactly-once delivery.
 * <pre>bench/run kr.sotong.bench.messaging.DispatchBench [runs=2] [extra --properties]</pre>
 */
public final class DispatchBench {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        String[] extra = args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length) : new String[0];
        try (StubGateway stub = new StubGateway(MessagingBench.KEY, MessagingBench.SECRET);
             MessagingBench.App app = MessagingBench.start(null, stub.url(), extra)) {
            long importMs = MessagingBench.importSubscribers(app, MessagingBench.RECIPIENTS);
            System.out.printf("import of %,d subscribers (CSV, encrypted, consent records): %,d ms%n", MessagingBench.RECIPIENTS, importMs);
            Bulletins bulletins = app.bean(Bulletins.class);
            for (int run = 1; run <= runs; run++) {
                long id = MessagingBench.createBulletin(app, "bench run " + run);
                long t0 = System.nanoTime();
                int recipients = bulletins.start(id, "bench");
                Bulletins.Report r;
                do {
                    Thread.sleep(100);
                    r = bulletins.report(id);
                } while (r.pending() > 0);
                double seconds = (System.nanoTime() - t0) / 1e9;
                long delivered = stub.accepted().keySet().stream().filter(k -> k.startsWith("b" + id + "-")).count();
                Map<String, Long> perNumber = new java.util.HashMap<>();
                stub.accepted().values().stream().filter(a -> a.key().startsWith("b" + id + "-"))
                        .forEach(a -> perNumber.merge(a.to(), 1L, Long::sum));
                long dup = perNumber.values().stream().filter(v -> v > 1).count();
                System.out.printf("run %d: %,d recipients in %.2f s = %,.0f messages/s (anchor ≥ 1,000/s: %s); gateway accepted %,d, "
                                + "lost %,d, duplicate deliveries %d, failed %d%n",
                        run, recipients, seconds, recipients / seconds, recipients / seconds >= 1000 ? "met" : "NOT met", delivered,
                        recipients - perNumber.size(), dup, r.failed());
            }
        }
    }
}
