package uk.civicpulse.survey.settings;

import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The capture settings in memory, so validating a rating never waits on the database. Loaded at start-up,
 * re-read periodically (so a change made by another instance shows within the refresh interval) and at once after
 * this instance's admin API changes them; a failed re-read keeps the last good copy.
 */
@Context
public class CaptureSettings {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureSettings.class);

    private final CaptureSettingsRepository repository;
    private volatile Loaded loaded;

    private record Loaded(CaptureSettingsRepository.Snapshot snapshot, Set<String> anyCouncilOrigins) {
        static Loaded of(CaptureSettingsRepository.Snapshot snapshot) {
            return new Loaded(snapshot, snapshot.councils().values().stream()
                    .flatMap(c -> c.allowedOrigins().stream()).collect(Collectors.toUnmodifiableSet()));
        }
    }

    public CaptureSettings(CaptureSettingsRepository repository) {
        this.repository = repository;
        this.loaded = Loaded.of(repository.loadAll());
        LOG.info("Capture settings loaded for {} councils", loaded.snapshot().councils().size());
    }

    public Optional<CouncilSettings> council(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(loaded.snapshot().councils().get(code));
    }

    public Collection<CouncilSettings> councils() {
        return loaded.snapshot().councils().values();
    }

    public Optional<IvrLine> ivrLine(String line) {
        return line == null ? Optional.empty() : Optional.ofNullable(loaded.snapshot().ivrLines().get(line));
    }

    /** The council's phone lines. */
    public java.util.List<IvrLine> ivrLines(String council) {
        return loaded.snapshot().ivrLines().values().stream().filter(l -> l.council().equals(council)).toList();
    }

    /** True when at least one council lets pages from this origin post its ratings. */
    public boolean isAllowedByAnyCouncil(String origin) {
        return origin != null && loaded.anyCouncilOrigins().contains(origin);
    }

    /** Re-reads the settings now; the admin API calls it after every change it commits. */
    public void reload() {
        loaded = Loaded.of(repository.loadAll());
    }

    @Scheduled(fixedDelay = "${civic-pulse.settings.refresh-interval:30s}", initialDelay = "${civic-pulse.settings.refresh-interval:30s}")
    void refresh() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.warn("Could not re-read capture settings; keeping the last good copy", e);
        }
    }
}
