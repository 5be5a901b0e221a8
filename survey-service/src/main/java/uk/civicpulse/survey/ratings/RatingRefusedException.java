package uk.civicpulse.survey.ratings;

/** A rating refused before it reached the broker: for its origin (403), its rate (429) or its content (422). */
public class RatingRefusedException extends RuntimeException {

    private final RatingIntake.Refused refusal;

    public RatingRefusedException(RatingIntake.Refused refusal) {
        super(refusal.detail());
        this.refusal = refusal;
    }

    public RatingIntake.Refused refusal() {
        return refusal;
    }
}
