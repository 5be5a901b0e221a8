package uk.civicpulse.launcher;

import uk.civicpulse.events.ContactChannel;
import uk.civicpulse.events.ContactHandled;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Twelve months of contacts for one council, for its timeliness standards: calls, emails, web forms, letters,
 * personal callers, complaints and (where the council collects waste) missed bins, each with times drawn so that some
 * councils keep some standards and miss others. Ids are fixed by council, day, type and number: a re-run adds none.
 * Contacts received in the last few days may still be open.
 */
final class DemoContacts {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private record Kind(String type, ContactChannel channel, double perWeekday, boolean weekdaysOnly) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("call", ContactChannel.PHONE, 14, true),
            new Kind("email", ContactChannel.EMAIL, 4, false),
            new Kind("web_form", ContactChannel.WEB_FORM, 3, false),
            new Kind("letter", ContactChannel.LETTER, 0.7, true),
            new Kind("personal_caller", ContactChannel.FACE_TO_FACE, 3, true),
            new Kind("complaint", ContactChannel.EMAIL, 0.4, false),
            new Kind("missed_bin", ContactChannel.WEB_FORM, 2, true));

    private DemoContacts() {
    }

    static List<ContactHandled> contacts(String council, List<String> services, LocalDate today, int days) {
        Random random = new Random(("contacts:" + council).hashCode());
        // each council has its own pace: mean seconds to answer a call, mean days to reply
        double callMean = 25 + Math.floorMod(council.hashCode(), 25);
        double replyDays = 1.5 + Math.floorMod(council.hashCode(), 7) * 0.3;
        Instant now = today.atStartOfDay(LONDON).toInstant();
        List<ContactHandled> contacts = new ArrayList<>();
        for (int d = days; d >= 1; d--) {
            LocalDate day = today.minusDays(d);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean winter = day.getMonthValue() == 12 || day.getMonthValue() == 1;
            for (Kind kind : KINDS) {
                if (kind.type().equals("missed_bin") && !services.contains("waste")) {
                    continue;
                }
                if (weekend && kind.weekdaysOnly()) {
                    continue;
                }
                int count = poisson(random, kind.perWeekday());
                for (int i = 0; i < count; i++) {
                    String id = "demo-" + council + "-" + day + "-" + kind.type() + "-" + i;
                    Instant received = day.atTime(8 + random.nextInt(9), random.nextInt(60)).atZone(LONDON).toInstant();
                    String service = kind.type().equals("missed_bin") ? "waste" : services.get(random.nextInt(services.size()));
                    contacts.add(contact(random, id, council, service, kind, received, callMean * (winter ? 1.4 : 1),
                            replyDays, now));
                }
            }
        }
        return contacts;
    }

    private static ContactHandled contact(Random random, String id, String council, String service, Kind kind,
                                          Instant received, double callMean, double replyDays, Instant now) {
        Duration first;
        Duration resolved = null;
        Boolean firstContact = null;
        switch (kind.type()) {
            case "call" -> {
                first = Duration.ofSeconds((long) exponential(random, callMean));
                firstContact = random.nextDouble() < 0.72;
                if (firstContact) {
                    resolved = first.plusMinutes(4 + random.nextInt(8));
                }
            }
            case "personal_caller" -> {
                first = Duration.ofSeconds((long) exponential(random, 6 * 60));
                firstContact = random.nextDouble() < 0.8;
                if (firstContact) {
                    resolved = first.plusMinutes(10 + random.nextInt(15));
                }
            }
            case "letter" -> first = Duration.ofHours((long) (24 * exponential(random, replyDays * 2.2)));
            case "complaint" -> {
                first = Duration.ofHours((long) (24 * exponential(random, replyDays)));
                resolved = Duration.ofHours((long) (24 * (5 + exponential(random, 14))));
                firstContact = false;
            }
            case "missed_bin" -> {
                first = Duration.ofHours(1 + random.nextInt(6));
                resolved = Duration.ofHours((long) (24 * exponential(random, 1.4)));
            }
            default -> first = Duration.ofHours((long) (24 * exponential(random, replyDays)));
        }
        Instant firstAt = received.plus(first);
        Instant resolvedAt = resolved == null ? null : received.plus(resolved);
        return new ContactHandled(id, council, service, kind.channel(), kind.type(), received,
                firstAt.isAfter(now) ? null : firstAt, resolvedAt == null || resolvedAt.isAfter(now) ? null : resolvedAt,
                firstContact, ContactHandled.SCHEMA_VERSION);
    }

    private static double exponential(Random random, double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    private static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

}
