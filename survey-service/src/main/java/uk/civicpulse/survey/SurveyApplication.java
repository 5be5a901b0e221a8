package uk.civicpulse.survey;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

@OpenAPIDefinition(
        info = @Info(title = "Civic Pulse survey API", version = "1",
                description = "Takes residents' ratings from web pages, reception kiosks and phone lines, and lets council "
                        + "staff manage what is captured. Resident endpoints need no sign-in; staff endpoints take the "
                        + "bearer token from analytics-service's POST /login. Every error is application/problem+json."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class SurveyApplication {

    private SurveyApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(SurveyApplication.class, args);
    }
}
