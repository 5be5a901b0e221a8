package uk.civicpulse.analytics.evidence;

import jakarta.inject.Singleton;
import uk.civicpulse.analytics.drivers.KeyDriverService;
import uk.civicpulse.analytics.publishing.ReportingPeriod;
import uk.civicpulse.analytics.timeliness.Standard;
import uk.civicpulse.analytics.timeliness.StandardRepository;
import uk.civicpulse.analytics.timeliness.DateRange;
import uk.civicpulse.analytics.timeliness.PeerStandard;
import uk.civicpulse.analytics.timeliness.PeerStandardsService;
import uk.civicpulse.analytics.timeliness.Period;
import uk.civicpulse.analytics.timeliness.TimelinessReport;
import uk.civicpulse.analytics.timeliness.TimelinessRow;
import uk.civicpulse.analytics.timeliness.TimelinessService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Criterion 5 (timeliness and quality of service), from the timeliness API's own figures. */
@Singleton
class TimelinessEvidence {

    /** The kinds of contact CSE 5.1.1 names, as channels: phone calls, e-communications, letters, personal callers. */
    static final List<String> CONTACT_KINDS = List.of("phone", "email", "letter", "face_to_face");

    private final TimelinessService timeliness;
    private final PeerStandardsService peerStandards;
    private final StandardRepository standards;
    private final KeyDriverService drivers;

    TimelinessEvidence(TimelinessService timeliness, PeerStandardsService peerStandards, StandardRepository standards,
                       KeyDriverService drivers) {
        this.timeliness = timeliness;
        this.peerStandards = peerStandards;
        this.standards = standards;
        this.drivers = drivers;
    }

    List<EvidenceElement> elements(String council, ReportingPeriod period, Wording w, boolean welsh, String publicPage) {
        String from = period.from().toString();
        String to = period.to().toString();
        Map<String, Standard> inForce = new TreeMap<>();
        for (Standard s : standards.standards(council)) {
            if (!s.effectiveFrom().isAfter(period.to())) {
                inForce.merge(s.code(), s, (a, b) -> a.effectiveFrom().isAfter(b.effectiveFrom()) ? a : b);
            }
        }
        DateRange range = DateRange.of(period.from(), period.to());
        TimelinessReport whole = timeliness.report(council, range, false, false, Period.NONE);
        TimelinessReport monthly = timeliness.report(council, range, false, false, Period.MONTH);

        List<EvidenceElement> elements = new ArrayList<>();
        elements.add(standardsSet(inForce, w, welsh));
        long keyAreas = drivers.drivers(council, from, to, null, null).analysis().n();
        elements.add(new EvidenceElement("5.1.2", w.t("evidence.asks.5.1.2"),
                keyAreas == 0 ? List.of() : List.of(w.t("evidence.5.1.2.keyAreas", keyAreas)), List.of(w.t("evidence.5.1.2.outside"))));
        elements.add(new EvidenceElement("5.2.1", w.t("evidence.asks.5.2.1"),
                inForce.isEmpty() ? List.of() : List.of(w.t("evidence.5.2.1.published", inForce.size(), publicPage)),
                inForce.isEmpty() ? List.of(w.t("evidence.5.1.1.none")) : List.of()));
        elements.add(new EvidenceElement("5.2.2", w.t("evidence.asks.5.2.2"), List.of(), List.of(w.t("evidence.outsideProduct"))));
        elements.add(new EvidenceElement("5.2.3", w.t("evidence.asks.5.2.3"), List.of(), List.of(w.t("evidence.outsideProduct"))));
        elements.add(nextSteps(inForce, whole, w));
        elements.add(firstResponses(whole, w));
        elements.add(monitoring(monthly, w));
        elements.add(standardsMet(whole, inForce, w));
        elements.add(peers(council, range, w));
        return elements;
    }

    private EvidenceElement standardsSet(Map<String, Standard> inForce, Wording w, boolean welsh) {
        List<String> evidence = inForce.values().stream().map(s -> w.t("evidence.5.1.1.standard", s.code(),
                welsh ? s.promiseCy() : s.promiseEn(), Wording.pct(s.targetShare()))).toList();
        List<String> missing = CONTACT_KINDS.stream().filter(k -> inForce.values().stream().noneMatch(s -> k.equals(s.channel())))
                .map(k -> w.t("public.channel." + k)).toList();
        List<String> gaps = new ArrayList<>();
        if (inForce.isEmpty()) {
            gaps.add(w.t("evidence.5.1.1.none"));
        } else if (!missing.isEmpty()) {
            gaps.add(w.t("evidence.5.1.1.missing", String.join(", ", missing)));
        }
        return new EvidenceElement("5.1.1", w.t("evidence.asks.5.1.1"), evidence, gaps);
    }

    private EvidenceElement nextSteps(Map<String, Standard> inForce, TimelinessReport whole, Wording w) {
        List<String> evidence = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        long resolution = inForce.values().stream().filter(s -> s.measure().equals("resolution")).count();
        long firstResponse = inForce.values().stream().filter(s -> s.measure().equals("first_response")).count();
        if (resolution > 0) {
            evidence.add(w.t("evidence.5.2.4.measures", firstResponse, resolution));
        } else {
            gaps.add(w.t("evidence.5.2.4.noResolution"));
        }
        long recorded = whole.rows().stream().mapToLong(r -> r.firstContactResolution().n()).sum();
        long resolved = whole.rows().stream().mapToLong(r -> r.firstContactResolution().count()).sum();
        if (recorded > 0) {
            evidence.add(w.t("evidence.5.2.4.fcr", Wording.pct((double) resolved / recorded), recorded));
        } else {
            gaps.add(w.t("evidence.5.2.4.noFcr"));
        }
        return new EvidenceElement("5.2.4", w.t("evidence.asks.5.2.4"), evidence, gaps);
    }

    private EvidenceElement firstResponses(TimelinessReport whole, Wording w) {
        List<TimelinessRow> rows = whole.rows().stream().filter(r -> r.measure().equals("first_response") && r.status() != null).toList();
        List<String> evidence = rows.stream().map(r -> w.t("evidence.5.3.2.row", r.standard(), Wording.pct(r.withinStandard().proportion()),
                r.withinStandard().n(), Wording.pct(r.targetShare()), w.t("public.standard." + r.status()))).toList();
        List<String> gaps = rows.stream().filter(r -> r.status().equals("not_met"))
                .map(r -> w.t("evidence.5.2.5.late", r.standard(), Wording.pct(r.withinStandard().proportion()))).collect(Collectors.toList());
        if (rows.isEmpty()) {
            gaps.add(w.t("evidence.5.3.2.noContacts"));
        }
        return new EvidenceElement("5.2.5", w.t("evidence.asks.5.2.5"), evidence, gaps);
    }

    private EvidenceElement monitoring(TimelinessReport monthly, Wording w) {
        List<TimelinessRow> judged = monthly.rows().stream().filter(r -> r.status() != null).toList();
        if (judged.isEmpty()) {
            return new EvidenceElement("5.3.1", w.t("evidence.asks.5.3.1"), List.of(), List.of(w.t("evidence.5.3.2.noContacts")));
        }
        long standardsMonitored = judged.stream().map(TimelinessRow::standard).distinct().count();
        long months = judged.stream().map(r -> r.group().get("period")).distinct().count();
        List<String> notMet = judged.stream().filter(r -> r.status().equals("not_met"))
                .map(r -> r.standard() + " " + r.group().get("period").substring(0, 7)).toList();
        return new EvidenceElement("5.3.1", w.t("evidence.asks.5.3.1"),
                List.of(w.t("evidence.5.3.1.monthly", standardsMonitored, months)),
                notMet.isEmpty() ? List.of() : List.of(w.t("evidence.5.3.1.monthsNotMet", notMet.size(), judged.size(), String.join(", ", notMet))));
    }

    private EvidenceElement standardsMet(TimelinessReport whole, Map<String, Standard> inForce, Wording w) {
        List<TimelinessRow> judged = whole.rows().stream().filter(r -> r.status() != null).toList();
        List<String> evidence = judged.stream().map(r -> w.t("evidence.5.3.2.row", r.standard(), Wording.pct(r.withinStandard().proportion()),
                r.withinStandard().n(), Wording.pct(r.targetShare()), w.t("public.standard." + r.status()))).toList();
        List<String> gaps = new ArrayList<>();
        long notMet = judged.stream().filter(r -> r.status().equals("not_met")).count();
        long close = judged.stream().filter(r -> r.status().equals("too_close_to_call")).count();
        if (notMet > 0) {
            gaps.add(w.t("evidence.5.3.2.notMet", notMet, judged.size()));
        }
        if (close > 0) {
            gaps.add(w.t("evidence.5.3.2.tooClose", close, judged.size()));
        }
        long unmeasured = inForce.keySet().stream().filter(code -> judged.stream().noneMatch(r -> r.standard().equals(code))).count();
        if (unmeasured > 0) {
            gaps.add(w.t("evidence.5.3.2.unmeasured", unmeasured, inForce.size()));
        }
        return new EvidenceElement("5.3.2", w.t("evidence.asks.5.3.2"), evidence, gaps);
    }

    private EvidenceElement peers(String council, DateRange range, Wording w) {
        List<String> evidence = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        for (PeerStandard p : peerStandards.peers(council, range)) {
            List<PeerStandard.PeerPoint> others = p.points().stream().filter(x -> !x.council().equals(council)).toList();
            PeerStandard.PeerPoint own = p.points().stream().filter(x -> x.council().equals(council)).findFirst().orElse(null);
            long n = others.stream().mapToLong(PeerStandard.PeerPoint::n).sum();
            long within = others.stream().mapToLong(PeerStandard.PeerPoint::within).sum();
            if (own == null || own.n() == 0 || n == 0) {
                continue;
            }
            double peerShare = (double) within / n;
            evidence.add(w.t("evidence.5.3.3.peer", p.standard(), Wording.pct(own.share()), Wording.pct(peerShare), others.size(), p.description()));
            if (own.upper() != null && own.upper() < peerShare) {
                gaps.add(w.t("evidence.5.3.3.below", p.standard(), p.description()));
            }
        }
        if (evidence.isEmpty()) {
            gaps.add(w.t("evidence.5.3.3.none"));
        }
        return new EvidenceElement("5.3.3", w.t("evidence.asks.5.3.3"), evidence, gaps);
    }
}
