package uk.civicpulse.analytics.pages;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.MessageSource;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the templates' {@code #{key(arguments)}} from our message bundles and puts the arguments in as they are.
 * Micronaut Views' own resolver puts them in and then runs the result through {@code MessageFormat}, which takes an
 * apostrophe for a quote: "King's Lynn" would come out as "Kings Lynn" in a page title, and an email error lost its
 * apostrophes on the alerts page. Our bundles use the typographic apostrophe and no format types ({@code {0,number}}),
 * so plain substitution is all they need.
 */
public final class PlainMessageResolver extends AbstractMessageResolver {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

    private final BeanProvider<MessageSource> messages;

    PlainMessageResolver(BeanProvider<MessageSource> messages) {
        this.messages = messages;
        setName("civic-pulse");
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] arguments) {
        return messages.get().getRawMessage(key, MessageSource.MessageContext.of(context.getLocale()))
                .map(pattern -> fill(pattern, arguments))
                .orElse(null);
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key, Object[] arguments) {
        Locale locale = context.getLocale();
        return "??" + key + "_" + (locale == null ? "" : locale.toString()) + "??";
    }

    /** {0}, {1}, ... replaced by the arguments' text; a number with no argument stays as written. */
    static String fill(String pattern, Object[] arguments) {
        if (arguments == null || arguments.length == 0) {
            return pattern;
        }
        Matcher m = ARGUMENT.matcher(pattern);
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            String value = i < arguments.length ? String.valueOf(arguments[i]) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Puts this resolver in place of Micronaut Views' on the template engine, before the engine is first used. */
    @Singleton
    static final class Installer implements BeanCreatedEventListener<TemplateEngine> {

        private final BeanProvider<MessageSource> messages;

        Installer(BeanProvider<MessageSource> messages) {
            this.messages = messages;
        }

        @Override
        public TemplateEngine onCreated(BeanCreatedEvent<TemplateEngine> event) {
            TemplateEngine engine = event.getBean();
            engine.setMessageResolver(new PlainMessageResolver(messages));
            return engine;
        }
    }
}
