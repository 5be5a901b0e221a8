package uk.civicpulse.launcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the whole product on embedded defaults and prints where to find it. Ctrl-C stops everything cleanly.
 * Configuration comes from the environment; see the README's configuration table.
 */
public final class Launcher {

    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(env("CIVIC_PULSE_ROOT", ".")).toAbsolutePath().normalize();
        Path home = Path.of(env("CIVIC_PULSE_HOME", root.resolve(".civic-pulse").toString())).toAbsolutePath();
        ProductStack.Settings settings = new ProductStack.Settings(root, home, true,
                Integer.parseInt(env("SURVEY_PORT", "8080")), Integer.parseInt(env("ANALYTICS_PORT", "8081")),
                Integer.parseInt(env("KAFKA_PORT", "9092")), env("CIVIC_PULSE_DEMO_PASSWORD", "civic-pulse-demo"));

        ProductStack stack = new ProductStack(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping Civic Pulse...");
            stack.close();
            LOG.info("Stopped. Data kept in {}", home);
            stopped.countDown();
        }, "civic-pulse-stop"));
        stack.start();

        if (!"false".equals(env("CIVIC_PULSE_DEMO_DATA", "true"))) {
            LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
            DemoData demo = new DemoData(stack.survey().baseUri(), stack.broker().bootstrapServers());
            long produced = demo.generate(today, 365);
            LOG.info("Demo data: {} ratings and {} contacts over the 12 months to {} sent to analytics (ids are fixed, so a re-run adds none)",
                    produced, demo.contactsProduced(), today.minusDays(1));
        }

        String council = "northmoor";
        System.out.printf("""

                Civic Pulse is running. Ctrl-C stops it; data is kept in %s

                  survey-service     %s
                    councils         %s/api/v1/councils
                    post a rating    POST %s/api/v1/ratings
                    widget demo      %s/widget/v1/demo.html
                    no-JS form       %s/form/northmoor/waste
                    kiosk            %s/kiosk/northmoor/civic-centre-reception
                    API (OpenAPI)    %s/openapi/civic-pulse-survey-api-1.yml
                  analytics-service  %s
                    officer dashboard %s/dashboard  (sign in with a demo login below; ?lang=cy for Welsh)
                    public results   %s/public/councils/%s  (no login; open data: satisfaction.csv|.json)
                    API sign in      POST %s/login  {"username":"officer@%s","password":"%s"}
                    satisfaction     GET  %s/api/v1/councils/%s/satisfaction?from=%s&to=%s&by=service,channel
                    timeliness       GET  %s/api/v1/councils/%s/timeliness?from=%s&to=%s&period=month
                    API (OpenAPI)    %s/openapi/civic-pulse-analytics-api-1.yml
                  Kafka broker       %s
                  Logs               %s

                Demo logins (password %s): officer@<council> and council-admin@<council> for northmoor, eastbrook,
                westshire and cwm-tawel (each sees only their council) and admin@civic-pulse (every council).

                """,
                home, stack.survey().baseUri(), stack.survey().baseUri(), stack.survey().baseUri(),
                stack.survey().baseUri(), stack.survey().baseUri(), stack.survey().baseUri(), stack.survey().baseUri(),
                stack.analytics().baseUri(), stack.analytics().baseUri(), stack.analytics().baseUri(), council,
                stack.analytics().baseUri(), council, settings.demoPassword(),
                stack.analytics().baseUri(), council, LocalDate.now().minusYears(1), LocalDate.now(),
                stack.analytics().baseUri(), council, LocalDate.now().minusYears(1), LocalDate.now(),
                stack.analytics().baseUri(),
                stack.broker().bootstrapServers(), home.resolve("logs"), settings.demoPassword());
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
