package uk.civicpulse.analytics.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** OWASP "CSV injection": a cell a spreadsheet would run as a formula is written with a leading quote mark instead. */
class CsvWriterTest {

    @Test
    void defusesCellsThatASpreadsheetWouldRunAsFormulas() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", CsvWriter.escape("=HYPERLINK(\"http://x\")"));
        assertEquals("'+1+1", CsvWriter.escape("+1+1"));
        assertEquals("'-2+3", CsvWriter.escape("-2+3"));
        assertEquals("'@SUM(A1)", CsvWriter.escape("@SUM(A1)"));
        assertEquals("plain text", CsvWriter.escape("plain text"));
    }

    @Test
    void defusesCellsStartingWithATabOrACarriageReturn() {
        assertEquals("'\t=1", CsvWriter.escape("\t=1"));
        assertEquals("\"'\r=1\"", CsvWriter.escape("\r=1"));
    }

    @Test
    void leavesNegativeNumbersAsNumbers() {
        assertEquals("-3", CsvWriter.escape(-3));
    }
}
