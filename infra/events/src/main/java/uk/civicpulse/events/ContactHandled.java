package uk.civicpulse.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The council handled (or is handling) a resident's contact: a call, an email, a web form, a letter, a personal
 * caller, a complaint or a service request. Version 1 of the event on {@link Topics#CONTACTS_V1}, keyed by council.
 * <p>
 * The same contact may be sent again as it progresses (first responded to, later resolved): the source system's id
 * names it, so the same council and {@code sourceId} are one contact however often they arrive. Each later event
 * carries what is known now; a time left out (null) keeps what an earlier event said.
 *
 * @param sourceId               the contact's id in the system it came from (telephony, CRM, a CSV export); at most
 *                               {@link #MAX_SOURCE_ID_LENGTH} characters
 * @param council                the council's code; the record key
 * @param service                the service's code within the council, e.g. "waste"
 * @param channel                how the resident made contact
 * @param contactType            what kind of contact, a code: e.g. "call", "email", "web_form", "letter",
 *                               "personal_caller", "complaint", "service_request", "missed_bin"
 * @param receivedAt             when the council received it (a call: when it joined the queue)
 * @param firstResponseAt        when the resident first had an answer (a call: when it was answered), or null
 * @param resolvedAt             when the matter was resolved, or null
 * @param resolvedAtFirstContact whether it was resolved at the first contact, or null when not recorded
 * @param schemaVersion          always {@link #SCHEMA_VERSION} on this topic
 */
public record ContactHandled(
        String sourceId,
        String council,
        String service,
        ContactChannel channel,
        String contactType,
        Instant receivedAt,
        Instant firstResponseAt,
        Instant resolvedAt,
        Boolean resolvedAtFirstContact,
        int schemaVersion) {

    public static final int SCHEMA_VERSION = 1;
    public static final int MAX_SOURCE_ID_LENGTH = 200;

    /** The Kafka record key: one council's contacts share a partition, so updates to one contact stay in order. */
    public String partitionKey() {
        return council;
    }

    /** What the contract itself rules out, field by field; whether council and service exist is for the producer to say. */
    public List<FieldError> contractErrors() {
        List<FieldError> errors = new ArrayList<>();
        if (sourceId == null || sourceId.isBlank() || sourceId.length() > MAX_SOURCE_ID_LENGTH) {
            errors.add(new FieldError("sourceId", "is required, at most " + MAX_SOURCE_ID_LENGTH + " characters"));
        }
        if (!RatingSubmitted.isCode(council)) {
            errors.add(new FieldError("council", "must be a code of lower-case letters, digits, '-' or '_'"));
        }
        if (!RatingSubmitted.isCode(service)) {
            errors.add(new FieldError("service", "must be a code of lower-case letters, digits, '-' or '_'"));
        }
        if (channel == null) {
            errors.add(new FieldError("channel", "is required: one of phone, email, web_form, letter, face_to_face"));
        }
        if (!RatingSubmitted.isCode(contactType)) {
            errors.add(new FieldError("contactType", "must be a code of lower-case letters, digits, '-' or '_'"));
        }
        if (receivedAt == null) {
            errors.add(new FieldError("receivedAt", "is required"));
        } else {
            if (firstResponseAt != null && firstResponseAt.isBefore(receivedAt)) {
                errors.add(new FieldError("firstResponseAt", "must not be before receivedAt"));
            }
            if (resolvedAt != null && resolvedAt.isBefore(receivedAt)) {
                errors.add(new FieldError("resolvedAt", "must not be before receivedAt"));
            }
        }
        if (schemaVersion != SCHEMA_VERSION) {
            errors.add(new FieldError("schemaVersion", "must be " + SCHEMA_VERSION));
        }
        return errors;
    }
}
