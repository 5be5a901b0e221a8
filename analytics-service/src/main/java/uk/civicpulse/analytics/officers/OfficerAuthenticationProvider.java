package uk.civicpulse.analytics.officers;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks a username and password against the officer table; the token carries the officer's council and role. */
@Singleton
class OfficerAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B> {

    static final String COUNCIL_ATTRIBUTE = "council";

    private final OfficerRepository officers;

    OfficerAuthenticationProvider(OfficerRepository officers) {
        this.officers = officers;
    }

    @Override
    public @NonNull AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                                         @NonNull AuthenticationRequest<String, String> login) {
        Optional<Officer> officer = officers.find(login.getIdentity());
        if (officer.isEmpty() || !PasswordHasher.matches(login.getSecret(), officer.get().passwordHash())) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        Map<String, Object> attributes = new HashMap<>();
        if (officer.get().council() != null) {
            attributes.put(COUNCIL_ATTRIBUTE, officer.get().council());
        }
        return AuthenticationResponse.success(officer.get().username(), List.of(officer.get().role().code()), attributes);
    }
}
