package uk.civicpulse.analytics.pages;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/**
 * The words of the shared page layout in English and Welsh ({@code i18n/pages*.properties}). Each feature with pages
 * adds its own bundle the same way; Micronaut combines every message source, and templates read them as {@code #{key}}.
 */
@Singleton
public class PageMessages extends ResourceBundleMessageSource {
    public PageMessages() {
        super("i18n.pages");
    }
}
