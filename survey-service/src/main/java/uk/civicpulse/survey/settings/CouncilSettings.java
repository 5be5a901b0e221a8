package uk.civicpulse.survey.settings;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one council captures. Public: the widget reads it to draw the right scale, reasons and questions.
 */
@Serdeable
public record CouncilSettings(
        String code,
        String name,
        String nameWelsh,
        String councilType,
        Map<String, ServiceSettings> services,
        Map<String, CustomerGroupQuestion> customerGroupQuestions) {

    public Optional<ServiceSettings> service(String code) {
        return Optional.ofNullable(services.get(code));
    }

    public Optional<CustomerGroupQuestion> question(String code) {
        return Optional.ofNullable(customerGroupQuestions.get(code));
    }

    @Serdeable
    public record ServiceSettings(String code, String name, String nameWelsh, String scale, List<Label> reasons) {

        public boolean hasReason(String code) {
            return reasons.stream().anyMatch(r -> r.code().equals(code));
        }
    }

    @Serdeable
    public record CustomerGroupQuestion(String code, String label, String labelWelsh, List<Label> answers) {

        public boolean hasAnswer(String code) {
            return answers.stream().anyMatch(a -> a.code().equals(code));
        }
    }

    @Serdeable
    public record Label(String code, String english, String welsh) {
    }
}
