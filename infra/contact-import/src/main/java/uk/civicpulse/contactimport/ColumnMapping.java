package uk.civicpulse.contactimport;

import uk.civicpulse.events.ContactChannel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Which CSV column holds which field, and how the export's channel names map to the contract's.
 * <p>
 * By default a column is recognised by any of several usual header names, compared ignoring case, spaces, '-' and '_'
 * (see {@link #DEFAULT_HEADERS}). A mapping file (Java properties) names the header for a field
 * ({@code receivedAt=Date Logged}) and adds channel names ({@code channel.Telephone=phone}).
 */
final class ColumnMapping {

    /** Ignored when comparing header and channel names; first, as the static blocks below use it. */
    private static final java.util.regex.Pattern IGNORED = java.util.regex.Pattern.compile("[\\s_\\-.]");

    static final String SOURCE_ID = "sourceId";
    static final String COUNCIL = "council";
    static final String SERVICE = "service";
    static final String CHANNEL = "channel";
    static final String CONTACT_TYPE = "contactType";
    static final String RECEIVED_AT = "receivedAt";
    static final String FIRST_RESPONSE_AT = "firstResponseAt";
    static final String RESOLVED_AT = "resolvedAt";
    static final String RESOLVED_AT_FIRST_CONTACT = "resolvedAtFirstContact";

    /** Field to the header names recognised for it, first the contract's own name. */
    static final Map<String, List<String>> DEFAULT_HEADERS = new LinkedHashMap<>();

    static {
        DEFAULT_HEADERS.put(SOURCE_ID, List.of("source_id", "id", "contact_id", "reference", "ref", "case_ref", "case_reference", "call_id"));
        DEFAULT_HEADERS.put(COUNCIL, List.of("council"));
        DEFAULT_HEADERS.put(SERVICE, List.of("service", "department", "service_area"));
        DEFAULT_HEADERS.put(CHANNEL, List.of("channel", "contact_channel", "method"));
        DEFAULT_HEADERS.put(CONTACT_TYPE, List.of("contact_type", "type", "category"));
        DEFAULT_HEADERS.put(RECEIVED_AT, List.of("received_at", "received", "date_received", "logged", "date_logged", "created"));
        DEFAULT_HEADERS.put(FIRST_RESPONSE_AT, List.of("first_response_at", "first_response", "responded", "responded_at", "answered", "answered_at"));
        DEFAULT_HEADERS.put(RESOLVED_AT, List.of("resolved_at", "resolved", "closed", "closed_at", "date_closed"));
        DEFAULT_HEADERS.put(RESOLVED_AT_FIRST_CONTACT, List.of("resolved_at_first_contact", "first_contact_resolution", "fcr", "resolved_first_time"));
    }

    private static final Map<String, ContactChannel> DEFAULT_CHANNELS = new HashMap<>();

    static {
        for (ContactChannel c : ContactChannel.values()) {
            DEFAULT_CHANNELS.put(normalise(c.code()), c);
        }
        for (String s : List.of("telephone", "tel", "call", "callcentre", "contactcentre")) {
            DEFAULT_CHANNELS.put(s, ContactChannel.PHONE);
        }
        for (String s : List.of("email", "e-mail", "mail")) {
            DEFAULT_CHANNELS.put(normalise(s), ContactChannel.EMAIL);
        }
        for (String s : List.of("webform", "web", "online", "onlineform", "website")) {
            DEFAULT_CHANNELS.put(s, ContactChannel.WEB_FORM);
        }
        for (String s : List.of("letter", "post", "postal")) {
            DEFAULT_CHANNELS.put(s, ContactChannel.LETTER);
        }
        for (String s : List.of("facetoface", "inperson", "personalcaller", "visit", "walkin", "reception")) {
            DEFAULT_CHANNELS.put(s, ContactChannel.FACE_TO_FACE);
        }
    }

    private final Map<String, String> headerForField = new HashMap<>();
    private final Map<String, ContactChannel> channels = new HashMap<>(DEFAULT_CHANNELS);

    ColumnMapping(Properties overrides) {
        for (String key : overrides.stringPropertyNames()) {
            String value = overrides.getProperty(key);
            if (key.startsWith("channel.")) {
                ContactChannel channel = ContactChannel.fromCode(value.strip()).orElseThrow(() -> new IllegalArgumentException(
                        "mapping " + key + "=" + value + ": not a channel (phone, email, web_form, letter, face_to_face)"));
                channels.put(normalise(key.substring("channel.".length())), channel);
            } else if (DEFAULT_HEADERS.containsKey(key)) {
                headerForField.put(key, value);
            } else {
                throw new IllegalArgumentException("mapping: unknown field '" + key + "'; fields are " + DEFAULT_HEADERS.keySet());
            }
        }
    }

    static String normalise(String header) {
        return IGNORED.matcher(header.strip().toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /**
     * The column index of each field present in the header row.
     *
     * @throws IllegalArgumentException when a header named in the mapping file is missing
     */
    Map<String, Integer> resolve(List<String> header) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(normalise(header.get(i)), i);
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : DEFAULT_HEADERS.entrySet()) {
            String field = e.getKey();
            String named = headerForField.get(field);
            if (named != null) {
                Integer i = index.get(normalise(named));
                if (i == null) {
                    missing.add("'" + named + "' (for " + field + ")");
                } else {
                    columns.put(field, i);
                }
                continue;
            }
            for (String candidate : e.getValue()) {
                Integer i = index.get(normalise(candidate));
                if (i != null) {
                    columns.put(field, i);
                    break;
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the header row has no column " + String.join(", ", missing));
        }
        return columns;
    }

    Optional<ContactChannel> channel(String value) {
        ContactChannel exact = channels.get(value);
        return Optional.ofNullable(exact != null ? exact : channels.computeIfAbsent(value, v -> channels.get(normalise(v))));
    }
}
