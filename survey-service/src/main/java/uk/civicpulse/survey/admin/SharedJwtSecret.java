package uk.civicpulse.survey.admin;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Singleton;

/**
 * Validates staff tokens with {@code CIVIC_PULSE_JWT_SECRET}, the secret analytics-service signs them with. Unset, the
 * random secret configured in application.yml stays, so no token validates. Set here rather than as a placeholder
 * with a random default, because Micronaut resolves {@code ${VAR:`${random.uuid}...`}} wrongly when VAR is set (it
 * appends part of the default: measured on 4.10).
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
