package uk.civicpulse.analytics.comments;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

@Serdeable
public record CommentPage(int page, int size, long total, List<Comment> items) {
}
