package uk.civicpulse.survey.contacts;

import jakarta.inject.Singleton;
import uk.civicpulse.events.ContactChannel;
import uk.civicpulse.events.ContactHandled;
import uk.civicpulse.events.FieldError;
import uk.civicpulse.survey.settings.CaptureSettings;
import uk.civicpulse.survey.settings.CouncilSettings;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks a contact against the contract and the council's capture settings (the council and service must exist). */
@Singleton
public class ContactValidator {

    private final CaptureSettings settings;

    public ContactValidator(CaptureSettings settings) {
        this.settings = settings;
    }

    /** The contact, or every reason it cannot be accepted. */
    public record Result(ContactHandled contact, List<FieldError> errors) {
    }

    public Result validate(ContactRequest r) {
        List<FieldError> errors = new ArrayList<>();
        ContactChannel channel = null;
        if (r.channel() != null) {
            channel = ContactChannel.fromCode(r.channel()).orElse(null);
            if (channel == null) {
                errors.add(new FieldError("channel", "must be phone, email, web_form, letter or face_to_face"));
            }
        }
        Instant received = time("receivedAt", r.receivedAt(), errors);
        Instant first = time("firstResponseAt", r.firstResponseAt(), errors);
        Instant resolved = time("resolvedAt", r.resolvedAt(), errors);
        ContactHandled contact = new ContactHandled(r.sourceId(), r.council(), r.service(), channel, r.contactType(),
                received, first, resolved, r.resolvedAtFirstContact(), ContactHandled.SCHEMA_VERSION);
        for (FieldError e : contact.contractErrors()) {
            boolean alreadyReported = errors.stream().anyMatch(x -> x.field().equals(e.field()));
            if (!alreadyReported && !(e.field().equals("channel") && r.channel() != null)) {
                errors.add(e);
            }
        }
        if (ContactHandledCodes.isCode(r.council())) {
            Optional<CouncilSettings> council = settings.council(r.council());
            if (council.isEmpty()) {
                errors.add(new FieldError("council", "no council with code '" + r.council() + "'"));
            } else if (ContactHandledCodes.isCode(r.service()) && council.get().service(r.service()).isEmpty()) {
                errors.add(new FieldError("service", "council '" + r.council() + "' has no service '" + r.service() + "'"));
            }
        }
        return new Result(errors.isEmpty() ? contact : null, errors);
    }

    private static Instant time(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO 8601 instant such as 2026-03-02T10:15:00Z"));
            return null;
        }
    }

    /** The contract's code rule, named for reading. */
    static final class ContactHandledCodes {
        static boolean isCode(String value) {
            return uk.civicpulse.events.RatingSubmitted.isCode(value);
        }
    }
}
