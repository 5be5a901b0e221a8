package uk.civicpulse.analytics.redaction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One comment of the redaction corpus (src/test/resources/redaction/comment-corpus.csv) with the personal data a
 * careful human redactor would take out of it, written as {@code kind=text | kind=text}. A row with nothing expected
 * is a trap: anything redacted in it is a false positive.
 */
record CorpusRow(int line, String split, String language, String comment, List<Expected> expected) {

    record Expected(PersonalData kind, int start, int end) {
    }

    boolean trap() {
        return expected.isEmpty();
    }

    static List<CorpusRow> read(String resource) throws IOException {
        List<CorpusRow> rows = new ArrayList<>();
        try (InputStream in = CorpusRow.class.getResourceAsStream(resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    rows.add(parse(number, fields(line)));
                }
            }
        }
        return rows;
    }

    private static CorpusRow parse(int line, List<String> fields) {
        String comment = fields.get(2);
        List<Expected> expected = new ArrayList<>();
        if (!fields.get(3).isBlank()) {
            for (String item : fields.get(3).split(" \\| ")) {
                String[] kindAndText = item.split("=", 2);
                int start = comment.indexOf(kindAndText[1]);
                if (start < 0) {
                    throw new IllegalArgumentException("line " + line + ": '" + kindAndText[1] + "' is not in the comment");
                }
                expected.add(new Expected(PersonalData.valueOf(kindAndText[0].toUpperCase(java.util.Locale.ROOT)),
                        start, start + kindAndText[1].length()));
            }
        }
        return new CorpusRow(line, fields.get(0), fields.get(1), comment, expected);
    }

    /** RFC 4180 fields of one line (the corpus has no line breaks inside fields). */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
