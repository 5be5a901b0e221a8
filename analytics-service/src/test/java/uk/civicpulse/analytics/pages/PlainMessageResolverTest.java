package uk.civicpulse.analytics.pages;

import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlainMessageResolverTest {

    @Test
    void argumentsGoInAsTheyAreApostrophesIncluded() {
        assertEquals("By King's Lynn on 1 Aug", PlainMessageResolver.fill("By {0} on {1}", new Object[] {"King's Lynn", "1 Aug"}));
        assertEquals("{0} and {1}", PlainMessageResolver.fill("{0} and {1}", new Object[] {}));
        assertEquals("a {1}", PlainMessageResolver.fill("{0} {1}", new Object[] {"a"}), "a number with no argument stays");
        assertEquals("$1 \\ {0}", PlainMessageResolver.fill("{0} {1}", new Object[] {"$1", "\\ {0}"}), "no second substitution");
    }

    @Test
    void aTemplateGetsTheArgumentsWholeInEnglishAndWelsh() {
        {
            // the service's engine gets it from PlainMessageResolver.Installer (AlertsIT sees an apostrophe on a page)
            TemplateEngine engine = new TemplateEngine();
            engine.setTemplateResolver(new StringTemplateResolver());
            engine.setMessageResolver(new PlainMessageResolver(PageMessages::new));
            Context english = new Context(Locale.UK);
            english.setVariable("name", "O'Brien");
            assertEquals("<p>By O&#39;Brien on 2 Aug</p>",
                    engine.process("<p th:text=\"#{alerts.acknowledgedBy(${name}, '2 Aug')}\"></p>", english));
            Context welsh = new Context(Locale.forLanguageTag("cy-GB"));
            welsh.setVariable("name", "O'Brien");
            assertEquals("<p>Gan O&#39;Brien ar 2 Aws</p>",
                    engine.process("<p th:text=\"#{alerts.acknowledgedBy(${name}, '2 Aws')}\"></p>", welsh));
        }
    }
}
