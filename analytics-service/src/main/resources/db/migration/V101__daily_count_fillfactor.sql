-- Room on each page of the daily counts for the new versions of its rows. A live rating updates the row of its cell
-- and day, and the same rows are updated again and again through the day (a batch of 10,000 live ratings inserts about
-- 900 group-count rows and updates 6,600). An update whose new version fits on the row's own page is a HOT update:
-- no new entry in the 7- or 9-column text primary key. On full pages (the default fillfactor, 100) the new version
-- goes to another page and the key gets a new entry each time.
--
-- Only pages written from now on keep the 30% free: ALTER TABLE ... SET (fillfactor) rewrites nothing. The pages
-- of days already counted stay full, which costs little, as rows of past days are rarely updated (a late rating, an
-- erasure, a changed answer). To repack them as well, run VACUUM FULL or CLUSTER on the two tables at a quiet time
-- (each takes an ACCESS EXCLUSIVE lock on its table while it rewrites it), not here.
ALTER TABLE rating_daily_count SET (fillfactor = 70);
ALTER TABLE rating_daily_group_count SET (fillfactor = 70);
