package kr.sotong.bench.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import kr.sotong.bench.BenchApp;
import kr.sotong.bench.Latencies;
import kr.sotong.platform.Roles;
import kr.sotong.platform.accounts.ApiTokens;
import kr.sotong.platform.accounts.StaffAccounts;
import kr.sotong.workplan.BudgetCategory;
import kr.sotong.workplan.FundingSource;
import kr.sotong.workplan.Workplan;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Issue 2 benchmark: render time of the director's dashboard {@code /staff} with 10 fiscal years of
 * budget data (the seeded 2024–2025 plus 2016–2023 generated lines), measured over HTTP on loopback.
 * Usage: {@code bench/run kr.sotong.bench.platform.DashboardLoad [requests=2000] [clients=1]}
 */
public final class DashboardLoad {

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        try (BenchApp app = BenchApp.start()) {
            StaffAccounts accounts = app.bean(StaffAccounts.class);
            String temporary = accounts.create(new StaffAccounts.NewAccount("bench-director", "벤치 과장", null, null,
                    false, Set.of(Roles.DIRECTOR, Roles.ADMIN)));
            accounts.changeOwnPassword("bench-director", temporary, "Dashboard-load-2025", "Dashboard-load-2025");
            long accountId = accounts.byUsername("bench-director").orElseThrow().id();
            String token = app.bean(ApiTokens.class).issueIntegrationToken(accountId, "bench", Duration.ofDays(1)).token();

            var member = accounts.byUsername("bench-director").orElseThrow();
            var principal = new kr.sotong.platform.accounts.StaffPrincipal(member, null, false, false);
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
            Workplan workplan = app.bean(Workplan.class);
            for (int year = 2016; year <= 2023; year++) {
                for (BudgetCategory c : BudgetCategory.values()) {
                    for (FundingSource s : FundingSource.values()) {
                        workplan.addBudgetLine(new Workplan.BudgetLineInput(year, "당초예산", c, s,
                                c.label() + " " + s.label(), null, 1000L * year + c.ordinal() * 10 + s.ordinal()));
                    }
                }
            }
            SecurityContextHolder.clearContext();
            System.out.println("budget years: " + workplan.budgetYears());

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/staff"))
                    .header("Authorization", "Bearer " + token).GET().build();
            for (int i = 0; i < 300; i++) {
                HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200 || !r.body().contains("3,648,821")) {
                    throw new IllegalStateException("unexpected dashboard response " + r.statusCode());
                }
            }
            Latencies lat = new Latencies();
            Thread[] threads = new Thread[clients];
            int perClient = requests / clients;
            long t0 = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                threads[c] = new Thread(() -> {
                    for (int i = 0; i < perClient; i++) {
                        long s = System.nanoTime();
                        try {
                            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200) {
                                throw new IllegalStateException("status " + r.statusCode());
                            }
                        } catch (Exception e) {
                            throw new RuntimeException(e);
                        }
                        lat.add(System.nanoTime() - s);
                    }
                });
                threads[c].start();
            }
            for (Thread t : threads) {
                t.join();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("dashboard /staff, 10 budget years, %d clients: %s, %.0f req/s%n", clients, lat.summary(),
                    lat.count() / seconds);
        }
    }
}
