package uk.civicpulse.survey.ratings;

import uk.civicpulse.events.FieldError;

import java.util.List;

/** A rating broke one or more rules; nothing was produced. */
public class RatingRejectedException extends RuntimeException {

    private final List<FieldError> errors;

    public RatingRejectedException(List<FieldError> errors) {
        super("the rating has " + errors.size() + " problem(s)");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
