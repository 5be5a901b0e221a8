package uk.civicpulse.launcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.civicpulse.events.Topics;
import uk.civicpulse.stack.EmbeddedKafkaBroker;
import uk.civicpulse.stack.PostgresServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The whole product on one machine: PostgreSQL, a Kafka broker, survey-service and analytics-service, each service
 * in its own JVM with its own database. Used by the launcher and by the end-to-end test.
 */
public final class ProductStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProductStack.class);

    public static final String SURVEY_DATABASE = "civic_pulse_survey";
    public static final String ANALYTICS_DATABASE = "civic_pulse_analytics";

    private final Settings settings;
    private PostgresServer postgres;
    private EmbeddedKafkaBroker broker;
    private ServiceProcess survey;
    private ServiceProcess analytics;
    private Map<String, String> analyticsEnv;
    private final Map<String, String> extraSurveyEnv = new HashMap<>();
    private List<String> jvmOptions = ServiceProcess.DEMO_JVM_OPTIONS;

    /**
     * @param root          the repository root, where the services' jars are built
     * @param home          where the embedded PostgreSQL and the broker keep their data, and the services their logs
     * @param keepData      keep data between runs (the launcher) or start clean (tests)
     * @param surveyPort    survey-service's port
     * @param analyticsPort analytics-service's port
     * @param kafkaPort     the broker's port, 0 for any free one
     * @param demoPassword  the password of the demo logins
     */
    public record Settings(Path root, Path home, boolean keepData, int surveyPort, int analyticsPort, int kafkaPort,
                           String demoPassword) {
    }

    public ProductStack(Settings settings) {
        this.settings = settings;
    }

    /**
     * Extra environment for survey-service, e.g. a rate limit high enough for a test that posts thousands of ratings
     * from one address to one page. Call before {@link #start()}.
     */
    /** JVM options for both services (the default starts fast and small, for the demo and the tests). */
    public ProductStack withJvmOptions(List<String> options) {
        jvmOptions = List.copyOf(options);
        return this;
    }

    public ProductStack withSurveyEnvironment(Map<String, String> environment) {
        extraSurveyEnv.putAll(environment);
        return this;
    }

    public ProductStack start() {
        postgres = PostgresServer.fromEnvironmentOr(settings.home().resolve("postgres"), settings.keepData());
        postgres.createDatabase(SURVEY_DATABASE);
        postgres.createDatabase(ANALYTICS_DATABASE);

        broker = new EmbeddedKafkaBroker(settings.home().resolve("kafka"), settings.kafkaPort()).start();
        broker.createTopics(Topics.ALL);

        // One signing secret for staff tokens: analytics-service issues them at /login, survey-service accepts them
        // for its admin and agent endpoints. New on every start, so a restart signs everyone out.
        String jwtSecret = newJwtSecret();
        String version = version();
        Path logs = settings.home().resolve("logs");
        Map<String, String> surveyEnv = new HashMap<>();
        surveyEnv.put("SURVEY_PORT", String.valueOf(settings.surveyPort()));
        surveyEnv.put("SURVEY_DATABASE_URL", postgres.jdbcUrl(SURVEY_DATABASE));
        surveyEnv.put("SURVEY_FLYWAY_LOCATIONS", "classpath:db/migration,classpath:db/demo");
        surveyEnv.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        surveyEnv.put("CIVIC_PULSE_JWT_SECRET", jwtSecret);
        surveyEnv.putAll(extraSurveyEnv);
        analyticsEnv = new HashMap<>();
        analyticsEnv.put("ANALYTICS_PORT", String.valueOf(settings.analyticsPort()));
        analyticsEnv.put("ANALYTICS_DATABASE_URL", postgres.jdbcUrl(ANALYTICS_DATABASE));
        analyticsEnv.put("ANALYTICS_FLYWAY_LOCATIONS", "classpath:db/migration,classpath:db/demo");
        analyticsEnv.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        analyticsEnv.put("CIVIC_PULSE_DEMO_OFFICERS", "true");
        analyticsEnv.put("CIVIC_PULSE_JWT_SECRET", jwtSecret);
        analyticsEnv.put("CIVIC_PULSE_DEMO_PASSWORD", settings.demoPassword());

        LOG.info("Starting survey-service and analytics-service (logs in {})", logs);
        survey = ServiceProcess.start("survey-service",
                settings.root().resolve("survey-service/target/survey-service-" + version + ".jar"), settings.surveyPort(), surveyEnv, logs, jvmOptions);
        analytics = startAnalytics();
        survey.awaitHealthy(Duration.ofSeconds(120));
        analytics.awaitHealthy(Duration.ofSeconds(120));
        return this;
    }

    private ServiceProcess startAnalytics() {
        return ServiceProcess.start("analytics-service",
                settings.root().resolve("analytics-service/target/analytics-service-" + version() + ".jar"),
                settings.analyticsPort(), analyticsEnv, settings.home().resolve("logs"), jvmOptions);
    }

    /** Kills analytics-service at once, wherever it is in a batch, and starts it again: a crash and a restart. */
    public void crashAndRestartAnalytics() {
        analytics.kill();
        analytics = startAnalytics().awaitHealthy(Duration.ofSeconds(120));
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    public ServiceProcess survey() {
        return survey;
    }

    public ServiceProcess analytics() {
        return analytics;
    }

    @Override
    public void close() {
        // Services first, so no rating is accepted after the broker has gone; the database last.
        for (AutoCloseable part : new AutoCloseable[]{survey, analytics, broker, postgres}) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception e) {
                    LOG.warn("{} did not stop cleanly: {}", part.getClass().getSimpleName(), e.toString());
                }
            }
        }
    }

    static String newJwtSecret() {
        byte[] bytes = new byte[48];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String version() {
        try (InputStream in = ProductStack.class.getResourceAsStream("/civic-pulse-launcher.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
