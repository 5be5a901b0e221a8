package uk.civicpulse.analytics;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

@OpenAPIDefinition(
        info = @Info(title = "Civic Pulse analytics API", version = "1",
                description = "Satisfaction figures with their margins of error for council officers. Every figure names "
                        + "its metric and method; numbers are unrounded. Sign in with POST /login for a bearer token."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class AnalyticsApplication {

    private AnalyticsApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(AnalyticsApplication.class, args);
    }
}
