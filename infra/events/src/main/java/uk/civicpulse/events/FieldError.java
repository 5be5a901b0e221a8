package uk.civicpulse.events;

/**
 * What is wrong with one field of an event or request.
 *
 * @param field   a JSON path-like name, e.g. "score" or "keyAreas.staff"
 * @param message what is wrong, in words an integrator can act on
 */
public record FieldError(String field, String message) {
}
