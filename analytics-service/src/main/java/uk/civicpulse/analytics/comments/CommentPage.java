package uk.civicpulse.analytics.comments;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of comments; {@code redacted} says whether personal data was taken out of them (it is, unless a council admin asked for originals). */
@Serdeable
public record CommentPage(int page, int size, long total, List<Comment> items, boolean redacted) {

    public CommentPage(int page, int size, long total, List<Comment> items) {
        this(page, size, total, items, false);
    }
}
