package uk.civicpulse.analytics.publishing;

import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The public minimum n is read from ANALYTICS_PUBLIC_MINIMUM_N through application.yml's dotted key (default 10). */
class PublicMinimumNConfigTest {

    @Test
    void applicationYmlNamesTheEnvironmentVariableAndItsDefault() throws Exception {
        try (InputStream yml = getClass().getResourceAsStream("/application.yml")) {
            Map<String, Object> properties = new YamlPropertySourceLoader().read("application", yml);
            PropertySource source = PropertySource.of(properties);
            assertEquals("${ANALYTICS_PUBLIC_MINIMUM_N:10}", String.valueOf(source.get("civic-pulse.public.minimum-n")));
        }
    }
}
