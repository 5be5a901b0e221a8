package uk.civicpulse.analytics.officers;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Singleton;

/**
 * Signs tokens with {@code CIVIC_PULSE_JWT_SECRET} when it is set, the one secret shared with survey-service (which
 * validates these tokens for its staff endpoints). Otherwise the configured {@code ANALYTICS_JWT_SECRET} (or a
 * random secret) stays in use, as before. Done here because Micronaut placeholders cannot nest a second variable as
 * the default of the first.
 */
@Singleton
class SharedJwtSecret implements BeanCreatedEventListener<SecretSignatureConfiguration> {

    private final String shared;

    SharedJwtSecret(@Value("${civic-pulse.jwt-secret:}") String shared) {
        this.shared = shared;
    }

    @Override
    public SecretSignatureConfiguration onCreated(BeanCreatedEvent<SecretSignatureConfiguration> event) {
        SecretSignatureConfiguration config = event.getBean();
        if (shared != null && !shared.isBlank()) {
            config.setSecret(shared);
        }
        return config;
    }
}
