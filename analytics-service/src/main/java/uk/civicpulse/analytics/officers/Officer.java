package uk.civicpulse.analytics.officers;

/**
 * Someone who signs in to the officer API.
 *
 * @param council the council they belong to; null only for a platform admin
 */
public record Officer(String username, String passwordHash, String council, Role role) {
}
