package uk.civicpulse.survey.settings;

import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The capture settings in memory, so validating a rating never waits on the database. Loaded at start-up and
 * re-read periodically; a failed re-read keeps the last good copy.
 */
@Context
public class CaptureSettings {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureSettings.class);

    private final CaptureSettingsRepository repository;
    private volatile Map<String, CouncilSettings> councils;

    public CaptureSettings(CaptureSettingsRepository repository) {
        this.repository = repository;
        this.councils = repository.loadAll();
        LOG.info("Capture settings loaded for {} councils", councils.size());
    }

    public Optional<CouncilSettings> council(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(councils.get(code));
    }

    public Collection<CouncilSettings> councils() {
        return councils.values();
    }

    @Scheduled(fixedDelay = "${civic-pulse.settings.refresh-interval:30s}", initialDelay = "${civic-pulse.settings.refresh-interval:30s}")
    void refresh() {
        try {
            councils = repository.loadAll();
        } catch (RuntimeException e) {
            LOG.warn("Could not re-read capture settings; keeping the last good copy", e);
        }
    }
}
