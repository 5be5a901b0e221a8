package uk.civicpulse.analytics.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import uk.civicpulse.analytics.officers.CouncilAccess;
import uk.civicpulse.analytics.web.BadFieldException;
import uk.civicpulse.analytics.web.BadParameterException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What officers may do with their council's alerts, shared by the API and the pages. */
@Singleton
public class AlertService {

    static final int MAX_LIST = 500;
    static final int MAX_RECIPIENTS = 50;
    /** Deliberately plain: one @, no spaces, a dot in the domain. The SMTP server is the final judge. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final AlertRepository alerts;
    private final CouncilAccess access;

    public AlertService(AlertRepository alerts, CouncilAccess access) {
        this.alerts = alerts;
        this.access = access;
    }

    /** @param status unacknowledged or all (default all) */
    public List<Alert> list(Authentication who, String council, @Nullable String status) {
        access.requireReadable(who, council);
        if (status != null && !status.equals("unacknowledged") && !status.equals("all")) {
            throw new BadParameterException("status", "must be unacknowledged or all");
        }
        return alerts.list(council, "unacknowledged".equals(status), MAX_LIST);
    }

    public Alert acknowledge(Authentication who, String council, long id) {
        access.requireReadable(who, council);
        Alert alert = alerts.find(council, id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no alert " + id + " for " + council));
        if (!alerts.acknowledge(council, id, who.getName())) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "alert " + id + " was already acknowledged by " + alert.acknowledgedBy());
        }
        return alerts.find(council, id).orElseThrow();
    }

    public List<String> recipients(Authentication who, String council) {
        access.requireReadable(who, council);
        return alerts.recipients(council);
    }

    /** Replaces who is emailed the council's alerts: council admins of the council and platform admins only. */
    public List<String> setRecipients(Authentication who, String council, @Nullable List<String> emails) {
        access.requireAdministrable(who, council);
        if (emails == null) {
            throw new BadFieldException("emails", "give the list of addresses, e.g. [\"performance@council.gov.uk\"] ([] for none)");
        }
        if (emails.size() > MAX_RECIPIENTS) {
            throw new BadFieldException("emails", "at most " + MAX_RECIPIENTS + " addresses; use a group mailbox");
        }
        List<String> clean = new ArrayList<>();
        for (String e : emails) {
            String address = e == null ? "" : e.strip().toLowerCase(Locale.ROOT);
            if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
                throw new BadFieldException("emails", "'" + e + "' is not an email address");
            }
            if (!clean.contains(address)) {
                clean.add(address);
            }
        }
        alerts.setRecipients(council, clean, who.getName());
        return alerts.recipients(council);
    }
}
