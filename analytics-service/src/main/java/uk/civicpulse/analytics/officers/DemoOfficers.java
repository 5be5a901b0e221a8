package uk.civicpulse.analytics.officers;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For the demo only: an officer and a council admin login per known council ({@code officer@<council>},
 * {@code council-admin@<council>}) and a platform admin
 * ({@code admin@civic-pulse}), all with the demo password. Never enabled in production.
 */
@Singleton
@Requires(property = "civic-pulse.demo.officers", value = "true")
class DemoOfficers {

    private static final Logger LOG = LoggerFactory.getLogger(DemoOfficers.class);
    static final String ADMIN = "admin@civic-pulse";

    private final OfficerRepository officers;
    private final String password;

    DemoOfficers(OfficerRepository officers, @Value("${civic-pulse.demo.password}") String password) {
        this.officers = officers;
        this.password = password;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        String hash = PasswordHasher.hash(password);
        for (String council : officers.councilCodes()) {
            officers.save(new Officer("officer@" + council, hash, council, Role.OFFICER));
            officers.save(new Officer("council-admin@" + council, hash, council, Role.COUNCIL_ADMIN));
        }
        officers.save(new Officer(ADMIN, hash, null, Role.PLATFORM_ADMIN));
        LOG.info("Demo logins ready: officer@<council>, council-admin@<council> and {}", ADMIN);
    }
}
