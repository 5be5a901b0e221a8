package uk.civicpulse.analytics.officers;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Singleton;

/**
 * Signs tokens with {@code CIVIC_PULSE_JWT_SECRET} when it is set, the one secret shared with survey-service (which
 * validates these tokens for its staff endpoints); else with {@code ANALYTICS_JWT_SECRET}, as before; else the random
 * secret configured in application.yml stays. Done here because Micronaut placeholders neither nest a second variable
 * as a default nor resolve {@code ${VAR:`${random.uuid}...`}} correctly when VAR is set (part of the default is
 * appended: measured on 4.10).
 */
@Singleton
class SharedJwtSecret implements BeanCreatedEventListener<SecretSignatureConfiguration> {

    private final String shared;
    private final String analyticsOnly;

    SharedJwtSecret(@Value("${civic-pulse.jwt-secret:}") String shared,
                    @Value("${civic-pulse.analytics-jwt-secret:}") String analyticsOnly) {
        this.shared = shared;
        this.analyticsOnly = analyticsOnly;
    }

    @Override
    public SecretSignatureConfiguration onCreated(BeanCreatedEvent<SecretSignatureConfiguration> event) {
        SecretSignatureConfiguration config = event.getBean();
        if (shared != null && !shared.isBlank()) {
            config.setSecret(shared);
        } else if (analyticsOnly != null && !analyticsOnly.isBlank()) {
            config.setSecret(analyticsOnly);
        }
        return config;
    }
}
