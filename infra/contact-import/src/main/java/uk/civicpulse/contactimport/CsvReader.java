package uk.civicpulse.contactimport;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time: fields separated by commas, quoted fields may hold commas, doubled quotes
 * and line breaks; CRLF or LF line ends; a byte-order mark before the first field is skipped. Each record remembers the
 * line it starts on (1-based, as a spreadsheet numbers rows) so a rejected row can be found in the file.
 */
final class CsvReader implements AutoCloseable {

    /** One record: its fields, the line it starts on, and whether a quote was left open at the end of the file. */
    record Record(List<String> fields, long line, boolean unterminatedQuote) {
    }

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int length;
    private int position;
    private long line = 1;
    private long charsRead;
    private boolean first = true;

    CsvReader(Reader in) {
        this.in = in;
    }

    /** Characters consumed so far, for progress. */
    long charsRead() {
        return charsRead;
    }

    /** The next record, or null at the end of the file. Blank lines are records with one empty field. */
    Record next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        if (first && c == '\uFEFF') {
            c = read();
            if (c == -1) {
                return null;
            }
        }
        first = false;
        long startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    fields.add(field.toString());
                    return new Record(fields, startLine, true);
                }
                if (c == '"') {
                    int n = peek();
                    if (n == '"') {
                        read();
                        field.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (c == '"' && field.isEmpty() && !fieldWasQuoted) {
                quoted = true;
                fieldWasQuoted = true;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                if (c != -1) {
                    line++;
                }
                fields.add(field.toString());
                return new Record(fields, startLine, false);
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (position == length && !fill()) {
            return -1;
        }
        charsRead++;
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == length && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        length = in.read(buffer);
        position = 0;
        return length > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
