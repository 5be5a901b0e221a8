package uk.civicpulse.analytics.publishing;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** The words of the public results page, the "you said, we did" form and the evidence pack, in English and Welsh. */
@Singleton
public class PublicMessages extends ResourceBundleMessageSource {
    public PublicMessages() {
        super("i18n.public");
    }
}
