package uk.civicpulse.survey;

import io.micronaut.runtime.Micronaut;

public final class SurveyApplication {

    private SurveyApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(SurveyApplication.class, args);
    }
}
