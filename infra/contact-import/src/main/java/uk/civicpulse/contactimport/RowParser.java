package uk.civicpulse.contactimport;

import uk.civicpulse.events.ContactChannel;
import uk.civicpulse.events.ContactHandled;
import uk.civicpulse.events.FieldError;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one CSV row into a {@link ContactHandled}, or says everything wrong with it. Codes (service, contact type) are
 * lower-cased with spaces as '-' ("Council Tax" becomes "council-tax"); channels go through the mapping's names.
 * <p>
 * Without an id column, a row's source id is derived: "row-" and the first 32 hex digits of SHA-256 over the file's
 * name and the row's fields. The same file imported again gives the same ids, so nothing counts twice; but the same
 * contact in a differently named export, or with any field changed, counts as another contact: give an id column
 * where the export has one.
 */
final class RowParser {

    /** A parsed row: the contact, or the reasons it was rejected. */
    record Result(ContactHandled contact, List<String> reasons) {
    }

    private final Map<String, Integer> columns;
    private final ColumnMapping mapping;
    private final Timestamps timestamps;
    private final String council;
    private final String fileName;
    private final int width;

    RowParser(Map<String, Integer> columns, int width, ColumnMapping mapping, Timestamps timestamps, String council, String fileName) {
        this.columns = columns;
        this.width = width;
        this.mapping = mapping;
        this.timestamps = timestamps;
        this.council = council;
        this.fileName = fileName;
    }

    boolean derivesIds() {
        return !columns.containsKey(ColumnMapping.SOURCE_ID);
    }

    Result parse(List<String> fields) {
        List<String> reasons = new ArrayList<>();
        if (fields.size() != width) {
            reasons.add("has " + fields.size() + " fields where the header has " + width);
            return new Result(null, reasons);
        }
        String sourceId = derivesIds() ? derivedId(fields) : value(fields, ColumnMapping.SOURCE_ID);
        String rowCouncil = columns.containsKey(ColumnMapping.COUNCIL) ? code(value(fields, ColumnMapping.COUNCIL)) : council;
        if (council != null && rowCouncil != null && !rowCouncil.equals(council)) {
            reasons.add("council: '" + rowCouncil + "' is not the council being imported ('" + council + "')");
        }
        String channelText = value(fields, ColumnMapping.CHANNEL);
        ContactChannel channel = null;
        if (channelText == null) {
            reasons.add("channel: is required");
        } else {
            channel = mapping.channel(channelText).orElse(null);
            if (channel == null) {
                reasons.add("channel: '" + channelText + "' is not a known channel (phone, email, web_form, letter, face_to_face; add others in the mapping file as channel.<name>=<channel>)");
            }
        }
        Instant received = time(fields, ColumnMapping.RECEIVED_AT, reasons);
        Instant firstResponse = time(fields, ColumnMapping.FIRST_RESPONSE_AT, reasons);
        Instant resolved = time(fields, ColumnMapping.RESOLVED_AT, reasons);
        Boolean firstContact = bool(value(fields, ColumnMapping.RESOLVED_AT_FIRST_CONTACT), reasons);
        if (!reasons.isEmpty()) {
            return new Result(null, reasons);
        }
        ContactHandled contact = new ContactHandled(sourceId, rowCouncil, code(value(fields, ColumnMapping.SERVICE)), channel,
                code(value(fields, ColumnMapping.CONTACT_TYPE)), received, firstResponse, resolved, firstContact,
                ContactHandled.SCHEMA_VERSION);
        for (FieldError e : contact.contractErrors()) {
            reasons.add(e.field() + ": " + e.message() + describe(e.field(), fields));
        }
        return reasons.isEmpty() ? new Result(contact, List.of()) : new Result(null, reasons);
    }

    private String describe(String field, List<String> fields) {
        if (!columns.containsKey(field)) {
            return field.equals(ColumnMapping.COUNCIL) ? " (give --council or a council column)" : " (no such column)";
        }
        return " (was '" + fields.get(columns.get(field)) + "')";
    }

    private String value(List<String> fields, String field) {
        Integer i = columns.get(field);
        if (i == null) {
            return null;
        }
        String v = fields.get(i).strip();
        return v.isEmpty() ? null : v;
    }

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private static String code(String value) {
        if (value == null || uk.civicpulse.events.RatingSubmitted.isCode(value)) {
            return value;
        }
        return SPACES.matcher(value.toLowerCase(Locale.ROOT)).replaceAll("-");
    }

    private Instant time(List<String> fields, String field, List<String> reasons) {
        String v = value(fields, field);
        if (v == null) {
            return null;
        }
        try {
            return timestamps.parse(v);
        } catch (IllegalArgumentException e) {
            reasons.add(field + ": " + e.getMessage());
            return null;
        }
    }

    private static Boolean bool(String v, List<String> reasons) {
        if (v == null) {
            return null;
        }
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> {
                return true;
            }
            case "false", "no", "n", "0" -> {
                return false;
            }
            default -> {
                reasons.add("resolvedAtFirstContact: '" + v + "' is not yes/no, true/false, y/n or 1/0");
                return null;
            }
        }
    }

    private String derivedId(List<String> fields) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(fileName.getBytes(StandardCharsets.UTF_8));
            for (String f : fields) {
                sha.update((byte) 0);
                sha.update(f.getBytes(StandardCharsets.UTF_8));
            }
            return "row-" + HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
