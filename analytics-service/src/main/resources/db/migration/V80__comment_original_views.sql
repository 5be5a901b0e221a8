-- Privacy: every time someone reads residents' comments unredacted (council admins only, on request), one row per
-- comment shown: who, when, which rating, by which route. Kept when the rating is erased: the rating id alone names
-- nobody, and the record of who saw it is what an information governance officer asks for.
CREATE TABLE comment_original_view (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    viewed_at   timestamptz NOT NULL DEFAULT now(),
    officer     text        NOT NULL,
    council     text        NOT NULL,
    rating_id   uuid        NOT NULL,
    route       text        NOT NULL CHECK (route IN ('api', 'api-csv', 'page', 'page-csv'))
);
CREATE INDEX comment_original_view_council ON comment_original_view (council, viewed_at DESC);
